"""Spawning the civic side of a level (districts, the smear/Rally clock) and starting it
from what the campaign carries in from earlier levels."""

from __future__ import annotations

from dataclasses import dataclass, field

import esper

from game.content.civic import FULL, PERCENT
from game.level.data import LevelData
from game.sim.civic import Artisan, Civic, District
from game.sim.components import Mural, Position
from game.sim.constants import TICK_RATE, TILE
from game.sim.query import ordered
from game.sim.support import CITY, district_rects

CIVIC_OBJECTIVES = ("support", "coop")
MAX_BONUS = 15  # percent of starting support earlier murals can give
MAX_VOLUNTEERS = 6  # volunteers who follow Elara into the next level


def has_civic(level: LevelData) -> bool:
    """Levels without murals, districts or a support objective spawn nothing, so their
    state (and their golden replays) stay exactly as before."""
    return bool(level.objects_of("MuralWall") or level.objects_of("District")
                or level.objective.kind in CIVIC_OBJECTIVES)


def spawn_civic(level: LevelData) -> None:
    if not has_civic(level):
        return
    rects = district_rects(level)
    if rects:
        for i, o in enumerate(rects):
            props = o.properties
            district = District(i, o.name or f"District {i + 1}",
                                int(props.get("support", 20)) * PERCENT,
                                int(props.get("rally_threshold", 50)) * PERCENT)
            cx, cy = o.center
            esper.create_entity(district, Position(round(cx * 16), round(cy * 16)))
    else:
        centre = Position(level.width * TILE // 2, level.height * TILE // 2)
        esper.create_entity(District(0, CITY, 20 * PERCENT, 50 * PERCENT), centre)
    first = int(level.properties.get("smear_first_seconds") or 0) * TICK_RATE
    interval = max(1, int(level.properties.get("smear_interval_seconds") or 60)) * TICK_RATE
    esper.create_entity(Civic(first, interval))


@dataclass(frozen=True, slots=True)
class CarryIn:
    """What earlier levels hand to this one (the campaign decides; all optional).

    support: percent by district name ("*" for every district); murals: stage by
    MuralWall object id (never lowered); volunteers: artisans waiting at Elara's side;
    rally: Dax is already with Elara."""

    support: dict[str, int] = field(default_factory=dict)
    murals: dict[int, int] = field(default_factory=dict)
    volunteers: int = 0
    rally: bool = False
    support_bonus: int = 0  # percent added to every district's starting support

    @classmethod
    def from_campaign(cls, raw: dict) -> CarryIn:
        """From the campaign's carry dict (game/campaign/carry.py: `murals` is a list of
        the stages painted in earlier levels, `volunteers` a count). Other maps have other
        walls, so earlier murals carry on as reputation: 1 % of starting support per
        stage, at most MAX_BONUS; Dax stays once any mural was painted."""
        stages = [int(m) for m in raw.get("murals", []) if type(m) is int and m > 0]
        volunteers = raw.get("volunteers", 0)
        return cls(volunteers=min(MAX_VOLUNTEERS, volunteers) if type(volunteers) is int
                   and volunteers > 0 else 0, rally=bool(stages),
                   support_bonus=min(MAX_BONUS, sum(stages)))


def apply_carry_in(carry: CarryIn) -> None:
    """Call with the simulation's esper world active, before its first step."""
    for _, district in ordered(District):
        pct = carry.support.get(district.name, carry.support.get("*"))
        if pct is not None:
            district.support = max(district.support, min(FULL, int(pct) * PERCENT))
        district.support = min(FULL, district.support + carry.support_bonus * PERCENT)
        district.rallied = district.support >= district.rally_threshold
    for _, mural in ordered(Mural):
        stage = carry.murals.get(mural.wall_id)
        if stage is not None:
            mural.stage = max(mural.stage, min(3, int(stage)))
    for _, civic in ordered(Civic):
        civic.rally_unlocked = civic.rally_unlocked or carry.rally
    if carry.volunteers > 0 and has_civic_or_nodes():
        from game.sim.components import Player

        _, (_, pos) = ordered(Player, Position)[0]
        for _ in range(carry.volunteers):
            esper.create_entity(Artisan(), Position(pos.x, pos.y))


def apply_campaign_carry(raw: dict) -> None:
    """The campaign's carry dict applied to this level's civic side (see CarryIn)."""
    apply_carry_in(CarryIn.from_campaign(raw))


def has_civic_or_nodes() -> bool:
    """Volunteers only follow Elara where there is civic life to join (a district)."""
    return bool(ordered(District))
