"""Signal building blocks (numpy only): oscillators, envelopes, filters, reverb.

Everything is mono float64 at `SR`. Filters work in the frequency domain (one FFT per
call), so no per-sample Python loop is ever needed; the only randomness is a seeded
generator passed in by the caller, so every run writes the same samples.
"""

from __future__ import annotations

import numpy as np

SR = 22050
NYQUIST = SR / 2


def samples(seconds: float) -> int:
    return max(1, int(round(seconds * SR)))


def timeline(n: int) -> np.ndarray:
    return np.arange(n) / SR


def midi_hz(note: float) -> float:
    return 440.0 * 2.0 ** ((note - 69) / 12)


def phase_of(freq: np.ndarray | float, n: int) -> np.ndarray:
    """Running phase (radians) of a frequency that may change over time (sweeps, vibrato)."""
    f = np.broadcast_to(np.asarray(freq, dtype=float), (n,))
    return 2 * np.pi * np.cumsum(f) / SR


def additive(freq: np.ndarray | float, n: int, weights, cutoff: np.ndarray | float = 20000.0,
             slope: float = 2.0, phase0: float = 0.0) -> np.ndarray:
    """Band-limited harmonic tone: harmonic k has weight `weights(k)` times a low-pass
    response `1 / (1 + (k f / cutoff)^slope)`. A time-varying `cutoff` is a filter
    envelope; harmonics above the Nyquist frequency are never made (no aliasing)."""
    f = np.broadcast_to(np.asarray(freq, dtype=float), (n,))
    ph = phase_of(f, n) + phase0
    cut = np.broadcast_to(np.asarray(cutoff, dtype=float), (n,))
    top = int(NYQUIST * 0.95 / max(1.0, float(f.max())))
    # harmonics the filter takes below -54 dB are not worth computing
    top = min(top, int(float(cut.max()) * 500 ** (1 / slope) / max(1.0, float(f.min()))) + 1)
    out = np.zeros(n)
    for k in range(1, max(1, top) + 1):
        w = weights(k)
        if w == 0:
            continue
        out += w * np.sin(k * ph) / (1 + (k * f / cut) ** slope)
    return out


def saw_weights(k: int) -> float:
    return 1.0 / k


def square_weights(k: int) -> float:
    return 1.0 / k if k % 2 else 0.0


def triangle_weights(k: int) -> float:
    return (1.0 / (k * k)) * (1 if (k // 2) % 2 == 0 else -1) if k % 2 else 0.0


def adsr(n: int, attack: float, decay: float, sustain: float, release: float,
         held: float | None = None) -> np.ndarray:
    """Attack/decay/sustain/release envelope over n samples; the release starts after
    `held` seconds (default: so it ends at the last sample)."""
    t = timeline(n)
    total = n / SR
    held = total - release if held is None else held
    env = np.where(t < attack, t / max(attack, 1e-6), 1.0)
    after = np.clip((t - attack) / max(decay, 1e-6), 0, 1)
    env = np.where(t >= attack, 1.0 - (1.0 - sustain) * after, env)
    level_at_release = np.interp(held, t, env) if held < total else sustain
    rel = np.clip((t - held) / max(release, 1e-6), 0, 1)
    return np.where(t >= held, level_at_release * (1 - rel), env)


def exp_decay(n: int, seconds: float, attack: float = 0.002) -> np.ndarray:
    t = timeline(n)
    return np.minimum(1.0, t / attack) * np.exp(-t / seconds)


def noise(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.standard_normal(n)


def spectral(x: np.ndarray, response) -> np.ndarray:
    """Filter by multiplying the spectrum with `response(freqs_hz)` (zero phase)."""
    n = x.size
    size = 1 << int(np.ceil(np.log2(max(2, n))))
    spec = np.fft.rfft(x, size)
    freqs = np.fft.rfftfreq(size, 1 / SR)
    return np.fft.irfft(spec * response(freqs), size)[:n]


def lowpass(x: np.ndarray, cutoff: float, order: int = 2) -> np.ndarray:
    return spectral(x, lambda f: 1 / np.sqrt(1 + (f / cutoff) ** (2 * order)))


def highpass(x: np.ndarray, cutoff: float, order: int = 2) -> np.ndarray:
    return spectral(x, lambda f: 1 / np.sqrt(1 + (cutoff / np.maximum(f, 1e-3)) ** (2 * order)))


def bandpass(x: np.ndarray, centre: float, width: float) -> np.ndarray:
    return spectral(x, lambda f: 1 / (1 + ((f - centre) / (width / 2)) ** 2))


def formants(x: np.ndarray, peaks: list[tuple[float, float, float]]) -> np.ndarray:
    """Sum of resonances (centre Hz, bandwidth Hz, gain): a vowel from a buzz."""
    return spectral(x, lambda f: sum(g / (1 + ((f - c) / (b / 2)) ** 2) for c, b, g in peaks))


def reverb(x: np.ndarray, seconds: float, mix: float, rng: np.random.Generator,
           damp: float = 3500.0, predelay: float = 0.012) -> np.ndarray:
    """A small room: convolution with decaying, darkened noise (FFT), wet mixed in."""
    n_ir = samples(seconds)
    t = timeline(n_ir)
    ir = noise(rng, n_ir) * np.exp(-t * 6.9 / seconds)
    ir = lowpass(ir, damp, order=1)
    ir[: samples(predelay)] = 0
    ir /= np.sqrt(np.sum(ir * ir)) + 1e-9
    size = 1 << int(np.ceil(np.log2(x.size + n_ir)))
    wet = np.fft.irfft(np.fft.rfft(x, size) * np.fft.rfft(ir, size), size)[: x.size + n_ir]
    out = np.zeros(x.size + n_ir)
    out[: x.size] = x * (1 - mix)
    return out + wet * mix


def place(dest: np.ndarray, sound: np.ndarray, at: int, gain: float = 1.0) -> None:
    """Add `sound` into `dest` from sample `at`, clipped to dest's length."""
    if at >= dest.size:
        return
    end = min(dest.size, at + sound.size)
    dest[at:end] += gain * sound[: end - at]


def fold_loop(x: np.ndarray, length: int) -> np.ndarray:
    """A seamless loop of `length` samples: whatever rings past the end (reverb, release)
    is added back onto the start, as it would be on the next time round."""
    out = x[:length].copy()
    tail = x[length:]
    while tail.size:
        part = tail[:length]
        out[: part.size] += part
        tail = tail[length:]
    return out


def fades(x: np.ndarray, fade_in: float = 0.0, fade_out: float = 0.004) -> np.ndarray:
    out = x.copy()
    a, b = samples(fade_in) if fade_in else 0, samples(fade_out)
    if a:
        out[:a] *= np.linspace(0, 1, a)
    if b:
        out[-b:] *= np.linspace(1, 0, b)
    return out


def normalise(x: np.ndarray, peak: float = 0.89) -> np.ndarray:
    top = float(np.max(np.abs(x))) or 1.0
    return x * (peak / top)


def soft_clip(x: np.ndarray, drive: float = 1.0) -> np.ndarray:
    return np.tanh(x * drive) / np.tanh(drive)


def limit(x: np.ndarray, ceiling: float = 0.95) -> np.ndarray:
    """Soft limiter: untouched below 60 % of the ceiling, peaks rounded off above it."""
    knee = 0.6 * ceiling
    a = np.abs(x)
    over = a > knee
    a = a.copy()
    a[over] = knee + (ceiling - knee) * np.tanh((a[over] - knee) / (ceiling - knee))
    return np.sign(x) * a


def loudness_match(x: np.ndarray, rms_db: float, ceiling: float = 0.95) -> np.ndarray:
    """Scale to an RMS level (dBFS), then limit so nothing clips."""
    rms = float(np.sqrt(np.mean(x * x))) or 1.0
    return limit(x * (10 ** (rms_db / 20) / rms), ceiling)
