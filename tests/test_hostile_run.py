"""The whole hostile corpus, as a player would meet it: `check` and `play --headless` on
every case (the committed tests/hostile/*.tmx and the SCENES built here with FIFOs,
devices, PNG bombs, 15 MB texts, the largest legal map …), each in its own process under
a 1 GB address-space cap. Each must exit with one of its documented codes, print no
traceback and finish in bounded time (a hang or a MemoryError fails the case)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hostile.build import HERE, SCENES

ROOT = Path(__file__).resolve().parent.parent
MEMORY_CAP = 1024 * 1024 * 1024
TIMEOUT = 180  # seconds per command, generous for a loaded machine; a hang is for ever
CHECK_CODES = {0, 1, 2}  # ok, errors found, unreadable
PLAY_CODES = {0, 2}  # played, refused with a message


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _run(args: list[str], data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "RECLAIM_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=TIMEOUT,
                          preexec_fn=_cap, errors="replace")


def _both(path: Path, data_dir: Path) -> None:
    check = _run(["check", str(path)], data_dir)
    assert check.returncode in CHECK_CODES, check.stderr[-2000:]
    assert "Traceback" not in check.stdout + check.stderr, check.stderr[-2000:]
    assert "internal error" not in check.stdout, check.stdout[-2000:]
    play = _run(["play", str(path), "--headless", "--ticks", "30"], data_dir)
    assert play.returncode in PLAY_CODES, play.stderr[-2000:]
    assert "Traceback" not in play.stdout + play.stderr, play.stderr[-2000:]
    if play.returncode == 0:
        assert "ticks=30" in play.stdout
    else:
        assert ": error: " in play.stderr  # refused with its message
    return check, play


@pytest.mark.parametrize("name", sorted(p.stem for p in HERE.glob("*.tmx")))
def test_committed_corpus_file_checks_and_plays_cleanly(name, tmp_path):
    check, _ = _both(HERE / f"{name}.tmx", tmp_path / "data")
    assert check.returncode != 0  # every committed case is refused


@pytest.mark.parametrize("name", sorted(SCENES))
def test_built_corpus_case_checks_and_plays_cleanly(name, tmp_path):
    build, _, message = SCENES[name]
    folder = tmp_path / "map"
    folder.mkdir()
    check, play = _both(build(folder), tmp_path / "data")
    if message:
        assert check.returncode == 1 and message in check.stdout
    else:
        assert check.returncode == 0, check.stdout[-2000:]
