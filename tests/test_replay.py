"""Replay files: record → save → load → verify for every campaign level, and every way a
file can be wrong (truncated, garbage, edited, wrong map/version) is caught with a
clear reason, never a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from runkit import AMOUNTS, LEVEL_A

from game.dev.bot import play_to_win
from game.level import load_level
from game.sim import Simulation
from game.sim.commands import Move
from game.speedrun.campaign import campaign_levels, level_id
from game.speedrun.record import record_run
from game.speedrun.replay import (
    EXTENSION,
    MAGIC,
    Replay,
    decode_commands,
    from_bytes,
    to_bytes,
)
from game.speedrun.verify import check_replay, verify_file

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "replays"
RERECORD = "if the change was intended, run: python tools/record_replays.py"


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, bytes]:
    """A small map and a valid replay of it (practice, official seed)."""
    from mapkit import write_map

    path = write_map(tmp_path_factory.mktemp("small"), LEVEL_A, AMOUNTS, objective_amount=5)
    level = load_level(path)
    log = play_to_win(Simulation(level), nodes_wanted=1)
    return path, to_bytes(record_run(path, level, log, "custom", "tester"))


def verify_bytes(tmp_path: Path, data: bytes, maps: list[Path], name: str = "r.rpl"):
    target = tmp_path / name
    target.write_bytes(data)
    return verify_file(target, maps)


def sections(data: bytes) -> dict[str, tuple[int, int]]:
    """Byte ranges (start, end) of the header, commands and checkpoints sections."""
    pos, out = len(MAGIC) + 2, {}
    for name in ("header", "commands", "checkpoints"):
        n = int.from_bytes(data[pos:pos + 4], "big")
        out[name] = (pos + 4, pos + 4 + n)
        pos += 4 + n
    return out


# -- campaign levels ----------------------------------------------------------------
@pytest.mark.parametrize("path", campaign_levels(), ids=lambda p: p.stem)
def test_every_campaign_level_has_a_verifying_golden_replay(path):
    golden = GOLDEN / f"{level_id(path)}{EXTENSION}"
    assert golden.exists(), f"no golden replay for {path.name}; {RERECORD}"
    result = verify_file(golden)
    assert result.valid, f"{result.line()}\n{RERECORD}"
    # speed (≥ 50× real time) is a benchmark figure: benchmarks/verify_speed.py


@pytest.mark.parametrize("path", campaign_levels(), ids=lambda p: p.stem)
def test_record_save_load_verify_round_trip(path, tmp_path):
    level = load_level(path)
    sim = Simulation(level)
    log = play_to_win(sim)
    replay = record_run(path, level, log, "practice", "tester")
    data = to_bytes(replay)
    again = from_bytes(data)
    assert again.ticks == log and again.checkpoints == replay.checkpoints
    assert again.header["final"]["igt_ticks"] == sim.igt_ticks
    assert again.header["final"]["state_sha256"] == sim.state_hash()
    assert check_replay(again, level) == (sim.outcome, sim.igt_ticks, sim.tick)
    for key in ("format", "game_version", "map", "seed", "tick_rate", "category", "player",
                "date"):
        assert key in again.header
    assert [name for name, _ in again.header["map"]["files"]][1:], "tilesets are hashed"
    result = verify_bytes(tmp_path, data, [])
    assert result.valid and result.igt_ticks == sim.igt_ticks


# -- tampering ----------------------------------------------------------------------
def test_flipping_any_byte_of_the_command_data_fails(small, tmp_path):
    path, data = small
    start, end = sections(data)["commands"]
    assert end - start > 50
    for i in range(start, end):
        bad = bytearray(data)
        bad[i] ^= 0x01 if i % 2 else 0x80
        result = verify_bytes(tmp_path, bytes(bad), [path])
        assert not result.valid, f"byte {i} flipped and still valid"
        assert result.kind in ("tampered", "corrupt", "truncated"), result.line()


def test_edited_commands_with_every_checksum_fixed_still_fail(small, tmp_path):
    """A cheater who edits the log and recomputes all hashes is caught by re-simulation."""
    path, data = small
    replay = from_bytes(data)
    rng = random.Random(2147)
    for tick in sorted(rng.sample(range(len(replay.ticks) - 1), 12)):
        ticks = [list(t) for t in replay.ticks]
        ticks[tick] = [Move(1, 1)] if ticks[tick] != [Move(1, 1)] else [Move(-1, -1)]
        forged = Replay(dict(replay.header), ticks, list(replay.checkpoints))
        result = verify_bytes(tmp_path, to_bytes(forged), [path])
        assert not result.valid, f"edit at tick {tick + 1} not caught"
        assert result.kind in ("desync", "tampered")


def test_desync_is_reported_at_the_first_checkpoint_after_the_edit(small, tmp_path):
    path, data = small
    replay = from_bytes(data)
    ticks = [list(t) for t in replay.ticks]
    ticks[129] = [Move(-1, 1)]  # tick 130, so the first checkpoint after it is tick 180
    forged = Replay(dict(replay.header), ticks, list(replay.checkpoints))
    result = verify_bytes(tmp_path, to_bytes(forged), [path])
    assert result.kind == "desync"
    assert "desync at tick 180" in result.message and "tick 120" in result.message


def test_edited_final_time_in_the_header_fails(small, tmp_path):
    path, data = small
    replay = from_bytes(data)
    header = json.loads(json.dumps(replay.header))
    header["final"]["igt_ticks"] -= 60
    result = verify_bytes(tmp_path, to_bytes(Replay(header, replay.ticks,
                                                    replay.checkpoints)), [path])
    assert result.kind == "tampered" and "IGT" in result.message


def test_extra_ticks_after_the_win_fail(small, tmp_path):
    path, data = small
    replay = from_bytes(data)
    forged = Replay(dict(replay.header), replay.ticks + [[]] * 5, replay.checkpoints)
    result = verify_bytes(tmp_path, to_bytes(forged), [path])
    assert not result.valid


@pytest.mark.parametrize("cut", [0, 3, 8, 9, 12, 40, -40, -33, -1])
def test_truncated_files_say_so(small, tmp_path, cut):
    path, data = small
    result = verify_bytes(tmp_path, data[:cut], [path])
    assert result.kind == "truncated", result.line()
    assert "cut short" in result.hint


def test_garbage_and_other_files_are_not_replays(small, tmp_path):
    path, _ = small
    for junk in (b"\x00\xffnot a replay", path.read_bytes(), os.urandom(4096)):
        result = verify_bytes(tmp_path, junk, [path])
        assert result.kind == "not_a_replay" and ".rpl" in result.hint


def assemble(data: bytes, raw_commands: bytes, ticks: int | None = None) -> bytes:
    """`data` with its command log replaced by `raw_commands` and every checksum fixed:
    what a cheater with a hex editor and a SHA-256 tool can make."""
    span = sections(data)
    head = json.loads(data[span["header"][0]:span["header"][1]])
    head["commands"] = {"ticks": head["commands"]["ticks"] if ticks is None else ticks,
                        "bytes": len(raw_commands), "encoding": "json-rle+zlib",
                        "sha256": hashlib.sha256(raw_commands).hexdigest()}
    checks = data[span["checkpoints"][0]:span["checkpoints"][1]]
    out = bytearray(MAGIC + struct.pack(">H", 1))
    for section in (json.dumps(head).encode(), zlib.compress(raw_commands), checks):
        out += struct.pack(">I", len(section)) + section
    out += hashlib.sha256(out).digest()
    return bytes(out)


def test_bomb_sized_run_counts_are_refused(small, tmp_path):
    path, data = small
    forged = assemble(data, json.dumps([[10**12, []]]).encode(), ticks=10**12)
    result = verify_bytes(tmp_path, forged, [path])
    assert result.kind == "tampered" and "day" in result.message


def test_fuzzed_command_logs_with_fixed_checksums_never_crash_the_verifier(small, tmp_path):
    path, data = small
    raw = bytearray(zlib.decompress(data[slice(*sections(data)["commands"])]))
    rng = random.Random(6)
    alphabet = b'[]{},:"-0123456789mibpzx '
    for _ in range(150):
        bad = bytearray(raw)
        for _ in range(rng.randint(1, 3)):
            bad[rng.randrange(len(bad))] = rng.choice(alphabet)
        if bad == raw:
            continue
        result = verify_bytes(tmp_path, assemble(data, bytes(bad)), [path])
        if result.valid:  # only if the edit did not change a single command
            assert decode_commands(bytes(bad)) == decode_commands(bytes(raw))
        assert result.kind in ("tampered", "desync", "valid"), result.line()


def test_wrong_map_and_wrong_version(small, tmp_path):
    from mapkit import write_map

    path, data = small
    other = write_map(tmp_path / "other", LEVEL_A, AMOUNTS, objective_amount=6)
    result = verify_bytes(tmp_path, data, [other])
    assert result.kind == "wrong_map" and "test.tmx" in result.message
    replay = from_bytes(data)
    header = dict(replay.header, game_version="0.0.1")
    result = verify_bytes(tmp_path, to_bytes(Replay(header, replay.ticks, replay.checkpoints)),
                          [path])
    assert result.kind == "wrong_version" and "0.0.1" in result.message


# -- the command line, in fresh processes -------------------------------------------
def run_cli(*args: str, hash_seed: str = "0") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed, PYTHONPATH=str(ROOT),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, "-m", "game", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("hash_seed", ["0", "4242", "random"])
def test_golden_replays_verify_in_fresh_processes(hash_seed):
    files = sorted(str(p) for p in GOLDEN.glob(f"*{EXTENSION}"))
    out = run_cli("verify", *files, hash_seed=hash_seed)
    assert out.returncode == 0, f"{out.stdout}{out.stderr}\n{RERECORD}"
    for line, name in zip(out.stdout.splitlines(), files, strict=True):
        assert re.fullmatch(re.escape(name) + r": valid outcome=\w+ igt=\d+:\d\d\.\d{3} "
                            r"ticks=\d+ category=practice map=official", line), line


def test_cli_exit_codes_and_json(small, tmp_path):
    path, data = small
    good, bad = tmp_path / "good.rpl", tmp_path / "bad.rpl"
    good.write_bytes(data)
    bad.write_bytes(data[:-10])
    out = run_cli("verify", str(good), "--map", str(path), "--json")
    assert out.returncode == 0
    report = json.loads(out.stdout)
    assert report[0]["valid"] and report[0]["speed_x_realtime"] > 0
    out = run_cli("verify", str(good), str(bad), "--map", str(path))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert f"{bad}: not valid: truncated" in out.stdout
    out = run_cli("verify", str(tmp_path / "missing.rpl"))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    out = run_cli("verify", str(tmp_path))
    assert out.returncode == 2 and "folder" in out.stdout
