"""Simulation systems, one rule each, run in the fixed order of `SYSTEM_ORDER`."""

from game.sim.systems.abilities import AbilitySystem
from game.sim.systems.artisans import ArtisanSystem, WorkshopSystem
from game.sim.systems.build import BuildSystem
from game.sim.systems.collectors import CollectorSystem
from game.sim.systems.deposit import DepositSystem
from game.sim.systems.depots import DeliverySystem
from game.sim.systems.drones import DroneSystem
from game.sim.systems.drop import DropSystem
from game.sim.systems.emitters import EmitterSystem
from game.sim.systems.fields import FieldSystem
from game.sim.systems.movement import MovementSystem
from game.sim.systems.outcome import OutcomeSystem
from game.sim.systems.painting import PaintSystem
from game.sim.systems.pickup import PickupSystem
from game.sim.systems.production import ProductionSystem
from game.sim.systems.sell import SellSystem
from game.sim.systems.support import CoopGoalSystem, RallySystem, SmearSystem, SupportSystem
from game.sim.systems.triggers import TriggerSystem
from game.sim.systems.waves import WaveSystem

# Build first so a structure placed this tick blocks movement this tick.
SYSTEM_ORDER = (
    BuildSystem,
    SellSystem,  # a sold defence's tile is open before anyone moves
    FieldSystem,  # derived state (drone flow fields): refreshed here and nowhere else
    MovementSystem,
    TriggerSystem,  # after movement: Elara's feet where they end this tick
    DropSystem,  # before pickup: what she puts down waits until she steps away
    PickupSystem,
    CollectorSystem,  # after Elara's pickup: on the same tick she gets there first
    DepositSystem,
    DeliverySystem,
    ProductionSystem,
    PaintSystem,  # murals, support and artisans: levels 3 and 5 (no-ops elsewhere)
    RallySystem,
    SmearSystem,
    SupportSystem,
    WorkshopSystem,
    ArtisanSystem,
    CoopGoalSystem,
    AbilitySystem,  # the confrontation (maps with waves; no-ops elsewhere): Kora first,
    WaveSystem,  # then spawns, emitters, and the swarm moving and hitting
    EmitterSystem,
    DroneSystem,
    OutcomeSystem,  # last: judges the world after every rule has run
)

__all__ = ["SYSTEM_ORDER"]
