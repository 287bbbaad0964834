"""Export splits as LiveSplit .lss files (XML), as LiveSplit's own XMLRunSaver writes
them: GameIcon, GameName, CategoryName, LayoutPath, Metadata, Offset, AttemptCount,
AttemptHistory, Segments (Name, Icon, SplitTimes, BestSegmentTime, SegmentHistory) and
AutoSplitterSettings, every time with RealTime and GameTime.

Game time is the IGT (exact, from ticks); real time is the RTA the game measured. The
game's attempts become AttemptHistory (ids from 1), each finished segment a
SegmentHistory entry. Exporting onto an existing file **merges**: everything LiveSplit
keeps there (its attempts and segment history, layout path, icons, other comparisons,
auto splitter settings) stays; the game's attempts are added once (matched by start
time), best segments are the better of both, and the PB column is the faster run's.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime

from game.speedrun.timer import livesplit_time

GAME_NAME = "Reclaim 2147"
MAX_LSS_BYTES = 16 * 1024 * 1024
PB = "Personal Best"


class LssError(Exception):
    """An existing .lss that cannot be merged into (it is left untouched)."""


@dataclass
class Times:
    game: int | None = None  # ticks
    real_ms: int | None = None

    def element(self, tag: str, **attrs: str) -> ET.Element:
        el = ET.Element(tag, attrs)
        if self.real_ms is not None:
            ET.SubElement(el, "RealTime").text = _ms_time(self.real_ms)
        if self.game is not None:
            ET.SubElement(el, "GameTime").text = livesplit_time(self.game)
        return el


@dataclass
class Attempt:
    id: int
    started: str  # ISO UTC, as the splits file stores it
    ended: str | None
    final: Times  # empty unless the attempt finished the run
    segments: list[Times] = field(default_factory=list)  # each segment's own time


@dataclass
class SegmentData:
    name: str
    pb_split: Times  # cumulative
    best: Times


def _ms_time(ms: int) -> str:
    seconds, rest = divmod(int(ms), 1000)
    minutes, s = divmod(seconds, 60)
    hours, m = divmod(minutes, 60)
    return f"{hours:02d}:{m:02d}:{s:02d}.{rest * 10_000:07d}"


def _parse_span(text: str | None) -> float | None:
    """A .NET TimeSpan string ([d.]hh:mm:ss[.fffffff]) in seconds, for comparisons."""
    if not text:
        return None
    parts = text.strip().split(":")
    if len(parts) != 3:
        return None
    try:
        days, hours = 0, parts[0]
        if "." in hours:
            d, hours = hours.split(".", 1)
            days = int(d)
        sec, _, frac = parts[2].partition(".")
        fraction = int(frac[:7].ljust(7, "0")) / 1e7 if frac else 0.0
        return days * 86400 + int(hours) * 3600 + int(parts[1]) * 60 + int(sec) + fraction
    except ValueError:
        return None


def _livesplit_date(iso: str | None) -> str | None:
    """ISO UTC → LiveSplit's invariant-culture form, MM/dd/yyyy HH:mm:ss."""
    if not iso:
        return None
    try:
        when = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None
    return when.strftime("%m/%d/%Y %H:%M:%S")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _attempt_element(a: Attempt, new_id: int) -> ET.Element:
    el = a.final.element("Attempt")
    el.set("id", str(new_id))
    started, ended = _livesplit_date(a.started), _livesplit_date(a.ended)
    if started:
        el.set("started", started)
        el.set("isStartedSynced", "False")
    if ended:
        el.set("ended", ended)
        el.set("isEndedSynced", "False")
    return el


def fresh_run(category: str, segments: list[SegmentData]) -> ET.Element:
    run = ET.Element("Run", version="1.7.0")
    _sub(run, "GameIcon")
    _sub(run, "GameName", GAME_NAME)
    _sub(run, "CategoryName", category)
    _sub(run, "LayoutPath")
    meta = _sub(run, "Metadata")
    _sub(meta, "Run", id="")
    _sub(meta, "Platform", "PC", usesEmulator="False")
    _sub(meta, "Region", "")
    _sub(meta, "Variables")
    _sub(meta, "CustomVariables")
    _sub(run, "Offset", "00:00:00")
    _sub(run, "AttemptCount", "0")
    _sub(run, "AttemptHistory")
    segs = _sub(run, "Segments")
    for data in segments:
        seg = _sub(segs, "Segment")
        _sub(seg, "Name", data.name)
        _sub(seg, "Icon")
        _sub(seg, "SplitTimes").append(Times().element("SplitTime", name=PB))
        seg.append(Times().element("BestSegmentTime"))
        _sub(seg, "SegmentHistory")
    _sub(run, "AutoSplitterSettings")
    return run


def _read_existing(existing: bytes) -> ET.Element:
    if len(existing) > MAX_LSS_BYTES:
        raise LssError(f"larger than {MAX_LSS_BYTES} bytes")
    if b"<!DOCTYPE" in existing or b"<!ENTITY" in existing:
        raise LssError("declares a DTD or entities")
    try:
        root = ET.fromstring(existing)
    except ET.ParseError as exc:
        raise LssError(f"not valid XML ({exc})") from None
    if root.tag != "Run" or root.find("Segments") is None:
        raise LssError("not a LiveSplit splits file (no <Run> with <Segments>)")
    return root


def _child(parent: ET.Element, tag: str, before: str | None = None) -> ET.Element:
    found = parent.find(tag)
    if found is None:
        found = ET.Element(tag)
        anchor = parent.find(before) if before else None
        index = list(parent).index(anchor) if anchor is not None else len(parent)
        parent.insert(index, found)
    return found


def _seconds(el: ET.Element | None, method: str) -> float | None:
    return _parse_span(el.findtext(method)) if el is not None else None


def _better(old: ET.Element, new: ET.Element) -> ET.Element:
    """Per timing method, the lower of two Time elements."""
    out = ET.Element(old.tag, old.attrib)
    for method in ("RealTime", "GameTime"):
        a, b = _seconds(old, method), _seconds(new, method)
        pick = old if b is None or (a is not None and a <= b) else new
        if pick.find(method) is not None:
            _sub(out, method, pick.findtext(method))
    return out


def build_lss(segments: list[SegmentData], category: str, attempts: list[Attempt],
              attempt_count: int, existing: bytes | None = None) -> bytes:
    """The .lss for these splits, merged into `existing` (a file's bytes) if given.
    Raises LssError when `existing` cannot be read as a LiveSplit file."""
    run = _read_existing(existing) if existing else fresh_run(category, segments)
    segs = run.find("Segments")
    names = [s.findtext("Name") for s in segs.findall("Segment")]
    if existing and names != [s.name for s in segments]:
        raise LssError(f"its segments {names} are not this game's "
                       f"{[s.name for s in segments]}")
    _child(run, "LayoutPath", before="Metadata")  # older files may lack it
    history = _child(run, "AttemptHistory", before="Segments")
    known = {a.get("started") for a in history.findall("Attempt")}
    next_id = max([int(a.get("id", "0")) for a in history.findall("Attempt")
                   if a.get("id", "").lstrip("-").isdigit()] + [0]) + 1
    ids: dict[int, int] = {}
    for attempt in attempts:
        if _livesplit_date(attempt.started) in known:
            continue  # exported before
        ids[attempt.id] = next_id
        history.append(_attempt_element(attempt, next_id))
        next_id += 1
    count = _child(run, "AttemptCount", before="AttemptHistory")
    old_count = int(count.text) if (count.text or "").isdigit() else 0
    count.text = str(max(old_count + len(ids), attempt_count, len(history)))
    # the PB column: the faster of the file's and ours, judged on the final split
    ours_final = segments[-1].pb_split.game if segments else None
    theirs = [s.find("SplitTimes/SplitTime[@name='Personal Best']")
              for s in segs.findall("Segment")]
    their_final = _seconds(theirs[-1], "GameTime") if theirs else None
    take_ours = ours_final is not None and (
        their_final is None or ours_final / 60 < their_final)
    for i, (seg, data) in enumerate(zip(segs.findall("Segment"), segments, strict=True)):
        times = _child(seg, "SplitTimes", before="BestSegmentTime")
        if take_ours or theirs[i] is None:
            if theirs[i] is not None:
                times.remove(theirs[i])
            times.insert(0, data.pb_split.element("SplitTime", name=PB))
        best = seg.find("BestSegmentTime")
        mine = data.best.element("BestSegmentTime")
        merged = _better(best, mine) if best is not None else mine
        if best is not None:
            seg.remove(best)
        seg.insert(list(seg).index(times) + 1, merged)
        seg_history = _child(seg, "SegmentHistory")
        for attempt in attempts:
            if attempt.id in ids and i < len(attempt.segments):
                seg_history.append(attempt.segments[i].element("Time", id=str(ids[attempt.id])))
    _child(run, "AutoSplitterSettings")
    ET.indent(run)
    body = ET.tostring(run, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def _attempts(scope: dict) -> list[Attempt]:
    out = []
    for h in scope.get("history", []):
        segments = [Times(int(g), int(r)) for g, r in h.get("segments", [])
                    if isinstance(g, int) and isinstance(r, int)]
        final = Times(h.get("igt"), h.get("rta_ms")) if h.get("igt") is not None else Times()
        out.append(Attempt(int(h["id"]), str(h.get("started") or ""), h.get("ended"), final,
                           segments))
    return out


def _best_real(scope: dict, index: int) -> int | None:
    times = [h["segments"][index][1] for h in scope.get("history", [])
             if len(h.get("segments", [])) > index]
    return min(times) if times else None


def campaign_lss(store, levels: list[tuple[str, str]], existing: bytes | None = None) -> bytes:
    """The campaign's splits; `levels` is [(level_id, title)] in campaign order."""
    pb = store.campaign_pb()
    pb_ids = [s.get("level") for s in pb["segments"]] if pb else []
    camp = store.campaign
    segments = []
    pb_real = [s.get("rta_ms") for s in pb["segments"]] if pb else []
    for i, (level_id, title) in enumerate(levels):
        same = pb_ids[:i + 1] == [lid for lid, _ in levels[:i + 1]]
        split = store.pb_cumulative(i) if same else None
        real = sum(pb_real[:i + 1]) if same and all(
            isinstance(r, int) for r in pb_real[:i + 1]) else None
        segments.append(SegmentData(title, Times(split, real),
                                    Times(store.gold(level_id), _best_real(camp, i))))
    return build_lss(segments, "Campaign", _attempts(camp), camp.get("attempts", 0),
                     existing)


def level_lss(store, level_id: str, title: str, existing: bytes | None = None) -> bytes:
    """A one-segment .lss for an individual level (clean starts only: see run.py)."""
    pb = store.level_pb(level_id)
    entry = store.data["levels"].get(level_id, {})
    ticks = pb["igt_ticks"] if pb else None
    real = pb.get("rta_ms") if pb else None
    attempts = _attempts(entry)
    for a in attempts:  # an IL attempt is its own one segment
        a.segments = [a.final] if a.final.game is not None else []
    best_real = min([a.final.real_ms for a in attempts if a.final.real_ms is not None],
                    default=None)
    return build_lss([SegmentData(title, Times(ticks, real), Times(ticks, best_real))],
                     f"{title} (IL)", attempts, entry.get("attempts", 0), existing)
