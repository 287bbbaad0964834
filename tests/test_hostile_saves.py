"""Saves that look plausible must never stop the game: every loader (profile, splits,
settings) refuses a damaged file on load by its schema, sets it aside, says so, and the
game goes on; what it loads can be used and saved again."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.campaign.profile import LAST_GOOD, Profile
from game.save import clean_orphans
from game.settings import SettingsStore
from game.speedrun.splits import SplitsStore

GOOD_PROFILE = {"format": 1, "unlocked": ["l1", "l2"], "settings": "settings.json",
                "levels": {"l1": {"best_ticks": 600, "medal": "gold", "wins": 1,
                                  "attempts": 2}}, "carry": {"l2": {"murals": 1}}}
GOOD_SPLITS = {"format": 1, "levels": {"l1": {"attempts": 2, "finishes": 1, "title": "A",
                                              "pb": {"igt_ticks": 600, "marks": [60, 120],
                                                     "category": "practice",
                                                     "date": "2026", "replay": ""}}},
               "campaign": {"attempts": 1, "golds": {"l1": 600},
                            "pb": {"segments": [{"level": "l1", "igt_ticks": 600,
                                                 "marks": [60]}], "date": "2026",
                                   "igt_ticks": 600}}}


def _use_profile(folder):
    """What the game does with a profile: read it and finish a level (saving it)."""
    p = Profile(folder)
    for lid in ("l1", "l2"):
        p.best(lid), p.medal(lid), p.won(lid), p.carry_for(lid)
    p.continue_level(["l1", "l2"])
    p.record("l1", "won", 500, "silver", "l2", {"murals": 2})
    p.record("l2", "lost", 900, "", None)
    return p


def _use_splits(folder):
    s = SplitsStore(folder)
    s.count_attempt("l1")
    s.finish_level("l1", "A", 550, [50], "practice", "2026")
    s.level_pb("l1"), s.gold("l1"), s.sum_of_best(["l1"]), s.pb_cumulative(0)
    s.pb_segment(0, "l1")
    s.campaign_segment("l1", 500)
    s.count_campaign_attempt()
    s.finish_campaign([{"level": "l1", "igt_ticks": 500, "marks": [50]}], "2026")
    assert s.save() == ""
    return s


def _use_settings(folder):
    store = SettingsStore(folder)
    assert store.save() == ""
    return store


LOADERS = {"profile.json": (_use_profile, lambda x: x.problem),
           "splits.json": (_use_splits, lambda x: x.problem),
           "settings.json": (_use_settings, lambda x: " ".join(x.problems))}

ATTACKS = {
    "deep": "[" * 100_000 + "]" * 100_000,
    "bigint": '{"format": 1, "levels": {}, "unlocked": [], "x": ' + "9" * 5000 + "}",
    "surrogate": '{"format": 1, "levels": {}, "unlocked": ["\\ud800"], "player_name": '
                 '"\\ud800"}',
}
PROFILE_ATTACKS = {
    "medal_list": {**GOOD_PROFILE, "levels": {"l1": {"medal": []}}},
    "wins_text": {**GOOD_PROFILE, "levels": {"l1": {"wins": "x"}}},
    "attempts_text": {**GOOD_PROFILE, "levels": {"l1": {"attempts": "x"}}},
    "level_list": {**GOOD_PROFILE, "levels": {"l1": []}},
}
SPLITS_ATTACKS = {
    "golds_list": {**GOOD_SPLITS, "campaign": {"golds": [1, 2]}},
    "marks_int": {**GOOD_SPLITS, "levels": {"l1": {"pb": {"igt_ticks": 5, "marks": 7}}}},
    "level_list": {**GOOD_SPLITS, "levels": {"l1": [1]}},
    "attempts_text": {**GOOD_SPLITS, "levels": {"l1": {"attempts": "x"}}},
}


def _case(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    use, problem = LOADERS[name]
    loaded = use(tmp_path)
    return problem(loaded)


@pytest.mark.parametrize("attack", sorted(ATTACKS))
@pytest.mark.parametrize("name", sorted(LOADERS))
def test_hostile_json_is_set_aside_reported_and_the_game_goes_on(tmp_path, name, attack):
    message = _case(tmp_path, name, ATTACKS[attack])
    assert "is damaged" in message
    assert list(tmp_path.glob(f"{name}.corrupt-*")), "the damaged file is kept aside"
    json.loads((tmp_path / name).read_text(encoding="utf-8"))  # written again, valid


@pytest.mark.parametrize("attack", sorted(PROFILE_ATTACKS))
def test_profile_fields_of_the_wrong_type(tmp_path, attack):
    assert "is damaged" in _case(tmp_path, "profile.json", json.dumps(PROFILE_ATTACKS[attack]))


def test_a_damaged_last_good_copy_is_not_restored(tmp_path):
    (tmp_path / "profile.json").write_text("{", encoding="utf-8")
    (tmp_path / LAST_GOOD).write_text(json.dumps(PROFILE_ATTACKS["medal_list"]),
                                      encoding="utf-8")
    p = _use_profile(tmp_path)
    assert "starting fresh" in p.problem


@pytest.mark.parametrize("attack", sorted(SPLITS_ATTACKS))
def test_splits_fields_of_the_wrong_type(tmp_path, attack):
    assert "is damaged" in _case(tmp_path, "splits.json", json.dumps(SPLITS_ATTACKS[attack]))


def test_good_files_load_without_a_word(tmp_path):
    assert _case(tmp_path, "profile.json", json.dumps(GOOD_PROFILE)) == ""
    assert _case(tmp_path, "splits.json", json.dumps(GOOD_SPLITS)) == ""


def test_a_fifo_or_device_as_a_save_is_set_aside_not_opened(tmp_path):
    os.mkfifo(tmp_path / "profile.json")
    (tmp_path / "splits.json").symlink_to("/dev/zero")
    assert "FIFO" in _use_profile(tmp_path).problem
    assert "device" in _use_splits(tmp_path).problem


# -- property test: the right shape, wrong types anywhere -------------------------------
JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(-(1 << 70), 1 << 70),
                      st.floats(allow_nan=False), st.text(max_size=8))
JSON = st.recursive(JSON_LEAF, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=12)


def _mutations(good: object) -> st.SearchStrategy:
    """`good` with any one value (at any depth) replaced by arbitrary JSON, or kept."""
    if isinstance(good, dict) and good:
        key = st.sampled_from(sorted(good))
        return st.one_of(JSON, key.flatmap(lambda k: _mutations(good[k]).map(
            lambda v: {**good, k: v})))
    if isinstance(good, list) and good:
        return st.one_of(JSON, _mutations(good[0]).map(lambda v: [v, *good[1:]]))
    return JSON


SHAPES = {"profile.json": GOOD_PROFILE, "splits.json": GOOD_SPLITS,
          "settings.json": {"format": 1, "player_name": "A", "livesplit_port": 16834,
                            "keys": {"interact": ["e"]}, "show_rta": True}}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_property_wrong_types_never_crash_a_loader(tmp_path_factory, name):
    @settings(max_examples=150, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow])
    @given(_mutations(SHAPES[name]))
    def run(data):
        folder = tmp_path_factory.mktemp("save")
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
        use, _ = LOADERS[name]
        use(folder)  # must neither raise nor leave an unreadable file
        json.loads((folder / name).read_text(encoding="utf-8"))

    run()


def test_orphan_temp_files_of_a_killed_save_are_removed_on_start(tmp_path):
    (tmp_path / "replays").mkdir()
    old = [tmp_path / ".profile.json.abc123.tmp", tmp_path / "replays" / ".x.rpl.q.tmp"]
    for p in old:
        p.write_bytes(b"half")
        os.utime(p, (1, 1))
    fresh = tmp_path / ".splits.json.new.tmp"
    fresh.write_bytes(b"being written")  # another copy of the game may be saving now
    mine = tmp_path / "notes.tmp"  # not our pattern: never touched
    mine.write_bytes(b"x")
    os.utime(mine, (1, 1))
    assert sorted(clean_orphans(tmp_path)) == sorted(old)
    assert fresh.exists() and mine.exists()


def test_the_app_cleans_orphans_when_it_starts(tmp_path):
    from game.app import App

    orphan = tmp_path / ".settings.json.zz.tmp"
    orphan.write_bytes(b"{")
    os.utime(orphan, (1, 1))
    App(tmp_path, headless=True)
    assert not orphan.exists()
