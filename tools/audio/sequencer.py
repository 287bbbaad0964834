"""A small sequencer: notes on a beat grid, written in a compact text notation, rendered
through the instruments into a seamless loop.

Notation (all parts are plain strings, so a tune reads like a lead sheet):
- melody: `"E5:1.5 D5:.5 C5 | A4:2 r:2"`: note name (or `r` for a rest) and beats; the
  beat count carries over to the next token; `|` marks bars and is checked.
- chords: one symbol per bar, or two (`"Em7 A"`) for half a bar each.
- drums: one character per sixteenth, `x` hit, `o` soft hit, `.` nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .dsp import SR, fold_loop, midi_hz, place, reverb

Instrument = Callable[[float, float, float, np.random.Generator], np.ndarray]

NOTE_INDEX = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
QUALITIES = {
    "": (0, 4, 7), "m": (0, 3, 7), "7": (0, 4, 7, 10), "maj7": (0, 4, 7, 11),
    "m7": (0, 3, 7, 10), "sus4": (0, 5, 7), "sus2": (0, 2, 7), "add9": (0, 4, 7, 14),
    "m9": (0, 3, 7, 10, 14), "dim": (0, 3, 6), "6": (0, 4, 7, 9), "m6": (0, 3, 7, 9),
}


def note_number(name: str) -> int:
    """`"C4"` → 60, `"F#3"` → 54, `"Bb2"` → 46."""
    pitch = NOTE_INDEX[name[0]]
    rest = name[1:]
    while rest and rest[0] in "#b":
        pitch += 1 if rest[0] == "#" else -1
        rest = rest[1:]
    return 12 * (int(rest) + 1) + pitch


def chord(symbol: str) -> tuple[int, tuple[int, ...]]:
    """Root pitch class and intervals of a chord symbol such as `F#m7` or `Bbmaj7`."""
    root = NOTE_INDEX[symbol[0]]
    rest = symbol[1:]
    if rest[:1] in ("#", "b"):
        root += 1 if rest[0] == "#" else -1
        rest = rest[1:]
    return root % 12, QUALITIES[rest]


def voicing(symbol: str, low: int) -> list[int]:
    """Chord tones in close position, the lowest at or above MIDI note `low`."""
    root, intervals = chord(symbol)
    base = low + (root - low) % 12
    return [base + i for i in intervals]


def parse_melody(text: str, beats_per_bar: int = 4) -> list[tuple[float, float, int | None]]:
    """(start beat, length in beats, MIDI note or None for a rest) for each token."""
    out = []
    beat, length, bar_start = 0.0, 1.0, 0.0
    for token in text.split():
        if token == "|":
            if abs(beat - bar_start - beats_per_bar) > 1e-6:
                raise ValueError(f"bar ending at beat {beat} has {beat - bar_start} beats")
            bar_start = beat
            continue
        name, _, dur = token.partition(":")
        if dur:
            length = float(dur)
        out.append((beat, length, None if name == "r" else note_number(name)))
        beat += length
    return out


def bars_of(chords: str) -> list[list[str]]:
    return [bar.split() for bar in chords.split("|") if bar.strip()]


@dataclass
class Note:
    beat: float
    inst: Instrument
    midi: float
    length: float  # beats
    vel: float
    wet: float  # share sent to the reverb


@dataclass
class Song:
    bpm: float
    bars: int
    beats_per_bar: int = 4
    notes: list[Note] = field(default_factory=list)

    @property
    def beat_seconds(self) -> float:
        return 60.0 / self.bpm

    @property
    def length(self) -> int:
        return int(round(self.bars * self.beats_per_bar * self.beat_seconds * SR))

    def add(self, inst: Instrument, beat: float, midi: float, length: float,
            vel: float = 1.0, wet: float = 0.3) -> None:
        self.notes.append(Note(beat, inst, midi, length, vel, wet))

    # -- parts ---------------------------------------------------------------------------
    def melody(self, inst: Instrument, text: str, start_bar: int = 0, vel: float = 1.0,
               wet: float = 0.35, transpose: int = 0, legato: float = 0.92) -> None:
        offset = start_bar * self.beats_per_bar
        for beat, length, midi in parse_melody(text, self.beats_per_bar):
            if midi is not None:
                self.add(inst, offset + beat, midi + transpose, length * legato, vel, wet)

    def pads(self, inst: Instrument, chords: str, low: int, start_bar: int = 0,
             vel: float = 1.0, wet: float = 0.5) -> None:
        for i, bar in enumerate(bars_of(chords)):
            span = self.beats_per_bar / len(bar)
            for j, sym in enumerate(bar):
                for midi in voicing(sym, low):
                    self.add(inst, (start_bar + i) * self.beats_per_bar + j * span, midi,
                             span, vel, wet)

    def arpeggio(self, inst: Instrument, chords: str, low: int, order: list[int],
                 step: float = 0.5, start_bar: int = 0, vel: float = 1.0, wet: float = 0.35,
                 accent: float = 0.25) -> None:
        """Chord tones picked by index (wrapping up an octave) on a steady grid."""
        for i, bar in enumerate(bars_of(chords)):
            span = self.beats_per_bar / len(bar)
            for j, sym in enumerate(bar):
                tones = voicing(sym, low)
                steps = int(round(span / step))
                for s in range(steps):
                    idx = order[(j * steps + s) % len(order)]
                    midi = tones[idx % len(tones)] + 12 * (idx // len(tones))
                    beat = (start_bar + i) * self.beats_per_bar + j * span + s * step
                    v = vel * (1 - accent if s % 2 else 1)
                    self.add(inst, beat, midi, step * 0.9, v, wet)

    def bassline(self, inst: Instrument, chords: str, low: int, pattern: str,
                 start_bar: int = 0, vel: float = 1.0, wet: float = 0.1) -> None:
        """`pattern` gives one token per eighth: `1` root, `5` fifth, `8` octave up,
        `3` third, `7` seventh, `-` hold, `.` rest."""
        for i, bar in enumerate(bars_of(chords)):
            span = self.beats_per_bar / len(bar)
            tokens = pattern.split()
            for j, sym in enumerate(bar):
                root, intervals = chord(sym)
                base = low + (root - low) % 12
                degree = {"1": 0, "3": intervals[1], "5": 7, "7": (intervals + (10,))[3],
                          "8": 12}
                per = len(tokens) * 0.5
                for r in range(int(round(span / per)) or 1):
                    for k, tok in enumerate(tokens):
                        if tok not in degree:
                            continue
                        held = 1 + next((m for m, t in enumerate(tokens[k + 1:]) if t != "-"),
                                        len(tokens) - k - 1)
                        beat = ((start_bar + i) * self.beats_per_bar + j * span + r * per
                                + k * 0.5)
                        if beat < (start_bar + i) * self.beats_per_bar + (j + 1) * span:
                            self.add(inst, beat, base + degree[tok], held * 0.5 * 0.9, vel, wet)

    def drums(self, inst: Instrument, pattern: str, bars: range, vel: float = 1.0,
              wet: float = 0.15, midi: float = 60) -> None:
        grid = pattern.replace(" ", "")
        for bar in bars:
            for s, ch in enumerate(grid):
                if ch in "xo":
                    beat = bar * self.beats_per_bar + s * 0.25
                    self.add(inst, beat, midi, 0.25, vel * (1.0 if ch == "x" else 0.5), wet)

    # -- rendering -----------------------------------------------------------------------
    def render(self, rng: np.random.Generator, room: float = 1.8, tail: float = 4.0
               ) -> np.ndarray:
        """The whole song as a seamless loop of exactly `length` samples."""
        size = self.length + int(tail * SR)
        dry = np.zeros(size)
        wet = np.zeros(size)
        cache: dict[tuple, np.ndarray] = {}
        for note in sorted(self.notes, key=lambda n: (n.beat, n.midi)):
            held = note.length * self.beat_seconds
            key = (note.inst, note.midi, round(held, 4), round(note.vel, 3))
            sound = cache.get(key)
            if sound is None:
                sound = note.inst(midi_hz(note.midi), held, note.vel, rng)
                cache[key] = sound
            at = int(round(note.beat * self.beat_seconds * SR))
            place(dry, sound, at, 1 - note.wet)
            place(wet, sound, at, note.wet)
        mixed = dry + reverb(wet, room, 1.0, rng)[:size]
        return fold_loop(mixed, self.length)
