"""Events: what the simulation tells the presentation (sound, particles, dialogue, HUD).

The presentation never feeds back into the simulation except through commands.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    tick: int
    data: dict = field(default_factory=dict)


# Event kinds, named once so presentation code and tests agree on spelling.
WASTE_COLLECTED = "waste_collected"
PILE_EMPTIED = "pile_emptied"
BUILT = "built"
BUILD_REFUSED = "build_refused"
DEPOSITED = "deposited"
PRODUCED = "produced"
BLOOM = "bloom"
OBJECTIVE_PROGRESS = "objective_progress"
LEVEL_WON = "level_won"
LEVEL_LOST = "level_lost"
