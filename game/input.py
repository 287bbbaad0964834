"""Keyboard and mouse → simulation commands. Held keys are tracked from events (not
polled) so that posted events drive the game exactly like a player's hands; a gamepad
arrives here as the same key events (`game.pad`).

`ACTIONS` is the table of what a player can do, with its name on screen; `BINDINGS` the
default keys. The player's own bindings (Settings > Controls) are stored as pygame key
names in the settings and merged over the defaults by `bindings_for`.
"""

from __future__ import annotations

import warnings

import pygame

from game import settings
from game.sim.commands import Build, Command, Drop, Interact, Move, Paint, Rally

BINDINGS: dict[str, tuple[int, ...]] = {
    "up": (pygame.K_w, pygame.K_UP, pygame.K_z),
    "down": (pygame.K_s, pygame.K_DOWN),
    "left": (pygame.K_a, pygame.K_LEFT, pygame.K_q),
    "right": (pygame.K_d, pygame.K_RIGHT),
    "interact": (pygame.K_e, pygame.K_SPACE),  # puts the chosen waste kind into a node
    "choose_kind": (pygame.K_t,),  # which waste kind E puts in and X drops (or the wheel)
    "drop": (pygame.K_x,),  # one unit of the chosen kind back on the ground
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
    "sell": (pygame.K_y, pygame.K_DELETE),  # the defence under the mouse (or selected)
    "fast_forward": (pygame.K_PERIOD,),  # 1x, 2x, 3x between waves
    # the free camera (wave levels, replays): the keypad by default (letters stay free
    # for rebinding), besides screen edges and middle-drag; Home: back to Elara
    "cam_up": (pygame.K_KP8,),
    "cam_down": (pygame.K_KP2,),
    "cam_left": (pygame.K_KP4,),
    "cam_right": (pygame.K_KP6,),
    "cam_home": (pygame.K_HOME, pygame.K_KP5),
    "pause": (pygame.K_ESCAPE, pygame.K_p),
}

# Every action, as the Controls screen names it (same order as BINDINGS).
ACTIONS: dict[str, str] = {
    "up": "Move up", "down": "Move down", "left": "Move left", "right": "Move right",
    "interact": "Put waste in / hand over", "choose_kind": "Choose waste kind",
    "drop": "Drop one waste", "build": "Build node",
    "restart": "Restart level", "paint": "Paint mural (hold)", "rally": "Dax's Rally",
    "build_workshop": "Build workshop / barrier", "build_3": "Build emitter",
    "aegis": "Kora's Aegis", "override": "Kora's Override", "call_wave": "Next wave now",
    "emitter_mode": "Emitter targeting", "upgrade": "Upgrade emitter",
    "sell": "Sell defence", "fast_forward": "Fast-forward (between waves)",
    "cam_up": "Look up", "cam_down": "Look down", "cam_left": "Look left",
    "cam_right": "Look right", "cam_home": "Camera back to Elara", "pause": "Pause",
}

# Keys menus and the window keep for themselves: never bound to an action.
RESERVED = (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_F11,
            pygame.K_F5, pygame.K_TAB)


def key_code(name: str) -> int | None:
    with warnings.catch_warnings():  # pygame warns before init; the table is the same
        warnings.simplefilter("ignore")
        try:
            return pygame.key.key_code(name)
        except ValueError:
            return None


def key_name(key: int) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pygame.key.name(key)


def valid_key_name(name: str) -> bool:
    code = key_code(name)
    return code is not None and code not in RESERVED


def _settings_check(action: str, name: str) -> bool:
    """For game.settings: a known action, and (if given) a key name it may have."""
    return action in ACTIONS and (not name or valid_key_name(name))


settings.KEY_CHECK[:] = [_settings_check]


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
    return _with_restart(dict(BINDINGS), key_name)


def _with_restart(base: dict[str, tuple[int, ...]], name: str) -> dict[str, tuple[int, ...]]:
    key = key_code(name)
    if key is None or key in RESERVED:
        return base
    out = {action: tuple(k for k in keys if k != key) for action, keys in base.items()}
    out["restart"] = (key,)
    return out


def bindings_for(settings) -> dict[str, tuple[int, ...]]:
    """The keys in force: defaults, the player's rebound actions over them, the restart
    key from its own setting. A key the player bound to one action is taken from the
    defaults of every other, and Esc always pauses."""
    out = dict(BINDINGS)
    rebound = {action: tuple(k for n in names if (k := key_code(n)) is not None)
               for action, names in settings.keys.items() if action in BINDINGS}
    mine = {k for keys in rebound.values() for k in keys}
    out = {action: tuple(k for k in keys if k not in mine) for action, keys in out.items()}
    out.update(rebound)
    out = _with_restart(out, settings.restart_key)
    out["pause"] = (pygame.K_ESCAPE, *(k for k in out["pause"] if k != pygame.K_ESCAPE))
    return out


def conflict(bindings: dict[str, tuple[int, ...]], action: str, key: int) -> str | None:
    """The other action `key` is bound to, or None."""
    other = action_for(key, {a: k for a, k in bindings.items() if a != action})
    return other


class InputMapper:
    def __init__(self, bindings: dict[str, tuple[int, ...]] | None = None) -> None:
        self.bindings = bindings or BINDINGS
        self.held: set[str] = set()
        self.pending: list[Command] = []
        self.kind = "organic"  # the waste kind E puts into a node and X drops

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
            self.pending.append(Interact(self.kind))
        elif action == "drop":
            self.pending.append(Drop(self.kind))
        return action

    def next_kind(self, kinds: list[str], carry: dict[str, int]) -> str:
        """Choose the next waste kind after the current one, skipping kinds the bag does
        not hold (all of them when it is empty)."""
        held = [k for k in kinds if carry.get(k)] or list(kinds)
        if not held:
            return self.kind
        order = kinds.index(self.kind) if self.kind in kinds else -1
        later = [k for k in held if kinds.index(k) > order]
        self.kind = (later or held)[0]
        return self.kind

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
