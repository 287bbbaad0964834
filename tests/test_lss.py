"""LiveSplit .lss exports, read back by an independent reader (the lss-parser package):
LayoutPath, AttemptHistory with the game's attempts, SegmentHistory, RealTime and
GameTime; and exporting onto a file LiveSplit saved merges instead of wiping it."""

from __future__ import annotations

from pathlib import Path

import pytest
from runkit import two_levels

from game.speedrun.export import export_splits
from game.speedrun.splits import SplitsStore
from game.speedrun.timer import livesplit_time

lss_parser = pytest.importorskip("lss_parser")


def ms(n: int) -> str:
    seconds, rest = divmod(n, 1000)
    return f"00:{seconds // 60:02d}:{seconds % 60:02d}.{rest * 10_000:07d}"


def played(store: SplitsStore) -> None:
    """What the game's Run records: two campaign attempts (a reset one and a finished
    one) and level attempts of the first level (one lost, one won)."""
    camp = store.campaign
    first = store.start_attempt(camp)
    store.add_segment(camp, first, 500, 9_000)
    store.end_attempt(camp, first)  # reset during level 2
    second = store.start_attempt(camp)
    store.add_segment(camp, second, 480, 8_500)
    store.add_segment(camp, second, 300, 6_000)
    store.end_attempt(camp, second, 780, 14_500)
    store.campaign["attempts"] = 2
    store.campaign_segment("a_first", 500)
    store.campaign_segment("a_first", 480)
    store.campaign_segment("b_second", 300)
    store.finish_campaign([{"level": "a_first", "igt_ticks": 480, "marks": [], "rta_ms": 8_500},
                           {"level": "b_second", "igt_ticks": 300, "marks": [],
                            "rta_ms": 6_000}], "d")
    level = store.level("a_first")
    lost = store.start_attempt(level)
    store.end_attempt(level, lost)
    won = store.start_attempt(level)
    store.end_attempt(level, won, 450, 7_700)
    level["attempts"] = 2
    store.finish_level("a_first", "First", 450, [], "practice", "d", "", 7_700)


@pytest.fixture
def exported(tmp_path) -> tuple[Path, list[Path], SplitsStore]:
    levels = two_levels(tmp_path / "maps")
    store = SplitsStore(tmp_path)
    played(store)
    export_splits(store, tmp_path / "out", levels)
    return tmp_path / "out", levels, store


def test_an_independent_reader_finds_everything_livesplit_writes(exported):
    out, _, _ = exported
    run = lss_parser.load_lss_file(out / "campaign.lss")
    assert run.game_name == "Reclaim 2147" and run.category_name == "Campaign"
    assert run.layout_path == ""  # present, as LiveSplit writes it (the reader needs it)
    assert run.attempt_count == 2
    assert [a.id for a in run.attempt_history] == ["1", "2"]
    assert all(a.started and a.ended for a in run.attempt_history)
    assert run.attempt_history[0].time.game_time is None  # reset: no final time
    finished = run.attempt_history[1].time
    assert finished.game_time == livesplit_time(780) and finished.real_time == ms(14_500)
    first, second = run.segments
    pb = {s.name: s.time for s in first.split_times}["Personal Best"]
    assert pb.game_time == livesplit_time(480) and pb.real_time == ms(8_500)
    pb2 = {s.name: s.time for s in second.split_times}["Personal Best"]
    assert pb2.game_time == livesplit_time(780) and pb2.real_time == ms(14_500)
    assert first.best_segment_time.game_time == livesplit_time(480)
    assert first.best_segment_time.real_time == ms(8_500)
    assert [(h.id, h.time.game_time) for h in first.segment_history] == [
        ("1", livesplit_time(500)), ("2", livesplit_time(480))]
    assert [(h.id, h.time.real_time) for h in second.segment_history] == [("2", ms(6_000))]
    il = lss_parser.load_lss_file(out / "a_first.lss")
    assert il.attempt_count == 2 and len(il.attempt_history) == 2
    assert il.segments[0].segment_history[0].id == "2"
    assert il.segments[0].best_segment_time.real_time == ms(7_700)


LIVESPLIT_SAVED = """<?xml version="1.0" encoding="UTF-8"?>
<Run version="1.7.0">
  <GameIcon />
  <GameName>Reclaim 2147</GameName>
  <CategoryName>Campaign</CategoryName>
  <LayoutPath>C:\\Runs\\reclaim.lsl</LayoutPath>
  <Metadata><Run id="" /><Platform usesEmulator="False">PC</Platform><Region />
    <Variables /><CustomVariables /></Metadata>
  <Offset>00:00:00</Offset>
  <AttemptCount>5</AttemptCount>
  <AttemptHistory>
    <Attempt id="4" started="01/02/2026 10:00:00" isStartedSynced="True"
             ended="01/02/2026 10:01:00" isEndedSynced="True">
      <RealTime>00:00:14.0000000</RealTime><GameTime>00:00:12.0000000</GameTime>
    </Attempt>
    <Attempt id="5" started="01/02/2026 11:00:00" isStartedSynced="True"
             ended="01/02/2026 11:00:05" isEndedSynced="True" />
  </AttemptHistory>
  <Segments>
    <Segment><Name>First</Name><Icon />
      <SplitTimes><SplitTime name="Personal Best"><RealTime>00:00:07.0000000</RealTime>
        <GameTime>00:00:06.0000000</GameTime></SplitTime>
        <SplitTime name="Mine"><GameTime>00:00:05.0000000</GameTime></SplitTime></SplitTimes>
      <BestSegmentTime><RealTime>00:00:07.0000000</RealTime><GameTime>00:00:06.0000000</GameTime></BestSegmentTime>
      <SegmentHistory><Time id="4"><GameTime>00:00:06.0000000</GameTime></Time></SegmentHistory>
    </Segment>
    <Segment><Name>Second</Name><Icon />
      <SplitTimes><SplitTime name="Personal Best"><RealTime>00:00:14.0000000</RealTime>
        <GameTime>00:00:12.0000000</GameTime></SplitTime></SplitTimes>
      <BestSegmentTime><GameTime>00:00:06.0000000</GameTime></BestSegmentTime>
      <SegmentHistory><Time id="4"><GameTime>00:00:06.0000000</GameTime></Time></SegmentHistory>
    </Segment>
  </Segments>
  <AutoSplitterSettings />
</Run>
"""


def test_exporting_merges_into_what_livesplit_saved(tmp_path):
    levels = two_levels(tmp_path / "maps")
    store = SplitsStore(tmp_path)
    played(store)
    store.data["levels"]["a_first"]["title"] = "First"
    store.data["levels"].setdefault("b_second", {})["title"] = "Second"
    out = tmp_path / "out"
    out.mkdir()
    (out / "campaign.lss").write_text(LIVESPLIT_SAVED)
    export_splits(store, out, levels)
    export_splits(store, out, levels)  # again: nothing is added twice
    run = lss_parser.load_lss_file(out / "campaign.lss")
    assert run.layout_path == "C:\\Runs\\reclaim.lsl"
    assert [a.id for a in run.attempt_history] == ["4", "5", "6", "7"]
    assert run.attempt_count == 7
    first, second = run.segments
    names = {s.name: s.time for s in first.split_times}
    assert names["Mine"].game_time == "00:00:05.0000000"  # LiveSplit's own comparison
    # the PB column is the faster run's: LiveSplit's 12 s beats the game's 780 ticks (13 s)
    assert {s.name: s.time for s in second.split_times}["Personal Best"].game_time == \
        "00:00:12.0000000"
    assert first.best_segment_time.game_time == "00:00:06.0000000"
    assert [h.id for h in first.segment_history] == ["4", "6", "7"]
    assert [h.id for h in second.segment_history] == ["4", "7"]


def test_a_file_that_is_not_livesplits_is_left_alone(tmp_path):
    levels = two_levels(tmp_path / "maps")
    store = SplitsStore(tmp_path)
    played(store)
    out = tmp_path / "out"
    out.mkdir()
    (out / "campaign.lss").write_text("my notes, not splits")
    problems: list[str] = []
    written = export_splits(store, out, levels, problems=problems)
    assert (out / "campaign.lss").read_text() == "my notes, not splits"
    assert out / "campaign.lss" not in written and "not changed" in problems[0]
