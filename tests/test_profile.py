"""The campaign profile: progress, best times and medals, saved atomically after every
level; a damaged file is kept aside, reported, and the last good state is restored."""

from __future__ import annotations

import json

from game.campaign.profile import LAST_GOOD, Profile

ORDER = ["01_a", "02_b", "03_c"]


def test_a_fresh_profile_opens_only_the_first_level(tmp_path):
    p = Profile(tmp_path)
    assert p.problem == "" and not p.started
    assert p.is_unlocked("01_a", ORDER) and not p.is_unlocked("02_b", ORDER)
    assert p.continue_level(ORDER) == "01_a"


def test_a_win_unlocks_the_next_level_and_keeps_the_best_time_and_medal(tmp_path):
    p = Profile(tmp_path)
    assert p.record("01_a", "won", 5000, "silver", "02_b", {"stock": {"biomass": 2}}) == ""
    assert p.record("01_a", "won", 6000, "bronze", "02_b") == ""
    assert p.record("01_a", "lost", 100, "", "02_b") == ""
    again = Profile(tmp_path)  # written to disk after every level
    assert again.best("01_a") == 5000 and again.medal("01_a") == "silver"
    assert again.level("01_a")["attempts"] == 3 and again.level("01_a")["wins"] == 2
    assert again.is_unlocked("02_b", ORDER) and not again.is_unlocked("03_c", ORDER)
    assert again.continue_level(ORDER) == "02_b"
    assert again.carry_for("02_b") == {"stock": {"biomass": 2}}
    again.record("01_a", "won", 4000, "gold", "02_b")
    assert Profile(tmp_path).medal("01_a") == "gold"


def test_a_lost_level_unlocks_nothing(tmp_path):
    p = Profile(tmp_path)
    p.record("01_a", "lost", 18000, "", "02_b")
    assert not Profile(tmp_path).is_unlocked("02_b", ORDER)


def test_a_corrupt_profile_is_backed_up_reported_and_the_last_good_state_restored(tmp_path):
    p = Profile(tmp_path)
    p.record("01_a", "won", 5000, "gold", "02_b")
    (tmp_path / "profile.json").write_text('{"format": 1, "unlocked": [')  # truncated
    again = Profile(tmp_path)
    assert "damaged" in again.problem and "restored" in again.problem
    backups = list(tmp_path.glob("profile.json.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_text().startswith('{"format": 1')
    assert again.best("01_a") == 5000 and again.is_unlocked("02_b", ORDER)
    assert json.loads((tmp_path / "profile.json").read_text())["unlocked"]  # repaired


def test_a_corrupt_profile_without_a_good_copy_starts_fresh_and_says_so(tmp_path):
    (tmp_path / "profile.json").write_bytes(b"\x00\xffnot json")
    p = Profile(tmp_path)
    assert "damaged" in p.problem and "starting fresh" in p.problem
    assert list(tmp_path.glob("profile.json.corrupt-*"))
    assert p.is_unlocked("01_a", ORDER) and not p.started


def test_wrong_shapes_are_refused_like_corruption(tmp_path):
    for bad in ({"format": 1, "unlocked": "all", "levels": {}},
                {"format": 1, "unlocked": [], "levels": {"x": {"best_ticks": -4}}},
                {"format": 99, "unlocked": [], "levels": {}}, [1, 2]):
        (tmp_path / "profile.json").write_text(json.dumps(bad))
        (tmp_path / LAST_GOOD).unlink(missing_ok=True)
        assert "damaged" in Profile(tmp_path).problem


def test_an_unwritable_folder_reports_instead_of_crashing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    p = Profile(blocker)
    assert "cannot save" in p.record("01_a", "won", 1, "", "02_b")
