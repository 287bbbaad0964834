"""Components of the rich simulation entities (esper). Plain integer/str data only,
so the state hash can dump them canonically."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Position:
    """Feet centre, in sub-pixels."""

    x: int
    y: int


@dataclass(slots=True)
class Player:
    carry: dict[str, int] = field(default_factory=dict)
    facing: int = 0  # 0 down, 1 left, 2 right, 3 up (sprite rows)
    moving: bool = False


@dataclass(slots=True)
class WastePile:
    kind: str
    amount: int
    source_id: int  # the Tiled object id it came from


@dataclass(slots=True)
class Structure:
    kind: str
    tx: int
    ty: int


@dataclass(slots=True)
class Reactor:
    """A Waste-to-Life node's work queue: waste kinds waiting, oldest first."""

    queue: list[str] = field(default_factory=list)
    progress: int = 0
    produced: int = 0


MURAL_STAGES = ("blank", "sketch", "colour", "luminescent")


@dataclass(slots=True)
class Mural:
    """A mural wall (from a MuralWall object). Painting raises `stage` (an index into
    MURAL_STAGES); drones lower `health`; Aegis sets `shield_ticks`."""

    wall_id: int  # the Tiled object id
    stage: int
    health: int
    max_health: int
    radius: int  # tiles of influence on support
    great: bool = False
    paint_progress: int = 0  # ticks of painting toward the next stage
    shield_ticks: int = 0
