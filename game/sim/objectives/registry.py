"""The table of objective judges and the Progress value they return."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.level.schema import OBJECTIVE_KINDS
from game.sim.state import TickContext


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    needed: int
    failed: bool = False
    reason: str = ""  # why it failed, one word ("time_up", "mural_fell", ...)

    @property
    def met(self) -> bool:
        return not self.failed and self.done >= self.needed


Judge = Callable[[TickContext], Progress]
JUDGES: dict[str, Judge] = {}


def register(kind: str) -> Callable[[Judge], Judge]:
    if kind not in OBJECTIVE_KINDS:  # else `check` would refuse maps the sim can judge
        raise ValueError(f"objective kind {kind!r}: add it to OBJECTIVE_KINDS in "
                         "game/level/schema.py")

    def add(fn: Judge) -> Judge:
        JUDGES[kind] = fn
        return fn

    return add


def judge(ctx: TickContext) -> Progress:
    kind = ctx.level.objective.kind
    if kind not in JUDGES:
        raise ValueError(f"no judge for objective kind {kind!r}")
    return JUDGES[kind](ctx)
