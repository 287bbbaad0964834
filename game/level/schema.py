"""What the game understands in a map: object classes, their properties, map properties.

Data, not code: the loader validates against these tables, and `check` and the docs
read them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.rules import DEFAULT_RULES


@dataclass(frozen=True, slots=True)
class PropSpec:
    type: type
    default: object
    doc: str
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None


OBJECT_CLASSES: dict[str, dict[str, PropSpec]] = {
    "PlayerSpawn": {},
    "Waste": {
        "kind": PropSpec(str, "organic", "which waste lies here", DEFAULT_RULES.waste_kinds),
        "amount": PropSpec(int, 3, "units in the pile", minimum=1, maximum=99),
    },
}

OBJECTIVE_KINDS = ("produce",)

MAP_PROPERTIES: dict[str, PropSpec] = {
    "title": PropSpec(str, "", "level name shown in menus and the HUD"),
    "author": PropSpec(str, "", "who made the map"),
    "objective": PropSpec(str, "produce", "what wins the level", OBJECTIVE_KINDS),
    "objective_target": PropSpec(str, "biomass", "resource the objective counts",
                                 DEFAULT_RULES.resources),
    "objective_amount": PropSpec(int, 10, "how many are needed", minimum=1, maximum=100000),
    "objective_text": PropSpec(str, "", "objective line shown on the HUD"),
    "seed": PropSpec(int, 0, "official seed of the level", minimum=0),
    "par_seconds": PropSpec(int, 0, "par time for the gold medal (0: none)", minimum=0),
}
