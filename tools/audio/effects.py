"""Sound effects: one function per effect, each returning a mono array (not yet
normalised). Loops (`LOOPS`) are built from whole cycles so they repeat without a click."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import instruments as ins
from .dsp import (
    SR,
    additive,
    bandpass,
    exp_decay,
    fold_loop,
    formants,
    highpass,
    lowpass,
    midi_hz,
    noise,
    place,
    reverb,
    samples,
    saw_weights,
    square_weights,
    timeline,
)
from .sequencer import note_number

Rng = np.random.Generator


def _seq(parts: list[tuple[float, np.ndarray]], length: float) -> np.ndarray:
    out = np.zeros(samples(length))
    for at, sound in parts:
        place(out, sound, samples(at) if at else 0)
    return out


def _blip(freq0: float, freq1: float, seconds: float, shape=square_weights,
          cutoff: float = 3000.0, life: float | None = None) -> np.ndarray:
    n = samples(seconds)
    t = timeline(n)
    f = freq0 * (freq1 / freq0) ** (t / seconds)
    return additive(f, n, shape, cutoff=cutoff) * exp_decay(n, life or seconds / 3)


def _n(name: str) -> float:
    return midi_hz(note_number(name))


# -- gathering and building ------------------------------------------------------------------
def pickup_organic(rng: Rng) -> np.ndarray:
    """A soft wet plop that rises: something soft picked off the ground."""
    plop = _blip(180, 520, 0.09, shape=lambda k: 1.0 if k == 1 else 0.15 / k, cutoff=1200)
    squish = lowpass(noise(rng, samples(0.06)), 900) * exp_decay(samples(0.06), 0.02) * 0.4
    second = _blip(330, 660, 0.08, shape=lambda k: 1.0 if k == 1 else 0.1 / k, cutoff=1500)
    return _seq([(0, plop + np.pad(squish, (0, plop.size - squish.size))), (0.07, second)],
                0.2)


def pickup_polymer(rng: Rng) -> np.ndarray:
    """A hollow plastic tok-tok."""
    tok = _blip(900, 700, 0.06, cutoff=2500, life=0.015)
    knock = bandpass(noise(rng, samples(0.04)), 1800, 900) * exp_decay(samples(0.04), 0.008)
    one = tok + np.pad(knock, (0, tok.size - knock.size)) * 0.6
    return _seq([(0, one), (0.065, one * 0.8 * 1.0)], 0.16) + \
        _seq([(0.065, _blip(1200, 1000, 0.05, cutoff=3000, life=0.012))], 0.16) * 0.5


def pickup_alloy(rng: Rng) -> np.ndarray:
    """Two metal clinks, the second higher."""
    return _seq([(0, ins.bell(1318, 0.1, 1.0, rng)[: samples(0.35)] * exp_decay(
        samples(0.35), 0.08)), (0.06, ins.bell(1760, 0.1, 0.8, rng)[: samples(0.35)]
                               * exp_decay(samples(0.35), 0.08))], 0.42)


def deposit(rng: Rng) -> np.ndarray:
    """Waste pours into the node and it gurgles."""
    n = samples(0.45)
    t = timeline(n)
    pour = bandpass(noise(rng, n), 900, 1400) * np.exp(-t / 0.12) * 0.5
    parts = [(0, pour)]
    for i, f in enumerate((260, 330, 220, 300)):
        parts.append((0.08 + i * 0.07, _blip(f, f * 1.8, 0.06,
                                            shape=lambda k: 1.0 if k == 1 else 0, cutoff=2000)))
    return _seq(parts, 0.5)


def node_built(rng: Rng) -> np.ndarray:
    """A thump, then the node comes alive: a rising arpeggio and a shimmer."""
    parts = [(0, ins.kick(0, 0, 0.8, rng)), (0, ins.tom(110, 0, 0.5, rng))]
    for i, name in enumerate(("C5", "E5", "G5", "C6")):
        parts.append((0.08 + i * 0.07, ins.pluck(_n(name), 0.2, 0.6, rng)))
    parts.append((0.36, ins.bell(_n("G6"), 0.1, 0.25, rng)))
    return reverb(_seq(parts, 1.3), 0.8, 0.25, rng)


def harvest(rng: Rng) -> np.ndarray:
    """A node yields: a soft bell on a fifth."""
    return _seq([(0, ins.bell(_n("A5"), 0.1, 0.5, rng)),
                 (0.05, ins.bell(_n("E6"), 0.1, 0.3, rng))], 0.9)


def refused(rng: Rng) -> np.ndarray:
    """'Cannot do that': a dull two-note bonk, falling."""
    return _seq([(0, _blip(165, 160, 0.11, cutoff=700, life=0.05)),
                 (0.1, _blip(131, 125, 0.14, cutoff=600, life=0.06))], 0.28)


# -- murals and support ------------------------------------------------------------------------
def paint_loop(rng: Rng) -> np.ndarray:
    """A spray can held down: hiss with a rattle of the nozzle (one second, seamless)."""
    n = SR
    t = timeline(n)
    hiss = bandpass(noise(rng, n + SR), 5200, 4000)
    hiss = fold_loop(hiss, n)  # noise filtered over more than the loop, folded: no seam
    wobble = 0.8 + 0.2 * np.sin(2 * np.pi * 6 * t)
    return hiss * wobble


def stage_complete(rng: Rng) -> np.ndarray:
    """A mural stage is done: a bright rising chord of bells and a shimmer."""
    parts = []
    for i, name in enumerate(("C5", "E5", "G5", "B5", "E6")):
        parts.append((i * 0.06, ins.bell(_n(name), 0.1, 0.5, rng)))
    n = samples(1.0)
    shimmer = highpass(noise(rng, n), 6000) * exp_decay(n, 0.3, attack=0.2) * 0.2
    parts.append((0.1, shimmer))
    return reverb(_seq(parts, 1.8), 1.2, 0.3, rng)


def support_gained(rng: Rng) -> np.ndarray:
    return _seq([(0, ins.keys(_n("G5"), 0.12, 0.6, rng)),
                 (0.1, ins.keys(_n("C6"), 0.25, 0.7, rng))], 0.8)


def support_lost(rng: Rng) -> np.ndarray:
    return _seq([(0, ins.keys(_n("E4"), 0.15, 0.7, rng)),
                 (0.14, ins.keys(_n("Eb4"), 0.35, 0.6, rng))], 0.9)


def smear_warning(rng: Rng) -> np.ndarray:
    """Two falling siren pulses: Talin's crews are coming."""
    parts = []
    for i in range(2):
        n = samples(0.32)
        t = timeline(n)
        f = 700 * (0.75 ** (t / 0.32))
        tone = additive(f, n, saw_weights, cutoff=2200) * np.minimum(1, t / 0.01) * \
            np.minimum(1, (0.32 - t) / 0.05)
        parts.append((i * 0.38, tone * 0.6))
    return _seq(parts, 0.8)


def rally(rng: Rng) -> np.ndarray:
    """Dax's Rally: a brass call over claps."""
    parts = [(at, ins.brass(_n(name), held, vel, rng)) for at, name, held, vel in (
        (0, "G4", 0.14, 0.8), (0.16, "C5", 0.14, 0.8), (0.32, "E5", 0.45, 0.9),
        (0.32, "C5", 0.45, 0.6))]
    for at in (0.0, 0.16, 0.32):
        parts.append((at, ins.clap(0, 0, 0.6, rng)))
    return reverb(_seq(parts, 1.1), 0.9, 0.25, rng)


# -- the confrontation -------------------------------------------------------------------------
def _hum(base: int, partials: list[tuple[int, float]], am: tuple[int, float],
         grit: float, rng: Rng) -> np.ndarray:
    """One second of drone: whole-hertz partials and modulation, so it loops cleanly."""
    t = timeline(SR)
    tone = sum(a * np.sin(2 * np.pi * base * k * t) for k, a in partials)
    rate, depth = am
    tone = tone * (1 - depth + depth * np.sin(2 * np.pi * rate * t))
    if grit:
        tone = tone + grit * fold_loop(bandpass(noise(rng, 2 * SR), base * 6, base * 4), SR)
    return tone


def hum_scout(rng: Rng) -> np.ndarray:
    return _hum(230, [(1, 1.0), (2, 0.5), (3, 0.35), (5, 0.15)], (31, 0.35), 0.05, rng)


def hum_sprayer(rng: Rng) -> np.ndarray:
    return _hum(150, [(1, 1.0), (2, 0.3), (3, 0.4), (4, 0.1)], (9, 0.25), 0.25, rng)


def hum_heavy(rng: Rng) -> np.ndarray:
    return _hum(62, [(1, 1.0), (2, 0.7), (3, 0.4), (4, 0.25), (6, 0.1)], (3, 0.3), 0.08, rng)


def hum_jammer(rng: Rng) -> np.ndarray:
    t = timeline(SR)
    wobble = 310 + 40 * np.sin(2 * np.pi * 7 * t)
    tone = additive(wobble, SR, square_weights, cutoff=1500)
    crackle = fold_loop(highpass(noise(rng, 2 * SR), 2500), SR) * \
        (np.sin(2 * np.pi * 13 * t) > 0.6) * 0.3
    return tone + crackle


def zap(rng: Rng) -> np.ndarray:
    n = samples(0.16)
    t = timeline(n)
    f = 2200 * (0.12 ** (t / 0.16))
    arc = additive(f, n, saw_weights, cutoff=5000) * np.exp(-t / 0.06)
    crack = highpass(noise(rng, n), 3000) * np.exp(-t / 0.02) * 0.5
    return arc + crack


def drone_down(rng: Rng) -> np.ndarray:
    n = samples(0.2)
    t = timeline(n)
    pop = _blip(600, 120, 0.2, cutoff=1800, life=0.05)
    crunch = bandpass(noise(rng, n), 1500, 2000) * np.exp(-t / 0.03) * 0.6
    return pop + crunch


def barrier_hit(rng: Rng) -> np.ndarray:
    n = samples(0.3)
    t = timeline(n)
    thud = ins.tom(90, 0, 1.0, rng)[:n]
    clank = sum(a * np.sin(2 * np.pi * f * t) for f, a in ((523, 0.4), (1377, 0.25), (2210, 0.15)))
    return thud + clank * np.exp(-t / 0.05) + bandpass(noise(rng, n), 2500, 2000) * \
        np.exp(-t / 0.015) * 0.5


def mural_hit(rng: Rng) -> np.ndarray:
    """Paint spattered over a mural: a wet splat and a crack of plaster."""
    n = samples(0.3)
    t = timeline(n)
    splat = lowpass(noise(rng, n), 1200) * np.exp(-t / 0.06) * np.minimum(1, t / 0.004)
    crack = highpass(noise(rng, n), 2000) * np.exp(-t / 0.012) * 0.7
    thump = np.sin(2 * np.pi * 80 * t) * np.exp(-t / 0.08) * 0.6
    return splat + crack + thump


def mural_falls(rng: Rng) -> np.ndarray:
    """A mural breaks: a long crumbling rumble, debris rattling down."""
    n = samples(2.0)
    t = timeline(n)
    rumble = lowpass(noise(rng, n), 300) * np.exp(-t / 0.6) * 2.0
    groan = np.sin(2 * np.pi * np.cumsum(70 * 0.5 ** (t / 2.0)) / SR) * np.exp(-t / 0.8) * 0.7
    parts = [(0, rumble + groan), (0, ins.kick(0, 0, 1.0, rng))]
    for i in range(14):
        at = 0.1 + 1.2 * (i / 14) ** 1.5 + float(rng.uniform(0, 0.05))
        parts.append((at, ins.rim(0, 0, 0.5 * (1 - i / 16), rng)))
    return reverb(_seq(parts, 2.4), 1.2, 0.3, rng)


def aegis(rng: Rng) -> np.ndarray:
    """Kora's shield: a shimmering chord that swells up."""
    n = samples(0.9)
    t = timeline(n)
    env = np.minimum(1, t / 0.15) * np.exp(-np.maximum(0, t - 0.2) / 0.3)
    tone = sum(np.sin(2 * np.pi * _n(nm) * d * t) for nm in ("E5", "B5", "E6", "G#6")
               for d in (0.997, 1.003))
    sweep = bandpass(noise(rng, n), 4000, 3000) * env * 0.3
    return reverb(tone * env / 4 + sweep, 1.0, 0.3, rng)


def override(rng: Rng) -> np.ndarray:
    """Kora overrides the drones: a fast digital arpeggio, bit-crushed."""
    parts = []
    for i, name in enumerate(("A4", "C5", "E5", "A5", "C6", "E6", "A6")):
        parts.append((i * 0.045, _blip(_n(name), _n(name), 0.06, cutoff=4000, life=0.04)))
    out = _seq(parts, 0.55)
    return np.round(out * 6) / 6  # a coarse sample grid: the machine's voice


def wave_horn(rng: Rng) -> np.ndarray:
    """A deep horn announces a drone wave."""
    n = samples(1.7)
    t = timeline(n)
    f = 92 * (1 + 0.06 * np.minimum(1, t / 0.3))
    tone = sum(additive(f * d, n, saw_weights, cutoff=700 + 500 * np.minimum(1, t / 0.4))
               for d in (0.995, 1.0, 1.005))
    env = np.minimum(1, t / 0.12) * np.minimum(1, np.maximum(0, 1.7 - t) / 0.5)
    return reverb(tone * env, 1.5, 0.35, rng)


# -- results, menus, voices ---------------------------------------------------------------------
def win(rng: Rng) -> np.ndarray:
    """Level won: a short fanfare landing on a bright major chord."""
    parts = [(0, ins.brass(_n("C5"), 0.12, 0.8, rng)), (0.14, ins.brass(_n("E5"), 0.12, 0.8, rng)),
             (0.28, ins.brass(_n("G5"), 0.12, 0.8, rng))]
    for name in ("C4", "G4", "C5", "E5", "G5", "C6"):
        parts.append((0.42, ins.brass(_n(name), 1.2, 0.5, rng)))
    for name in ("C6", "E6", "G6"):
        parts.append((0.42, ins.bell(_n(name), 0.1, 0.3, rng)))
    parts.append((0.42, ins.kick(0, 0, 0.7, rng)))
    parts.append((0.42, ins.clap(0, 0, 0.5, rng)))
    return reverb(_seq(parts, 2.6), 1.6, 0.3, rng)


def loss(rng: Rng) -> np.ndarray:
    """Level lost: a falling line over a dark minor chord."""
    parts = []
    for i, name in enumerate(("G4", "F4", "Eb4", "D4")):
        parts.append((i * 0.3, ins.flute(_n(name), 0.28, 0.7, rng)))
    for name in ("C3", "G3", "Eb4"):
        parts.append((0.9, ins.pad(_n(name), 1.3, 0.6, rng)))
    return reverb(_seq(parts, 3.2), 1.8, 0.3, rng)


def menu_move(rng: Rng) -> np.ndarray:
    return _blip(1300, 1250, 0.035, cutoff=3500, life=0.012)


def menu_select(rng: Rng) -> np.ndarray:
    return _seq([(0, _blip(880, 880, 0.05, cutoff=3000, life=0.02)),
                 (0.05, _blip(1320, 1320, 0.08, cutoff=3000, life=0.03))], 0.16)


def menu_back(rng: Rng) -> np.ndarray:
    return _seq([(0, _blip(990, 990, 0.05, cutoff=2500, life=0.02)),
                 (0.05, _blip(660, 660, 0.08, cutoff=2500, life=0.03))], 0.16)


# A voice: glottal pitch, its drift, vowel formants (Hz, bandwidth, gain), and extra colour.
VOICES = {
    "elara": (210, 1.12, [[(750, 120, 1.0), (1250, 140, 0.6), (2700, 200, 0.2)],
                          [(450, 100, 1.0), (1900, 140, 0.5), (2800, 200, 0.2)],
                          [(350, 90, 1.0), (2300, 150, 0.45), (3000, 220, 0.2)]]),
    "kora": (300, 1.0, [[(500, 80, 1.0), (1600, 120, 0.6), (3200, 200, 0.4)],
                        [(700, 90, 1.0), (1200, 120, 0.6), (3400, 200, 0.4)],
                        [(400, 80, 1.0), (2400, 120, 0.6), (3600, 200, 0.4)]]),
    "dax": (125, 1.18, [[(700, 140, 1.0), (1100, 160, 0.7), (2500, 240, 0.25)],
                        [(550, 130, 1.0), (1700, 160, 0.55), (2500, 240, 0.25)],
                        [(400, 120, 1.0), (900, 150, 0.6), (2400, 240, 0.25)]]),
    "talin": (100, 0.94, [[(500, 60, 1.0), (800, 80, 0.5), (2600, 150, 0.15)],
                          [(400, 60, 1.0), (1800, 90, 0.35), (2600, 150, 0.15)],
                          [(600, 70, 1.0), (1000, 80, 0.45), (2500, 150, 0.15)]]),
}


def voice(who: str, variant: int, rng: Rng) -> np.ndarray:
    """A wordless syllable in a character's voice: a buzz through vowel formants."""
    pitch, bend, vowels = VOICES[who]
    n = samples(0.11)
    t = timeline(n)
    f = pitch * (1 + variant * 0.06) * bend ** (t / 0.11)
    buzz = additive(f, n, saw_weights, cutoff=5000)
    if who == "kora":  # the AI: a ring-modulated, slightly quantised voice
        buzz = buzz * np.sin(2 * np.pi * 60 * t) * 0.5 + buzz * 0.5
    body = formants(buzz, vowels[variant % len(vowels)])
    if who == "kora":
        body = np.round(body / np.max(np.abs(body)) * 10) / 10
    if who == "dax":
        body = body + bandpass(noise(rng, n), 3000, 3000) * 0.02 * np.max(np.abs(body))
    return body * np.minimum(1, t / 0.012) * np.minimum(1, (0.11 - t) / 0.04)


def _voices() -> dict[str, Callable[[Rng], np.ndarray]]:
    out = {}
    for who in VOICES:
        for v in range(3):
            out[f"voice_{who}_{v + 1}"] = (lambda rng, w=who, i=v: voice(w, i, rng))
    return out


EFFECTS: dict[str, Callable[[Rng], np.ndarray]] = {
    "pickup_organic": pickup_organic, "pickup_polymer": pickup_polymer,
    "pickup_alloy": pickup_alloy, "deposit": deposit, "node_built": node_built,
    "harvest": harvest, "refused": refused, "paint_loop": paint_loop,
    "stage_complete": stage_complete, "support_gained": support_gained,
    "support_lost": support_lost, "smear_warning": smear_warning, "rally": rally,
    "hum_scout": hum_scout, "hum_sprayer": hum_sprayer, "hum_heavy": hum_heavy,
    "hum_jammer": hum_jammer, "zap": zap, "drone_down": drone_down,
    "barrier_hit": barrier_hit, "mural_hit": mural_hit, "mural_falls": mural_falls,
    "aegis": aegis, "override": override, "wave_horn": wave_horn, "win": win, "loss": loss,
    "menu_move": menu_move, "menu_select": menu_select, "menu_back": menu_back,
    **_voices(),
}
LOOPS = {"paint_loop", "hum_scout", "hum_sprayer", "hum_heavy", "hum_jammer"}
