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
DROPPED = "dropped"  # kind, pile: Elara put one unit on the ground
PRODUCED = "produced"
BLOOM = "bloom"
OBJECTIVE_PROGRESS = "objective_progress"
LEVEL_WON = "level_won"
LEVEL_LOST = "level_lost"
TRIGGER = "trigger"  # Elara entered a Trigger area: data object, dialogue
DELIVERED = "delivered"  # resources handed to a Guild depot
COLLECTOR_TOOK = "collector_took"  # a corporate collector took a unit from a pile
COLLECTOR_UNLOADED = "collector_unloaded"  # ... and hauled its load to the van
# Murals, support, smears, Rally, workshops and artisans (levels 3 and 5).
MURAL_PAINTED = "mural_painted"  # wall, stage: a stage is finished
PAINT_STARTED = "paint_started"  # wall, stage, cost: pigment paid for the next stage
PAINT_REFUSED = "paint_refused"  # wall, reason ("no_pigment", "finished")
SMEAR_WARNING = "smear_warning"  # district, name, at: a smear is coming
SMEAR_STARTED = "smear_started"  # district, name
SMEAR_COUNTERED = "smear_countered"  # district, name
DAX_JOINED = "dax_joined"  # Rally is available from now on
RALLIED = "rallied"  # district, name, boost
RALLY_REFUSED = "rally_refused"  # reason ("locked", "cooldown")
DISTRICT_RALLIED = "district_rallied"  # district, name: support reached rally_threshold
ARTISAN_TRAINED = "artisan_trained"  # artisan, workshop (0 for a volunteer)
ARTISAN_DELIVERED = "artisan_delivered"  # artisan, node, waste
ARTISAN_COLLECTED = "artisan_collected"  # artisan, kind, amount, pile (not Elara's pickup)
COOP_GOAL_MET = "coop_goal_met"  # goal, dialogue: a co-op goal is reached for the first time
