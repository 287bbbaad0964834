"""Ordered esper queries. esper iterates sets; we sort by entity id so that every system
visits entities in the same order on every run."""

from __future__ import annotations

from typing import Any

import esper


def ordered(*component_types: type) -> list[tuple[int, Any]]:
    if len(component_types) == 1:
        return sorted(esper.get_component(component_types[0]), key=lambda pair: pair[0])
    return sorted(esper.get_components(*component_types), key=lambda pair: pair[0])
