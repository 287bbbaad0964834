"""Components of the civic side of the city: districts and their support, the smear and
Rally clock, workshops and the artisans they train. Plain integers, strings and lists,
so the state hash dumps them like every other component. Support is fixed point
(game.content.civic.PERCENT units per percent)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class District:
    index: int  # position in the support layout (districts sorted by Tiled object id)
    name: str
    support: int  # fixed point, 0..FULL
    rally_threshold: int  # fixed point: volunteers join when support first reaches it
    rallied: bool = False  # reached rally_threshold once
    smear_left: int = 0  # ticks of a running smear


@dataclass(slots=True)
class Civic:
    """The level-wide clock of Talin's smears and Dax's Rally (one entity per level)."""

    smear_first: int  # tick of the first smear (0: this level has none)
    smear_interval: int  # ticks between smears
    next_smear: int = 0  # tick the announced smear lands (0: none announced)
    smear_target: int = -1  # district index of the announced smear
    smears: int = 0  # smears landed or countered so far
    rally_unlocked: bool = False  # Dax has joined
    rally_ready: int = 0  # first tick Rally may be used again
    goals_met: list[str] = field(default_factory=list)  # co-op goals reached so far


@dataclass(slots=True)
class Trainer:
    """A co-op workshop training artisans."""

    progress: int = 0
    trained: int = 0


@dataclass(slots=True)
class Artisan:
    """A citizen artisan (or a volunteer): walks to waste, carries it to a node."""

    home: int = 0  # the workshop entity that trained it (0: a volunteer)
    carry: dict[str, int] = field(default_factory=dict)
    target: int = 0  # entity aimed at (a pile or a node), 0: none
    path: list[int] = field(default_factory=list)  # tiles (y * width + x) still to walk
    facing: int = 0
    moving: bool = False
    wait: int = 0  # ticks before looking for work again when there is none
