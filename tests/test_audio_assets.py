"""The committed sounds and music are the generator's output, and the set is complete."""

import importlib.util
import sys
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SOUND = ROOT / "game" / "assets" / "sound"
MUSIC = ROOT / "game" / "assets" / "music"


def _generator():
    sys.path.insert(0, str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location("gen_audio", ROOT / "tools" / "gen_audio.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _samples(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
        return np.frombuffer(w.readframes(w.getnframes()), "<i2")


def test_every_effect_and_song_is_committed():
    gen = _generator()
    for name in gen.effects.EFFECTS:
        assert (SOUND / f"{name}.wav").is_file(), name
    for name in gen.music.SONGS:
        assert (MUSIC / f"{name}.ogg").is_file(), name


def test_committed_effects_match_the_generator():
    gen = _generator()
    for name in ("menu_move", "zap", "pickup_alloy", "voice_kora_2", "hum_heavy"):
        made = np.frombuffer(gen.to_pcm(gen.effect(name)), "<i2")
        assert np.array_equal(made, _samples(SOUND / f"{name}.wav")), name


def test_loops_are_seamless_and_effects_are_not_silent():
    for path in SOUND.glob("*.wav"):
        x = _samples(path).astype(float)
        assert np.max(np.abs(x)) > 20000, path.name  # peak-normalised, clearly audible
        if path.stem.startswith("hum_") or path.stem.endswith("_loop"):
            steps = np.abs(np.diff(x))
            assert abs(x[0] - x[-1]) <= steps.max(), path.name  # no click
