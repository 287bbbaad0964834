"""The player's campaign profile: profile.json in the data dir.

What it holds: unlocked levels, best time and best medal per level, the carry-in each
won level hands to the next (docs/ARCHITECTURE.md, "Campaign carry-in"), the levels whose
briefing the player has been shown (practice shows it only the first time), and where
the settings live. It is written atomically (game.save) after every finished level, and a
copy of each good write is kept as profile.last-good.json: a damaged profile is moved
aside as a backup, the player is told, and play resumes from that last good copy, never
a crash and never a silent reset.
"""

from __future__ import annotations

from pathlib import Path

from game.save import SaveError, atomic_write_json, load_json
from game.savecheck import Any, Int, ListOf, Maybe, Record, Str, TableOf, problem

FILE_NAME = "profile.json"
LAST_GOOD = "profile.last-good.json"
FORMAT = 1
MEDAL_RANK = {"": 0, "bronze": 1, "silver": 2, "gold": 3}


def _empty() -> dict:
    return {"format": FORMAT, "unlocked": [], "levels": {}, "carry": {},
            "settings": "settings.json"}


TICKS = Int(0, 1 << 40)
COUNT = Int(0, 1 << 40)
SCHEMA = Record({
    "format": Int(0, FORMAT),
    "unlocked": ListOf(Str(128), 1000),
    "levels": TableOf(Record({"best_ticks": Maybe(TICKS), "medal": Str(16, tuple(MEDAL_RANK)),
                              "wins": COUNT, "attempts": COUNT})),
    "carry": TableOf(TableOf(Any(6))),
    "settings": Str(),
    "last_level": Str(128),
    "briefed": ListOf(Str(128), 1000),
}, frozenset({"format", "unlocked", "levels"}))


def _check(data: object) -> str:
    """"" if `data` is a profile we can use, else what is wrong with it (its schema)."""
    return problem(data, SCHEMA)


class Profile:
    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir)
        self.path = self.folder / FILE_NAME
        loaded = load_json(self.path, _empty, _check)
        self.problem = loaded.problem
        self.writable = loaded.writable
        self.data: dict = loaded.data
        if loaded.problem and loaded.writable:
            self._restore_last_good()

    def _restore_last_good(self) -> None:
        good = load_json(self.folder / LAST_GOOD, _empty, _check)
        if good.problem or not good.data.get("unlocked"):
            return  # nothing better than a fresh start; the message already says so
        self.data = good.data
        self.problem = self.problem.replace("starting fresh", "your progress was restored "
                                            "from the last good save")
        self.save()

    # -- reading ---------------------------------------------------------------------
    def level(self, level_id: str) -> dict:
        return self.data["levels"].get(level_id, {})

    def best(self, level_id: str) -> int | None:
        return self.level(level_id).get("best_ticks")

    def medal(self, level_id: str) -> str:
        return self.level(level_id).get("medal", "")

    def won(self, level_id: str) -> bool:
        return self.level(level_id).get("wins", 0) > 0

    def is_unlocked(self, level_id: str, order: list[str]) -> bool:
        """The first level is always open; others once unlocked by winning the one
        before (or listed as unlocked in the profile)."""
        return bool(order) and (level_id == order[0] or level_id in self.data["unlocked"])

    def continue_level(self, order: list[str]) -> str | None:
        """Where "Continue" goes: the first unlocked level not yet won, else the last
        unlocked one."""
        open_ = [lid for lid in order if self.is_unlocked(lid, order)]
        return next((lid for lid in open_ if not self.won(lid)), open_[-1] if open_ else None)

    @property
    def started(self) -> bool:
        return bool(self.data["levels"])

    def carry_for(self, level_id: str) -> dict:
        """What earlier wins hand to this level (empty when nothing)."""
        carry = self.data.get("carry", {}).get(level_id, {})
        return carry if isinstance(carry, dict) else {}

    def briefed(self, level_id: str) -> bool:
        """Has the player been shown this level's briefing (read or skipped)?"""
        return level_id in self.data.get("briefed", [])

    # -- writing ---------------------------------------------------------------------
    def mark_briefed(self, level_id: str) -> str:
        """The briefing of `level_id` was shown; saved at once. Returns "" or what went
        wrong saving (then practice simply shows it again next time)."""
        seen = self.data.setdefault("briefed", [])
        if level_id in seen:
            return ""
        seen.append(level_id)
        return self.save()

    def record(self, level_id: str, outcome: str, igt_ticks: int, medal: str,
               next_id: str | None, carry: dict | None = None, carried: bool = False) -> str:
        """A finished level (won or lost): best time, medal, next level unlocked, carry-in
        for the next level; saved at once. Returns "" or what went wrong saving."""
        entry = self.data["levels"].setdefault(level_id, {})
        entry["attempts"] = entry.get("attempts", 0) + 1
        if outcome == "won":
            entry["wins"] = entry.get("wins", 0) + 1
            # a start with carry-in is another race: its best time is kept apart, and
            # it earns no medal (medals compare clean starts)
            key = "best_carried_ticks" if carried else "best_ticks"
            if entry.get(key) is None or igt_ticks < entry[key]:
                entry[key] = igt_ticks
            if not carried and MEDAL_RANK.get(medal, 0) > MEDAL_RANK[entry.get("medal", "")]:
                entry["medal"] = medal
            for lid in (level_id, next_id):
                if lid and lid not in self.data["unlocked"]:
                    self.data["unlocked"].append(lid)
            if next_id and carry:
                self.data.setdefault("carry", {})[next_id] = carry
        self.data["last_level"] = level_id
        return self.save()

    def save(self) -> str:
        if not self.writable:
            return f"{self.path}: not saved, the existing file could not be read"
        try:
            atomic_write_json(self.path, self.data)
            atomic_write_json(self.folder / LAST_GOOD, self.data)
        except SaveError as exc:
            return str(exc)
        return ""

