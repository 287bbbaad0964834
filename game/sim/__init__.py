"""The deterministic simulation. Nothing below this package imports pygame, reads the
clock, touches files or draws a random number from anywhere but its own generator."""

from game.sim.commands import Build, Command, Interact, Move
from game.sim.constants import TICK_RATE
from game.sim.world import Simulation

__all__ = ["Build", "Command", "Interact", "Move", "Simulation", "TICK_RATE"]
