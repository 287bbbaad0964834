"""Objectives: one judge per objective kind, registered by name.

A judge looks at the world and says how far the objective is (`done` of `needed`) and
whether it can no longer be met (`failed`). Add a kind by writing a module here with a
function decorated by `@register("kind")` and importing it below.
"""

# importing a judge's module registers its kind
from game.sim.objectives import (  # noqa: F401
    coop,
    deliver,
    produce,
    support,
    survive,  # the confrontation
)
from game.sim.objectives.registry import JUDGES, Progress, judge, register

__all__ = ["JUDGES", "Progress", "judge", "register"]
