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
    source_id: int  # the Tiled object id it came from (0: Elara dropped it)
    held: bool = False  # just dropped: Elara does not pick it up until she steps away


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


@dataclass(slots=True)
class Depot:
    """A Guild depot (from a Depot object): takes `accepts` from the stockpile until it
    has `demand`."""

    object_id: int
    accepts: str
    demand: int
    delivered: int = 0
    tx: int = 0
    ty: int = 0


@dataclass(slots=True)
class Collector:
    """One of Talin's corporate collectors. `state`: "wait" (at the van until `timer`
    runs out), "seek" (walking to the nearest pile), "take" (loading one unit every
    few ticks), "home" (hauling back to the van at home_tx/home_ty)."""

    home_tx: int
    home_ty: int
    state: str = "wait"
    timer: int = 0
    carry: int = 0
    step_tx: int = -1  # the tile it is walking to (-1: standing at a tile centre)
    step_ty: int = -1
    target: int = 0  # entity id of the pile it is heading for (0: none)
    facing: int = 0
    hauled: int = 0  # units taken back to the van in total


@dataclass(slots=True)
class TriggerArea:
    """A Trigger object: an area that fires once Elara's feet enter it. Bounds in
    sub-pixels, right/bottom exclusive."""

    object_id: int
    dialogue: str
    once: bool
    x0: int
    y0: int
    x1: int
    y1: int
    inside: bool = False
    fired: int = 0  # times it fired
