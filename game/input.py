"""Keyboard and mouse → simulation commands. Held keys are tracked from events (not
polled) so that posted events drive the game exactly like a player's hands."""

from __future__ import annotations

import pygame

from game.sim.commands import Build, Command, Interact, Move, Paint, Rally

BINDINGS: dict[str, tuple[int, ...]] = {
    "up": (pygame.K_w, pygame.K_UP, pygame.K_z),
    "down": (pygame.K_s, pygame.K_DOWN),
    "left": (pygame.K_a, pygame.K_LEFT, pygame.K_q),
    "right": (pygame.K_d, pygame.K_RIGHT),
    "interact": (pygame.K_e, pygame.K_SPACE),
    "build": (pygame.K_b, pygame.K_1),
    "restart": (pygame.K_r,),
    "paint": (pygame.K_f,),  # held: paint the mural wall in reach
    "rally": (pygame.K_g,),  # Dax's Rally
    "build_workshop": (pygame.K_2,),  # on a wave level: 2 barrier, 3 emitter
    "build_3": (pygame.K_3,),
    "aegis": (pygame.K_c,),  # Kora's abilities, then click where (wave levels)
    "override": (pygame.K_v,),
    "call_wave": (pygame.K_n,),
    "emitter_mode": (pygame.K_m,),  # the emitter under the mouse
    "upgrade": (pygame.K_u,),
    "sell": (pygame.K_x,),  # the defence under the mouse (or selected)
    "fast_forward": (pygame.K_t,),  # 1x, 2x, 3x between waves
    "toggle_panels": (pygame.K_TAB,),  # wave level: fold the wave panels away
    "cam_up": (pygame.K_i,),  # the free camera (wave levels, replays); H: back to Elara
    "cam_down": (pygame.K_k,),
    "cam_left": (pygame.K_j,),
    "cam_right": (pygame.K_l,),
    "cam_home": (pygame.K_h,),
    "pause": (pygame.K_ESCAPE, pygame.K_p),
}


def action_for(key: int, bindings: dict[str, tuple[int, ...]] | None = None) -> str | None:
    for action, keys in (bindings or BINDINGS).items():
        if key in keys:
            return action
    return None


def bindings_with_restart(key_name: str) -> dict[str, tuple[int, ...]]:
    """BINDINGS with restart on the named key (a pygame key name, from the settings).

    The key is taken away from any other action so one press never does two things;
    an unknown name keeps the default.
    """
    try:
        key = pygame.key.key_code(key_name)
    except ValueError:
        return dict(BINDINGS)
    out = {action: tuple(k for k in keys if k != key) for action, keys in BINDINGS.items()}
    out["restart"] = (key,)
    return out


class InputMapper:
    def __init__(self, bindings: dict[str, tuple[int, ...]] | None = None) -> None:
        self.bindings = bindings or BINDINGS
        self.held: set[str] = set()
        self.pending: list[Command] = []

    def reset(self) -> None:
        self.held.clear()
        self.pending.clear()

    def key_down(self, key: int) -> str | None:
        action = action_for(key, self.bindings)
        if action in ("up", "down", "left", "right", "paint"):
            self.held.add(action)
        elif action == "rally":
            self.pending.append(Rally())
        elif action == "interact":
            self.pending.append(Interact())
        return action

    def key_up(self, key: int) -> None:
        action = action_for(key, self.bindings)
        if action:
            self.held.discard(action)

    def build(self, kind: str, tx: int, ty: int) -> None:
        self.pending.append(Build(kind, tx, ty))

    def commands(self) -> list[Command]:
        """Commands for the next tick: held direction first, then queued actions."""
        dx = ("right" in self.held) - ("left" in self.held)
        dy = ("down" in self.held) - ("up" in self.held)
        out: list[Command] = [Move(dx, dy)] if dx or dy else []
        if "paint" in self.held:
            out.append(Paint())
        out.extend(self.pending)
        self.pending.clear()
        return out
