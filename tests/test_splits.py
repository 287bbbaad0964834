"""Splits: PB, golds, medals, live delta, .lss export; saves are atomic and a damaged
splits or settings file is backed up and reported, never silently reset."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from game.save import SaveError, atomic_write_json, load_json
from game.settings import SettingsStore
from game.speedrun.export import export_splits
from game.speedrun.lss import campaign_lss
from game.speedrun.splits import Comparison, SplitsStore, medal_for
from game.speedrun.timer import livesplit_time


def test_medals_from_par():
    par = 3600
    assert medal_for(3600, par) == "gold"
    assert medal_for(3601, par) == "silver" and medal_for(4500, par) == "silver"
    assert medal_for(5400, par) == "bronze" and medal_for(5401, par) == ""
    assert medal_for(10, 0) == ""  # no par, no medals


def test_level_pb_and_campaign_golds(tmp_path):
    store = SplitsStore(tmp_path)
    assert store.finish_level("a", "A", 500, [100, 200], "practice", "d").new_pb
    slower = store.finish_level("a", "A", 520, [90, 230], "practice", "d")
    assert not slower.new_pb and slower.previous_pb == 500
    faster = store.finish_level("a", "A", 480, [95, 210], "campaign", "d")
    assert faster.new_pb and store.level_pb("a")["marks"] == [95, 210]
    assert store.campaign_segment("a", 480) and not store.campaign_segment("a", 490)
    assert store.campaign_segment("b", 300)
    first = store.finish_campaign([{"level": "a", "igt_ticks": 480, "marks": []},
                                   {"level": "b", "igt_ticks": 320, "marks": []}], "d")
    assert first.new_pb and store.pb_cumulative(1) == 800
    assert store.sum_of_best(["a", "b"]) == 780
    assert store.save() == ""
    again = SplitsStore(tmp_path)
    assert again.problem == "" and again.level_pb("a")["igt_ticks"] == 480


def test_live_delta_like_livesplit():
    cmp = Comparison(marks=[100, 200, 300], pb_end=300)
    assert cmp.delta([], 50, False) is None  # nothing to compare yet
    assert cmp.delta([], 130, False) == (30, False)  # already behind the PB's first split
    assert cmp.delta([90], 95, False) == (-10, True)  # ahead at split 1
    assert cmp.delta([90, 210], 250, False) == (10, True)
    assert cmp.delta([90, 210, 290], 290, True) == (-10, True)
    campaign = Comparison([50], 80, base=400, pb_base=420)  # 20 ticks ahead coming in
    assert campaign.delta([45], 45, False) == (-25, True)


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b'{"format": 1}',
                                     b'{"format": 1, "levels": {"a": {"pb": {"igt_ticks": -5}}}}',
                                     b"\xff\xfe"])
def test_damaged_splits_file_is_backed_up_and_reported(tmp_path, content):
    path = tmp_path / "splits.json"
    path.write_bytes(content)
    store = SplitsStore(tmp_path)
    assert "splits.json is damaged" in store.problem and "corrupt-" in store.problem
    backups = list(tmp_path.glob("splits.json.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == content  # nothing lost
    assert store.data["levels"] == {}
    store.finish_level("a", "A", 100, [], "practice", "d")
    assert store.save() == "" and json.loads(path.read_text())["levels"]["a"]


def test_damaged_settings_file_is_backed_up_and_bad_values_reported(tmp_path):
    (tmp_path / "settings.json").write_text("{{{")
    store = SettingsStore(tmp_path)
    assert store.problems and "damaged" in store.problems[0]
    assert list(tmp_path.glob("settings.json.corrupt-*"))
    (tmp_path / "settings.json").write_text(json.dumps(
        {"format": 1, "livesplit_port": 99999, "show_rta": "yes", "restart_key": "t",
         "mystery": 1}))
    store = SettingsStore(tmp_path)
    assert store.settings.livesplit_port == 16834 and store.settings.show_rta is False
    assert store.settings.restart_key == "t"
    assert len(store.problems) == 3  # port, show_rta, unknown key: each reported


def test_atomic_writes_leave_no_temp_files_and_fail_cleanly(tmp_path):
    target = tmp_path / "a.json"
    atomic_write_json(target, {"x": 1})
    atomic_write_json(target, {"x": 2})
    assert json.loads(target.read_text()) == {"x": 2}
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(SaveError):
        atomic_write_json(blocker / "inside.json", {})
    assert load_json(tmp_path / "missing.json", dict).data == {}


def test_lss_export_is_livesplit_xml_with_segments(tmp_path):
    store = SplitsStore(tmp_path)
    store.campaign_segment("a", 480)
    store.campaign_segment("b", 300)
    store.finish_campaign([{"level": "a", "igt_ticks": 500, "marks": []},
                           {"level": "b", "igt_ticks": 320, "marks": []}], "d")
    root = ET.fromstring(campaign_lss(store, [("a", "First"), ("b", "Second")]))
    assert root.tag == "Run"
    assert root.findtext("GameName") == "Reclaim 2147"
    assert root.findtext("CategoryName") == "Campaign"
    segments = root.findall("Segments/Segment")
    assert [s.findtext("Name") for s in segments] == ["First", "Second"]
    splits = [s.find("SplitTimes/SplitTime[@name='Personal Best']/GameTime").text
              for s in segments]
    assert splits == [livesplit_time(500), livesplit_time(820)]
    golds = [s.findtext("BestSegmentTime/GameTime") for s in segments]
    assert golds == [livesplit_time(480), livesplit_time(300)]


def test_export_writes_campaign_and_level_files(tmp_path):
    from runkit import two_levels

    levels = two_levels(tmp_path / "maps")
    store = SplitsStore(tmp_path)
    store.finish_level("a_first", "First", 400, [], "practice", "d")
    written = export_splits(store, tmp_path / "out", levels)
    assert [p.name for p in written] == ["campaign.lss", "a_first.lss", "b_second.lss"]
    for path in written:
        ET.parse(path)
    il = ET.parse(tmp_path / "out" / "a_first.lss").getroot()
    assert il.findtext("Segments/Segment/SplitTimes/SplitTime/GameTime") == livesplit_time(400)


def test_splits_command_prints_and_exports(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    store = SplitsStore(tmp_path)
    store.finish_level("01_scavengers_dawn", "Dawn", 1939, [], "practice", "d")
    store.save()

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "game", "--data-dir", str(tmp_path),
                               "splits", *args], cwd=root, capture_output=True, text=True,
                              timeout=60, env=dict(os.environ, PYTHONPATH=str(root)))

    out = cli("--lss", str(tmp_path / "lss"))
    assert out.returncode == 0 and "PB 0:32.316" in out.stdout
    assert ET.parse(tmp_path / "lss" / "campaign.lss").getroot().tag == "Run"
    (tmp_path / "blocked").write_text("")
    out = cli("--lss", str(tmp_path / "blocked"))
    assert out.returncode == 1 and "Traceback" not in out.stderr
