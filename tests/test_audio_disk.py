"""Proof a player hears the game: real runs of `python -m game` with SDL's disk audio
driver, which writes what the mixer outputs to a file (raw 16-bit stereo, 22050 Hz).

- The title screen: the recording carries the title music (not silent, music-like level).
- Level 1 with scripted keys (walk down the plaza, through the hedge, onto a pile),
  music turned down to 0 so only effects sound: the pickup adds sound in the recording
  where the sound log puts it, and the same walk that stops short of the pile stays quiet
  there.

Each run paces itself at 60 ticks a second (`--realtime`) so the recording and the game
share one clock; the disk driver drifts a little behind real time, so event times are
scaled by the recording's length over the time the device was open.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
LEVEL1 = ROOT / "game" / "maps" / "campaign" / "01_scavengers_dawn.tmx"
RATE = 22050

WALK = """\
10 down down        # down the plaza to the hedge (headless play skips dialogue)
100 down left
100 up down
112 up left         # before the gap in the hedge
112 down down
137 up down
137 down left       # onto the organic pile: picked up at tick ~140
152 up left
"""
SHORT = "\n".join(WALK.splitlines()[:5]) + "\n120 up down\n"  # stops in the gap


def record(tmp: Path, name: str, args: list[str], ticks: int, script: str | None = None,
           settings: dict | None = None) -> tuple[np.ndarray, list[tuple[float, str]]]:
    """Run the game; returns the recording (mono float, -1..1) and the sound log with
    times already mapped onto the recording's clock."""
    data = tmp / f"data_{name}"
    data.mkdir()
    if settings:
        (data / "settings.json").write_text(json.dumps({"format": 1, **settings}))
    raw, log = tmp / f"{name}.raw", tmp / f"{name}.log"
    cmd = [sys.executable, "-m", "game", "--data-dir", str(data), *args, "--headless",
           "--ticks", str(ticks), "--sound", "--realtime", "--sound-log", str(log)]
    if script is not None:
        (tmp / f"{name}.txt").write_text(script)
        cmd += ["--script", str(tmp / f"{name}.txt")]
    env = {**os.environ, "SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(raw),
           "SDL_VIDEODRIVER": "dummy"}
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    pcm = np.frombuffer(raw.read_bytes(), "<i2").astype(np.float64) / 32768
    mono = pcm.reshape(-1, 2).mean(axis=1)
    entries = [(float(t), what) for t, what in
               (line.split() for line in log.read_text().splitlines())]
    open_seconds = entries[-1][0]  # the "end" line: when the loop finished
    scale = min(1.0, mono.size / RATE / open_seconds)
    return mono, [(t * scale, what) for t, what in entries]


def rms(x: np.ndarray, t0: float, t1: float) -> float:
    part = x[max(0, int(t0 * RATE)): max(0, int(t1 * RATE))]
    return float(np.sqrt(np.mean(part * part))) if part.size else 0.0


def test_the_title_plays_music(tmp_path):
    title, log = record(tmp_path, "title", [], 240)
    assert title.size / RATE > 3.0
    level = rms(title, 1.5, title.size / RATE)  # after the fade-in
    assert level > 0.01, level  # about -30 dBFS: the music at its default volume
    spectrum = np.abs(np.fft.rfft(title[int(1.5 * RATE):]))
    freqs = np.fft.rfftfreq(title.size - int(1.5 * RATE), 1 / RATE)
    tonal = spectrum[(freqs > 60) & (freqs < 2000)].sum() / spectrum.sum()
    assert tonal > 0.5, tonal  # pitched notes, not noise


def test_a_pickup_on_level_1_is_heard_when_it_happens(tmp_path):
    quiet = {"music_volume": 0}
    walk, log = record(tmp_path, "walk", ["play", str(LEVEL1)], 200, WALK, quiet)
    short, short_log = record(tmp_path, "short", ["play", str(LEVEL1)], 200, SHORT, quiet)
    pickups = [t for t, what in log if what == "pickup_organic"]
    assert len(pickups) == 1, log
    assert not any(what.startswith("pickup") for _, what in short_log)
    at = pickups[0]
    # before the pickup: silence (music is at 0, nothing else happened)
    assert rms(walk, 0.2, at - 0.25) < 1e-3
    # the pickup itself: loud, in a window around where the log puts it
    heard = rms(walk, at - 0.2, at + 0.35)
    assert heard > 0.02, heard
    # the walk that never reaches the pile is silent at the same moment
    assert rms(short, at - 0.2, at + 0.35) < heard / 20
    # and the sound starts where the log says (onset within 0.2 s of the logged time)
    envelope = np.array([rms(walk, t, t + 0.01) for t in np.arange(at - 0.4, at + 0.4, 0.01)])
    onset = at - 0.4 + 0.01 * int(np.argmax(envelope > 0.01))
    assert abs(onset - at) < 0.2, (onset, at)
