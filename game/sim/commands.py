"""Commands: the only way anything changes the world, and exactly what a replay records.

Each is a small immutable value. `encode`/`decode` turn them into plain lists for
replay files; the encoding is versioned by the replay format, not here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Move:
    """Held movement direction for this tick; dx, dy each in {-1, 0, 1}."""

    dx: int
    dy: int


@dataclass(frozen=True, slots=True)
class Interact:
    """Beside a node: put the carried waste of `kind` into it ("" puts in every kind:
    the autopilots' shorthand; a player always names one, so building materials never go
    in by surprise). Beside a Guild depot: hand it what the stores hold."""

    kind: str = ""


@dataclass(frozen=True, slots=True)
class Drop:
    """Put one carried unit of `kind` on the ground at Elara's feet, as a pile."""

    kind: str


@dataclass(frozen=True, slots=True)
class Build:
    """Build a structure of `kind` on tile (tx, ty)."""

    kind: str
    tx: int
    ty: int


@dataclass(frozen=True, slots=True)
class Paint:
    """Held: paint the nearest mural wall in reach for this tick."""


@dataclass(frozen=True, slots=True)
class Rally:
    """Dax rallies: the district under a smear, else the one Elara stands in."""


@dataclass(frozen=True, slots=True)
class CallWave:
    """Call the next drone wave now; the time skipped pays a bonus."""


@dataclass(frozen=True, slots=True)
class Cast:
    """Kora's ability (`aegis`, `override`) aimed at map pixel (x, y)."""

    ability: str
    x: int
    y: int


@dataclass(frozen=True, slots=True)
class SetEmitterMode:
    """Targeting mode (first, closest, strongest) of the emitter on tile (tx, ty)."""

    tx: int
    ty: int
    mode: str


@dataclass(frozen=True, slots=True)
class UpgradeEmitter:
    """Upgrade the emitter on tile (tx, ty) one level."""

    tx: int
    ty: int


@dataclass(frozen=True, slots=True)
class Sell:
    """Sell the defence (barrier or emitter) on tile (tx, ty) for part of its cost."""

    tx: int
    ty: int


Command = (Move | Interact | Drop | Build | Paint | Rally | CallWave | Cast | SetEmitterMode
           | UpgradeEmitter | Sell)


def encode(cmd: Command) -> list:
    if isinstance(cmd, Move):
        return ["m", cmd.dx, cmd.dy]
    if isinstance(cmd, Interact):
        return ["i", cmd.kind] if cmd.kind else ["i"]
    if isinstance(cmd, Drop):
        return ["d", cmd.kind]
    if isinstance(cmd, Build):
        return ["b", cmd.kind, cmd.tx, cmd.ty]
    if isinstance(cmd, Paint):
        return ["p"]
    if isinstance(cmd, Rally):
        return ["r"]
    if isinstance(cmd, CallWave):
        return ["w"]
    if isinstance(cmd, Cast):
        return ["a", cmd.ability, cmd.x, cmd.y]
    if isinstance(cmd, SetEmitterMode):
        return ["e", cmd.tx, cmd.ty, cmd.mode]
    if isinstance(cmd, UpgradeEmitter):
        return ["u", cmd.tx, cmd.ty]
    if isinstance(cmd, Sell):
        return ["s", cmd.tx, cmd.ty]
    raise TypeError(f"not a command: {cmd!r}")


def decode(raw: object) -> Command:
    """Inverse of `encode`; raises ValueError on anything malformed."""
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"command must be a non-empty list, got {raw!r}")
    tag = raw[0]
    if tag == "m" and len(raw) == 3 and all(_is_unit(v) for v in raw[1:]):
        return Move(raw[1], raw[2])
    if tag == "i" and len(raw) == 1:
        return Interact()
    if tag == "i" and len(raw) == 2 and isinstance(raw[1], str) and raw[1]:
        return Interact(raw[1])
    if tag == "d" and len(raw) == 2 and isinstance(raw[1], str) and raw[1]:
        return Drop(raw[1])
    if tag == "p" and len(raw) == 1:
        return Paint()
    if tag == "r" and len(raw) == 1:
        return Rally()
    if tag == "w" and len(raw) == 1:
        return CallWave()
    if tag == "a" and len(raw) == 4 and isinstance(raw[1], str) and _ints(raw[2:]):
        return Cast(raw[1], raw[2], raw[3])
    if tag == "e" and len(raw) == 4 and _ints(raw[1:3]) and isinstance(raw[3], str):
        return SetEmitterMode(raw[1], raw[2], raw[3])
    if tag == "u" and len(raw) == 3 and _ints(raw[1:]):
        return UpgradeEmitter(raw[1], raw[2])
    if tag == "s" and len(raw) == 3 and _ints(raw[1:]):
        return Sell(raw[1], raw[2])
    if (
        tag == "b"
        and len(raw) == 4
        and isinstance(raw[1], str)
        and all(isinstance(v, int) and not isinstance(v, bool) for v in raw[2:])
    ):
        return Build(raw[1], raw[2], raw[3])
    raise ValueError(f"unknown or malformed command {raw!r}")


def _is_unit(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v in (-1, 0, 1)


def _ints(values: list) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)
