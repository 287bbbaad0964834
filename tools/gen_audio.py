"""Generate every sound effect and music loop of Reclaim 2147 (numpy synthesis, fixed seeds).

Run from the repository root:

    python tools/gen_audio.py               # everything
    python tools/gen_audio.py --only zap    # some effects or songs by name
    python tools/gen_audio.py --list

Effects are written as mono 22050 Hz 16-bit WAV to game/assets/sound/; music as OGG
Vorbis to game/assets/music/ (encoded by `sox`, which must be on the PATH; the loops are
30-50 s, and WAV would make the repository ten times larger). The synthesis code is in
tools/audio/ (dsp, instruments, sequencer, effects, music).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import wave
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from audio import effects, music  # noqa: E402
from audio.dsp import SR, fades, limit, normalise  # noqa: E402

SOUND_DIR = ROOT / "game" / "assets" / "sound"
MUSIC_DIR = ROOT / "game" / "assets" / "music"
OGG_QUALITY = "3"  # vorbis -q 3: ~110 kbit/s at 44.1 kHz, far less at 22.05 kHz mono


def seed_of(name: str) -> int:
    return zlib.crc32(name.encode())


def to_pcm(x: np.ndarray) -> bytes:
    return (np.clip(x, -1, 1) * 32767).round().astype("<i2").tobytes()


def write_wav(path: Path, x: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes(to_pcm(x))


def trim_tail(x: np.ndarray, floor_db: float = -60.0) -> np.ndarray:
    """Drop the inaudible end of a ringing tail."""
    loud = np.flatnonzero(np.abs(x) > 10 ** (floor_db / 20) * np.max(np.abs(x)))
    return x[: (loud[-1] + 1) if loud.size else x.size]


def effect(name: str) -> np.ndarray:
    x = effects.EFFECTS[name](np.random.default_rng(seed_of(name)))
    x = x - np.mean(x) if name in effects.LOOPS else x
    if name in effects.LOOPS:  # one gain for the whole loop keeps it seamless
        return limit(normalise(x, 0.7), 0.9)
    return fades(normalise(trim_tail(x), 0.89), fade_out=0.01)


def write_ogg(path: Path, x: np.ndarray) -> None:
    sox = shutil.which("sox")
    if sox is None:
        raise SystemExit("tools/gen_audio.py: sox is needed to encode the music as OGG "
                         "(apt install sox libsox-fmt-all)")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "song.wav"
        write_wav(wav, x)
        subprocess.run([sox, "-R", str(wav), "-C", OGG_QUALITY, str(path)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", default=None, help="effect or song names")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    names = list(effects.EFFECTS) + list(music.SONGS)
    if args.list:
        print("\n".join(names))
        return 0
    wanted = args.only or names
    unknown = [n for n in wanted if n not in names]
    if unknown:
        parser.error(f"unknown: {', '.join(unknown)}")
    for name in wanted:
        if name in effects.EFFECTS:
            write_wav(SOUND_DIR / f"{name}.wav", effect(name))
        else:
            write_ogg(MUSIC_DIR / f"{name}.ogg", music.render(name, seed_of(name)))
        print(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
