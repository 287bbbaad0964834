"""A SHA-256 over a canonical dump of the whole simulation state.

Used by determinism tests and by replays to detect a desync at the exact tick.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import TYPE_CHECKING

import esper

from game.sim import civic, components
from game.sim.swarm import components as swarm_components

if TYPE_CHECKING:
    from game.sim.world import Simulation

# Every component type the simulation uses: the dataclasses of these modules. esper has
# no public "all entities" view, so the entities are those holding any of these.
COMPONENT_TYPES = tuple(
    obj for mod in (components, civic, swarm_components) for obj in vars(mod).values()
    if dataclasses.is_dataclass(obj) and obj.__module__ == mod.__name__)


def entity_ids() -> list[int]:
    """Every entity of the current esper world, in id order."""
    return sorted({eid for kind in COMPONENT_TYPES for eid, _ in esper.get_component(kind)})


def canonical_state(sim: Simulation) -> dict:
    entities = []
    for eid in entity_ids():
        comps = esper.components_for_entity(eid)
        dumped = sorted((type(comp).__name__, dataclasses.asdict(comp)) for comp in comps)
        entities.append([eid, dumped])
    st = sim.state
    return {
        "tick": st.tick,
        "stock": st.stock,
        "produced": st.produced_total,
        "outcome": st.outcome,
        "end_tick": st.end_tick,
        "reason": st.reason,
        "rng": list(sim.rng.snapshot()),
        "blocked": sim.grid.blocked.tobytes().hex(),
        "entities": entities,
        "confrontation": sim.conf.canonical(),  # drone arrays by their bytes' digest
    }


def state_hash(sim: Simulation) -> str:
    blob = json.dumps(canonical_state(sim), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()
