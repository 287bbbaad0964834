"""Personal bests, best segments (golds), medals and the live comparison.

Stored as splits.json in the data dir through `game.save` (atomic; a damaged file is
backed up and reported, never silently reset). Times are IGT ticks, exact integers.

- Level PB: the best finished attempt of each level, from any mode (the replay header
  says whether it was practice).
- Campaign PB: the best full campaign run, with each level's segment time and the
  progress marks inside it; golds: the best time of each segment in campaign runs.
- Marks: the tick at which the objective's progress first reached 1, 2, 3 …; they give
  a live delta mid-level, like LiveSplit's splits but inside a level.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from game.save import Loaded, SaveError, atomic_write_json, load_json
from game.savecheck import Int, ListOf, Maybe, Record, Str, TableOf, problem

FILE_NAME = "splits.json"
FORMAT = 1

# Medals as a share of the level's par time (percent); the first one reached wins.
MEDALS: tuple[tuple[str, int], ...] = (("gold", 100), ("silver", 125), ("bronze", 150))


def medal_for(igt_ticks: int, par_ticks: int) -> str:
    """"gold"/"silver"/"bronze", or "" (no medal, or the level has no par)."""
    if par_ticks <= 0:
        return ""
    for name, percent in MEDALS:
        if igt_ticks * 100 <= par_ticks * percent:
            return name
    return ""


def medal_times(par_ticks: int) -> list[tuple[str, int]]:
    return [(name, par_ticks * percent // 100) for name, percent in MEDALS] if par_ticks else []


def _empty() -> dict:
    return {"format": FORMAT, "levels": {}, "campaign": {}}


TICKS = Int(0, 1 << 40)
COUNT = Int(0, 1 << 40)
MARKS = ListOf(TICKS, 100_000)
HISTORY = ListOf(Record({"id": Int(1, 1 << 40), "started": Maybe(Str(64)),
                         "ended": Maybe(Str(64)), "igt": Maybe(TICKS),
                         "rta_ms": Maybe(TICKS),
                         "segments": ListOf(ListOf(TICKS, 2), 1000)},
                        frozenset({"id"})), 100_000)
SCHEMA = Record({
    "format": Int(0, FORMAT),
    "levels": TableOf(Record({
        "attempts": COUNT, "finishes": COUNT, "title": Str(), "history": HISTORY,
        "pb": Maybe(Record({"igt_ticks": TICKS, "marks": MARKS, "category": Str(64),
                            "date": Str(64), "replay": Str(4096),
                            "rta_ms": Maybe(TICKS)},
                           frozenset({"igt_ticks"})))})),
    "campaign": Record({
        "attempts": COUNT, "finishes": COUNT, "golds": TableOf(TICKS), "history": HISTORY,
        "pb": Maybe(Record({"segments": ListOf(Record({"level": Str(128), "igt_ticks": TICKS,
                                                       "marks": MARKS},
                                                      frozenset({"igt_ticks"})), 1000),
                            "date": Str(64), "igt_ticks": TICKS},
                           frozenset({"segments"})))}),
}, frozenset({"format", "levels"}))


def _check(data: object) -> str:
    """"" if `data` is a splits file we can use, else what is wrong (its schema)."""
    return problem(data, SCHEMA)


@dataclass
class Improvement:
    """What one finished level changed."""

    previous_pb: int | None
    new_pb: bool
    gold: bool = False  # a new best segment in a campaign run


MAX_HISTORY = 1000  # attempts kept per level and for the campaign (the .lss history)


def _stamp() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class SplitsStore:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILE_NAME
        loaded: Loaded = load_json(self.path, _empty, _check)
        self.data: dict = loaded.data
        self.data.setdefault("campaign", {})
        self.problem = loaded.problem
        self.writable = loaded.writable

    def save(self) -> str:
        if not self.writable:
            return f"{self.path}: not saved, the existing file could not be read"
        try:
            atomic_write_json(self.path, self.data)
        except SaveError as exc:
            return exc.short()
        return ""

    # -- levels ------------------------------------------------------------------------
    def level(self, level_id: str) -> dict:
        return self.data["levels"].setdefault(level_id, {"attempts": 0, "finishes": 0})

    def level_pb(self, level_id: str) -> dict | None:
        return self.data["levels"].get(level_id, {}).get("pb")

    def count_attempt(self, level_id: str) -> None:
        entry = self.level(level_id)
        entry["attempts"] = entry.get("attempts", 0) + 1

    def finish_level(self, level_id: str, title: str, igt: int, marks: list[int],
                     category: str, date: str, replay: str = "",
                     rta_ms: int | None = None) -> Improvement:
        entry = self.level(level_id)
        entry["title"] = title
        entry["finishes"] = entry.get("finishes", 0) + 1
        old = entry.get("pb")
        previous = old["igt_ticks"] if old else None
        better = previous is None or igt < previous
        if better:
            entry["pb"] = {"igt_ticks": igt, "marks": list(marks), "category": category,
                           "date": date, "replay": replay, "rta_ms": rta_ms}
        return Improvement(previous, better)

    # -- campaign ----------------------------------------------------------------------
    @property
    def campaign(self) -> dict:
        return self.data["campaign"]

    def campaign_pb(self) -> dict | None:
        return self.campaign.get("pb")

    def pb_segment(self, index: int, level_id: str) -> dict | None:
        """The campaign PB's segment at `index`, if it was the same level."""
        pb = self.campaign_pb()
        if pb and index < len(pb["segments"]) and pb["segments"][index].get("level") == level_id:
            return pb["segments"][index]
        return None

    def pb_cumulative(self, index: int) -> int | None:
        """Campaign PB time at the end of segment `index` (None: no PB that long)."""
        pb = self.campaign_pb()
        if not pb or index >= len(pb["segments"]):
            return None
        return sum(s["igt_ticks"] for s in pb["segments"][:index + 1])

    def gold(self, level_id: str) -> int | None:
        return self.campaign.get("golds", {}).get(level_id)

    def campaign_segment(self, level_id: str, igt: int) -> bool:
        """Record a finished campaign segment; True if it is a new gold."""
        golds = self.campaign.setdefault("golds", {})
        if level_id not in golds or igt < golds[level_id]:
            golds[level_id] = igt
            return True
        return False

    def count_campaign_attempt(self) -> None:
        self.campaign["attempts"] = self.campaign.get("attempts", 0) + 1

    def finish_campaign(self, segments: list[dict], date: str) -> Improvement:
        self.campaign["finishes"] = self.campaign.get("finishes", 0) + 1
        total = sum(s["igt_ticks"] for s in segments)
        old = self.campaign_pb()
        previous = sum(s["igt_ticks"] for s in old["segments"]) if old else None
        better = previous is None or total < previous
        if better:
            self.campaign["pb"] = {"segments": segments, "date": date, "igt_ticks": total}
        return Improvement(previous, better)

    # -- attempt history (what LiveSplit keeps as AttemptHistory / SegmentHistory) ------
    def start_attempt(self, scope: dict) -> int:
        """A new attempt of a level (its entry) or of the campaign; returns its id."""
        history = scope.setdefault("history", [])
        new_id = (history[-1]["id"] + 1) if history else 1
        history.append({"id": new_id, "started": _stamp(), "ended": None, "igt": None,
                        "rta_ms": None, "segments": []})
        del history[:-MAX_HISTORY]
        return new_id

    @staticmethod
    def _attempt(scope: dict, attempt_id: int) -> dict | None:
        return next((h for h in reversed(scope.get("history", []))
                     if h.get("id") == attempt_id), None)

    def add_segment(self, scope: dict, attempt_id: int, igt: int, rta_ms: int) -> None:
        """A finished segment (a won level) of attempt `attempt_id`."""
        entry = self._attempt(scope, attempt_id)
        if entry is not None:
            entry["segments"].append([int(igt), int(rta_ms)])

    def end_attempt(self, scope: dict, attempt_id: int, igt: int | None = None,
                    rta_ms: int | None = None) -> None:
        """The attempt ended: finished (with its times) or reset (without)."""
        entry = self._attempt(scope, attempt_id)
        if entry is not None and entry.get("ended") is None:
            entry["ended"] = _stamp()
            entry["igt"], entry["rta_ms"] = igt, rta_ms

    def sum_of_best(self, level_ids: list[str]) -> int | None:
        golds = self.campaign.get("golds", {})
        if not all(lid in golds for lid in level_ids):
            return None
        return sum(golds[lid] for lid in level_ids)


class Comparison:
    """Live delta of the current attempt against a PB, in ticks (negative = ahead).

    `base` is our time before this level, `pb_base` the PB's (both 0 outside campaigns);
    `marks` the PB's progress ticks in this level and `pb_end` its level time.
    """

    def __init__(self, marks: list[int], pb_end: int, base: int = 0, pb_base: int = 0):
        self.marks = marks
        self.pb_end = pb_end
        self.base = base
        self.pb_base = pb_base

    def delta(self, my_marks: list[int], tick: int, finished: bool) -> tuple[int, bool] | None:
        """(delta, final): the delta at the last split or, if we are already behind the
        PB's next split, the running delta (as LiveSplit shows it); None before any."""
        offset = self.base - self.pb_base
        if finished:
            return offset + tick - self.pb_end, True
        k = len(my_marks)
        if k < len(self.marks) and tick > self.marks[k]:
            return offset + tick - self.marks[k], False
        if k > 0 and k <= len(self.marks):
            return offset + my_marks[k - 1] - self.marks[k - 1], True
        return None
