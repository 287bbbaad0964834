"""`verify --run`: a whole campaign run checked from its segment replays.

A segment's carry-in is only trustworthy as part of its run: every segment must verify
on its own, carry the same run id, be the next shipped level in story order, and start
with exactly the carry-in the previous segment's re-simulated end state hands on (the
first starts with none). Only then is the run's total (the sum of its segments' IGT) a
campaign time. Splicing the best segments of two runs fails on the run id or, if the
ids were forged, on the carry-in chain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.sim.carry import clean_carry
from game.speedrun.campaign import campaign_levels
from game.speedrun.maphash import MapHashError, map_digest
from game.speedrun.replay import EXTENSION, ReplayError
from game.speedrun.timefmt import format_ticks
from game.speedrun.verify import Result, read_replay, verify_file

MAX_SEGMENT_FILES = 64


@dataclass
class RunResult:
    source: str
    valid: bool = False
    kind: str = "valid"
    message: str = ""
    run_id: str = ""
    total_ticks: int = 0
    segments: list[Result] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [r.line() for r in self.segments]
        if self.valid:
            out.append(f"{self.source}: valid campaign run {self.run_id}: "
                       f"{len(self.segments)} levels, total {format_ticks(self.total_ticks)}")
        else:
            out.append(f"{self.source}: not valid run: {self.kind}: {self.message}")
        return out

    def to_json(self) -> dict:
        out = {"run": self.source, "run_id": self.run_id, "valid": self.valid,
               "kind": self.kind, "category": "campaign",
               "segments": [r.to_json() for r in self.segments]}
        if self.valid:
            out.update(total_ticks=self.total_ticks, total=format_ticks(self.total_ticks))
        else:
            out["message"] = self.message
        return out


def segment_files(source: Path) -> list[Path]:
    """The replays of a run: every .rpl in a folder, or, given one segment, the replays
    beside it that share its run id."""
    source = Path(source)
    if source.is_dir():
        return sorted(source.glob(f"*{EXTENSION}"))[:MAX_SEGMENT_FILES + 1]
    try:
        want = (read_replay(source).header.get("run") or {}).get("id")
    except ReplayError:
        return [source]
    found = []
    for path in sorted(source.parent.glob(f"*{EXTENSION}"))[:MAX_SEGMENT_FILES * 4]:
        try:
            if (read_replay(path).header.get("run") or {}).get("id") == want:
                found.append(path)
        except ReplayError:
            continue
    return found or [source]


class _Refused(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind, self.message = kind, message


def _run_fields(res: Result) -> tuple[str, int, int]:
    run = res.header.get("run")
    if res.category != "campaign" or not isinstance(run, dict):
        raise _Refused("not_a_run", f"{res.file} is a {res.category or 'unknown'} replay, "
                       "not a segment of a campaign run")
    rid, seg, of = run.get("id"), run.get("segment"), run.get("of")
    if not isinstance(rid, str) or type(seg) is not int or type(of) is not int:
        raise _Refused("not_a_run", f"{res.file}: its run id or segment number is missing")
    return rid, seg, of


def check_chain(results: list[Result]) -> tuple[str, int]:
    """The run id and total of valid segments that make one whole run; raises _Refused."""
    if not results:
        raise _Refused("not_a_run", "no replays found")
    fields = [_run_fields(r) for r in results]
    ids = sorted({f[0] for f in fields})
    if len(ids) > 1:
        raise _Refused("splice", f"the segments come from {len(ids)} different runs "
                       f"({', '.join(ids)}): a run is one sitting, not the best of several")
    order = sorted(zip(fields, results, strict=True), key=lambda fr: fr[0][1])
    numbers = [f[1] for f, _ in order]
    levels = campaign_levels()
    if numbers != list(range(1, len(numbers) + 1)):
        raise _Refused("incomplete", f"segments {numbers} are not 1, 2, 3 … in order "
                       "(one is missing or appears twice)")
    if {f[2] for f, _ in order} != {len(levels)} or len(order) != len(levels):
        raise _Refused("incomplete", f"{len(order)} of {len(levels)} campaign levels: "
                       "a run's total counts only once every level is won")
    previous: dict = {}
    for (_, seg, _), res in order:
        try:
            want = map_digest(levels[seg - 1]).sha256
        except MapHashError as exc:
            raise _Refused("wrong_map", str(exc)) from None
        if res.header["map"]["sha256"] != want:
            raise _Refused("wrong_order", f"segment {seg} is played on "
                           f"{res.header['map'].get('name')!r}, but level {seg} of the "
                           f"campaign is {levels[seg - 1].name}")
        if res.outcome != "won":
            raise _Refused("incomplete", f"segment {seg} was not won: the run ends there")
        carried = clean_carry(res.header.get("carry"))
        if carried != previous:
            what = "starts with carry-in" if seg == 1 else \
                "starts with other carry-in than segment " f"{seg - 1} ended with"
            raise _Refused("splice", f"segment {seg} {what} (has {carried}, expected "
                           f"{previous})")
        previous = clean_carry(res.carry_out or {})
    return ids[0], sum(r.igt_ticks for r in results)


def verify_run(source: Path, maps: list[Path] | None = None) -> RunResult:
    files = segment_files(source)
    out = RunResult(str(source))
    if len(files) > MAX_SEGMENT_FILES:
        out.kind, out.message = "not_a_run", f"more than {MAX_SEGMENT_FILES} replays"
        return out
    out.segments = [verify_file(f, maps) for f in files]
    bad = [r for r in out.segments if not r.valid]
    if bad:
        out.kind = "segment_not_valid"
        out.message = f"{bad[0].file}: {bad[0].kind}: {bad[0].message}"
        return out
    try:
        out.run_id, out.total_ticks = check_chain(out.segments)
    except _Refused as exc:
        out.kind, out.message = exc.kind, exc.message
        return out
    out.valid = True
    return out
