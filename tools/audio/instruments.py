"""Instruments: each renders one note `(freq Hz, held seconds, velocity 0..1, rng)` into a
mono array (which may ring on past the held time). Drums ignore the frequency."""

from __future__ import annotations

import numpy as np

from .dsp import (
    SR,
    additive,
    adsr,
    bandpass,
    exp_decay,
    highpass,
    lowpass,
    noise,
    samples,
    saw_weights,
    square_weights,
    timeline,
    triangle_weights,
)


def pad(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    """Warm string pad: three detuned saws through a soft low-pass, slow attack."""
    release = 1.2
    n = samples(held + release)
    t = timeline(n)
    drift = 1 + 0.002 * np.sin(2 * np.pi * 0.3 * t)
    out = sum(additive(freq * d * drift, n, saw_weights, cutoff=freq * 3 + 900, slope=2,
                       phase0=float(rng.uniform(0, 6.28)))
              for d in (0.996, 1.0, 1.004))
    return out / 3 * adsr(n, 0.45, 0.5, 0.8, release, held) * vel


def pluck(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    """Marimba-like mallet: a few harmonics, the higher ones dying first."""
    n = samples(min(held, 0.6) + 0.9)
    t = timeline(n)
    out = np.zeros(n)
    for k, amp, life in ((1, 1.0, 0.55), (4, 0.35, 0.08), (10, 0.12, 0.02), (2, 0.2, 0.2)):
        if freq * k < 10000:
            out += amp * np.sin(2 * np.pi * freq * k * t) * np.exp(-t / life)
    return out * np.minimum(1, t / 0.002) * vel


def keys(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    """Electric-piano-ish: sine with a bell overtone and a soft tine, sustained while held."""
    release = 0.5
    n = samples(held + release)
    t = timeline(n)
    body = np.sin(2 * np.pi * freq * t) + 0.25 * np.sin(2 * np.pi * freq * 2 * t)
    tine = 0.3 * np.sin(2 * np.pi * freq * 7.02 * t) * np.exp(-t / 0.05) if freq < 1400 else 0
    return (body * exp_decay(n, 1.6) + tine) * adsr(n, 0.003, 0.2, 0.9, release, held) * vel


def flute(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    """Soft lead: triangle-ish tone, delayed vibrato, a breath of noise at the attack."""
    release = 0.18
    n = samples(held + release)
    t = timeline(n)
    vib = 1 + 0.006 * np.sin(2 * np.pi * 5.2 * t) * np.clip((t - 0.25) / 0.3, 0, 1)
    tone = additive(freq * vib, n, lambda k: abs(triangle_weights(k)) + (0.08 if k == 2 else 0),
                    cutoff=4000)
    breath = bandpass(noise(rng, n), freq * 2, 900) * 0.08 * np.exp(-t / 0.08)
    return (tone + breath) * adsr(n, 0.05, 0.1, 0.85, release, held) * vel


def brass(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    """Bright synth brass: saw with a filter that opens on the attack."""
    release = 0.15
    n = samples(held + release)
    t = timeline(n)
    cutoff = freq * (1.5 + 5 * np.exp(-t / 0.18)) + 500
    vib = 1 + 0.004 * np.sin(2 * np.pi * 5.5 * t) * np.clip((t - 0.3) / 0.3, 0, 1)
    tone = additive(freq * vib, n, saw_weights, cutoff=cutoff, slope=2.5)
    return tone * adsr(n, 0.03, 0.2, 0.75, release, held) * vel


def bass(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    """Round synth bass: sine plus a little square, a short pluck of brightness."""
    release = 0.08
    n = samples(held + release)
    t = timeline(n)
    tone = np.sin(2 * np.pi * freq * t) + 0.5 * additive(
        freq, n, square_weights, cutoff=freq * (2 + 6 * np.exp(-t / 0.06)), slope=3)
    return tone * adsr(n, 0.004, 0.15, 0.7, release, held) * vel


def strings_stab(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    """Short bowed stab (tense music): two detuned saws, fast attack, quick fall."""
    release = 0.12
    n = samples(held + release)
    out = sum(additive(freq * d, n, saw_weights, cutoff=freq * 4 + 600, slope=2)
              for d in (0.997, 1.003))
    return out / 2 * adsr(n, 0.012, 0.12, 0.5, release, held) * vel


def bell(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    """Glassy bell: inharmonic partials with long, unequal decays."""
    n = samples(2.2)
    t = timeline(n)
    out = np.zeros(n)
    for ratio, amp, life in ((1.0, 1.0, 1.2), (2.76, 0.4, 0.5), (5.4, 0.2, 0.2), (8.93, 0.1, 0.1)):
        if freq * ratio < 10000:
            out += amp * np.sin(2 * np.pi * freq * ratio * t) * np.exp(-t / life)
    return out * np.minimum(1, t / 0.001) * vel


# -- drums ------------------------------------------------------------------------------
def kick(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    n = samples(0.45)
    t = timeline(n)
    sweep = 48 + 110 * np.exp(-t / 0.035)
    body = np.sin(2 * np.pi * np.cumsum(sweep) / SR)
    click = lowpass(noise(rng, n), 3000) * np.exp(-t / 0.004) * 0.3
    return (body * np.exp(-t / 0.22) + click) * vel


def snare(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    n = samples(0.35)
    t = timeline(n)
    tone = np.sin(2 * np.pi * 185 * t) * np.exp(-t / 0.05)
    hiss = highpass(bandpass(noise(rng, n), 3800, 5000), 900) * np.exp(-t / 0.11)
    return (0.6 * tone + 0.5 * hiss) * vel


def rim(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    n = samples(0.12)
    t = timeline(n)
    knock = np.sin(2 * np.pi * 820 * t) * np.exp(-t / 0.012)
    tick = bandpass(noise(rng, n), 2500, 1500) * np.exp(-t / 0.008)
    return (knock + 0.6 * tick) * vel


def hat(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    n = samples(0.12 if held < 0.3 else 0.4)
    t = timeline(n)
    life = 0.025 if held < 0.3 else 0.12
    return highpass(noise(rng, n), 6500, order=3) * np.exp(-t / life) * vel * 0.7


def shaker(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    n = samples(0.14)
    t = timeline(n)
    env = np.minimum(1, t / 0.018) * np.exp(-t / 0.04)
    return bandpass(noise(rng, n), 7000, 5000) * env * vel * 0.6


def clap(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    n = samples(0.3)
    t = timeline(n)
    env = np.zeros(n)
    for start in (0.0, 0.011, 0.022):
        tt = t - start
        env += np.where(tt >= 0, np.exp(-np.maximum(tt, 0) / 0.006), 0)
    env += np.where(t >= 0.03, np.exp(-np.maximum(t - 0.03, 0) / 0.09), 0) * 0.7
    return bandpass(noise(rng, n), 1500, 1800) * env * vel * 0.6


def tom(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    n = samples(0.5)
    t = timeline(n)
    f = freq * (1 + 0.5 * np.exp(-t / 0.05))
    body = np.sin(2 * np.pi * np.cumsum(f) / SR) * np.exp(-t / 0.25)
    skin = bandpass(noise(rng, n), freq * 3, 600) * np.exp(-t / 0.03) * 0.3
    return (body + skin) * vel


def swell(freq: float, held: float, vel: float, rng: np.random.Generator) -> np.ndarray:
    """Reverse-cymbal swell: filtered noise rising over the held time, then cut."""
    n = samples(held)
    t = timeline(n)
    env = (t / max(held, 1e-3)) ** 3
    return highpass(noise(rng, n), 3000) * env * vel * 0.5
