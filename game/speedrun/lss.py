"""Export splits as a LiveSplit .lss file (XML), game time only.

Segments are the campaign levels in order. "Personal Best" split times are the
campaign PB's cumulative times; best segments are the golds. Times are .NET TimeSpan
strings (H:MM:SS.fffffff) from exact tick counts.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from game.speedrun.timer import livesplit_time

GAME_NAME = "Reclaim 2147"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _game_time(parent: ET.Element, tag: str, ticks: int | None, **attrs: str) -> None:
    el = _sub(parent, tag, **attrs)
    if ticks is not None:
        _sub(el, "GameTime", livesplit_time(ticks))


def build_lss(segments: list[tuple[str, int | None, int | None]], category: str,
              attempts: int = 0) -> bytes:
    """`segments`: (name, PB cumulative ticks or None, best segment ticks or None)."""
    run = ET.Element("Run", version="1.7.0")
    _sub(run, "GameIcon")
    _sub(run, "GameName", GAME_NAME)
    _sub(run, "CategoryName", category)
    meta = _sub(run, "Metadata")
    _sub(meta, "Run", id="")
    _sub(meta, "Platform", "PC", usesEmulator="False")
    _sub(meta, "Region", "")
    _sub(meta, "Variables")
    _sub(run, "Offset", "00:00:00")
    _sub(run, "AttemptCount", str(attempts))
    _sub(run, "AttemptHistory")
    segs = _sub(run, "Segments")
    for name, split, best in segments:
        seg = _sub(segs, "Segment")
        _sub(seg, "Name", name)
        _sub(seg, "Icon")
        times = _sub(seg, "SplitTimes")
        _game_time(times, "SplitTime", split, name="Personal Best")
        _game_time(seg, "BestSegmentTime", best)
        _sub(seg, "SegmentHistory")
    _sub(run, "AutoSplitterSettings")
    ET.indent(run)
    body = ET.tostring(run, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def campaign_lss(store, levels: list[tuple[str, str]]) -> bytes:
    """The campaign's splits; `levels` is [(level_id, title)] in campaign order."""
    pb = store.campaign_pb()
    pb_ids = [s.get("level") for s in pb["segments"]] if pb else []
    segments = []
    for i, (level_id, title) in enumerate(levels):
        split = store.pb_cumulative(i) if pb_ids[:i + 1] == [lid for lid, _ in levels[:i + 1]] \
            else None
        segments.append((title, split, store.gold(level_id)))
    return build_lss(segments, "Campaign", store.campaign.get("attempts", 0))


def level_lss(store, level_id: str, title: str) -> bytes:
    """A one-segment .lss for an individual level."""
    pb = store.level_pb(level_id)
    ticks = pb["igt_ticks"] if pb else None
    attempts = store.data["levels"].get(level_id, {}).get("attempts", 0)
    return build_lss([(title, ticks, ticks)], f"{title} (IL)", attempts)
