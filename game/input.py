"""Keyboard and mouse → simulation commands. Held keys are tracked from events (not
polled) so that posted events drive the game exactly like a player's hands."""

from __future__ import annotations

import pygame

from game.sim.commands import Build, Command, Interact, Move

BINDINGS: dict[str, tuple[int, ...]] = {
    "up": (pygame.K_w, pygame.K_UP, pygame.K_z),
    "down": (pygame.K_s, pygame.K_DOWN),
    "left": (pygame.K_a, pygame.K_LEFT, pygame.K_q),
    "right": (pygame.K_d, pygame.K_RIGHT),
    "interact": (pygame.K_e, pygame.K_SPACE),
    "build": (pygame.K_b, pygame.K_1),
    "restart": (pygame.K_r,),
    "pause": (pygame.K_ESCAPE, pygame.K_p),
}


def action_for(key: int) -> str | None:
    for action, keys in BINDINGS.items():
        if key in keys:
            return action
    return None


class InputMapper:
    def __init__(self) -> None:
        self.held: set[str] = set()
        self.pending: list[Command] = []

    def reset(self) -> None:
        self.held.clear()
        self.pending.clear()

    def key_down(self, key: int) -> str | None:
        action = action_for(key)
        if action in ("up", "down", "left", "right"):
            self.held.add(action)
        elif action == "interact":
            self.pending.append(Interact())
        return action

    def key_up(self, key: int) -> None:
        action = action_for(key)
        if action:
            self.held.discard(action)

    def build(self, kind: str, tx: int, ty: int) -> None:
        self.pending.append(Build(kind, tx, ty))

    def commands(self) -> list[Command]:
        """Commands for the next tick: held direction first, then queued actions."""
        dx = ("right" in self.held) - ("left" in self.held)
        dy = ("down" in self.held) - ("up" in self.held)
        out: list[Command] = [Move(dx, dy)] if dx or dy else []
        out.extend(self.pending)
        self.pending.clear()
        return out
