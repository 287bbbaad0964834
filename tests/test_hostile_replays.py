"""Replays built as an attacker would: a huge checkpoint interval over a day of idle
ticks, an unfinished run, a category spelt another way. Each is refused early, by kind,
without re-simulating what it does not have to."""

from __future__ import annotations

from pathlib import Path

import pytest
from runkit import AMOUNTS, LEVEL_A

from game.dev.bot import play_to_win
from game.level import load_level
from game.sim import Simulation
from game.speedrun import verify as verify_mod
from game.speedrun.record import record_run
from game.speedrun.replay import MAX_TICKS, Replay, from_bytes, to_bytes
from game.speedrun.verify import MAX_LEVEL_TICKS, verify_file


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, Replay]:
    from mapkit import write_map

    path = write_map(tmp_path_factory.mktemp("small"), LEVEL_A, AMOUNTS, objective_amount=5)
    level = load_level(path)
    log = play_to_win(Simulation(level), nodes_wanted=1)
    # "custom": this test map is not a shipped one (practice is refused on it)
    return path, from_bytes(to_bytes(record_run(path, level, log, "custom", "tester")))


def _forged(replay: Replay, ticks: list | None = None, checkpoints: list | None = None,
            **header) -> bytes:
    """A replay whose every checksum is fixed up (to_bytes recomputes them)."""
    out = Replay({**replay.header, **header}, replay.ticks if ticks is None else ticks,
                 replay.checkpoints if checkpoints is None else checkpoints)
    return to_bytes(out)


def _verify(tmp_path, data: bytes, maps: list[Path], monkeypatch) -> tuple:
    """verify_file, counting the simulation ticks it ran."""
    steps = [0]
    real = Simulation.step

    def counted(self, commands):
        steps[0] += 1
        return real(self, commands)

    monkeypatch.setattr(Simulation, "step", counted)
    (tmp_path / "r.rpl").write_bytes(data)
    return verify_file(tmp_path / "r.rpl", maps), steps[0]


def test_the_genuine_replay_verifies(small, tmp_path, monkeypatch):
    path, replay = small
    res, steps = _verify(tmp_path, to_bytes(replay), [path], monkeypatch)
    assert res.valid, res.line()
    assert steps == len(replay.ticks)


def test_a_huge_checkpoint_interval_is_refused_before_simulating(small, tmp_path,
                                                               monkeypatch):
    path, replay = small
    idle = [[] for _ in range(MAX_TICKS)]  # a day of idle ticks, 1.5 KB on disk
    data = _forged(replay, idle, [], checkpoint_interval=10**9)
    assert len(data) < 64_000
    res, steps = _verify(tmp_path, data, [path], monkeypatch)
    assert (res.kind, steps) == ("corrupt", 0)
    assert "checkpoint_interval 1000000000 is outside 1..600" in res.message


def test_more_ticks_than_the_level_allows_are_refused_before_simulating(small, tmp_path,
                                                                     monkeypatch):
    path, replay = small
    ticks = replay.ticks + [[] for _ in range(MAX_LEVEL_TICKS)]
    checks = ["00" * 32] * (len(ticks) // 60)
    res, steps = _verify(tmp_path, _forged(replay, ticks, checks), [path], monkeypatch)
    assert (res.kind, steps) == ("tampered", 0)
    assert "more than this level allows" in res.message


def test_a_forged_log_fails_at_the_first_checkpoint(small, tmp_path, monkeypatch):
    path, replay = small
    ticks = [[] for _ in range(60 * 60 * 60)]  # an hour of idle ticks, made-up hashes
    checks = ["ab" * 32] * (len(ticks) // 600)
    res, steps = _verify(tmp_path, _forged(replay, ticks, checks, checkpoint_interval=600),
                         [path], monkeypatch)
    assert res.kind == "desync"
    assert steps == 600  # refused at the first state hash, not after an hour


def test_an_unfinished_run_is_not_valid(small, tmp_path, monkeypatch):
    path, replay = small
    level = load_level(path)
    cut = record_run(path, level, replay.ticks[:120], "custom", "tester")
    assert cut.final["outcome"] == "playing"
    res, steps = _verify(tmp_path, to_bytes(cut), [path], monkeypatch)
    assert (res.kind, steps) == ("unfinished", 0)
    # claiming it was won does not help: the run is still undecided after its last tick
    forged = _forged(cut, final={**cut.final, "outcome": "won"})
    res, _ = _verify(tmp_path, forged, [path], monkeypatch)
    assert res.kind == "unfinished", res.line()


@pytest.mark.parametrize("category", ["Practice", "CAMPAIGN", "practice ", "speedrun"])
def test_category_strings_are_exact(small, tmp_path, monkeypatch, category):
    path, replay = small
    res, steps = _verify(tmp_path, _forged(replay, category=category, seed=2), [path],
                         monkeypatch)
    assert (res.kind, steps) == ("corrupt", 0)
    assert "is not one of campaign, story, practice, custom" in res.message


def test_the_official_seed_rule_holds_for_practice(small, tmp_path, monkeypatch):
    from game.speedrun.maphash import map_digest

    path, replay = small
    # practice is for shipped maps: take this one as shipped for the seed rule
    monkeypatch.setattr(verify_mod, "official_maps", lambda: {map_digest(path).sha256: "t"})
    res, _ = _verify(tmp_path, _forged(replay, category="practice", seed=2), [path],
                     monkeypatch)
    assert res.kind == "wrong_seed"


def test_level_limit_follows_the_clock():
    class Level:
        properties = {"time_limit_seconds": 90}

    assert verify_mod.level_tick_limit(Level()) == 91 * 60
    Level.properties = {}
    assert verify_mod.level_tick_limit(Level()) == MAX_LEVEL_TICKS


def test_a_fifo_or_device_as_a_replay_is_refused_not_opened(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.rpl")
    (tmp_path / "zero.rpl").symlink_to("/dev/zero")
    for name, what in (("pipe.rpl", "FIFO"), ("zero.rpl", "device")):
        res = verify_file(tmp_path / name)
        assert res.kind == "unreadable" and what in res.message, res.line()
