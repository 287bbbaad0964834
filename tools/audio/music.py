"""The music: a title theme and one loop per act, written as lead sheets for the sequencer.

- title: D major, 88 bpm. Pads, a marimba arpeggio, a flute theme that climbs to the
  sixth and settles home; percussion joins on the second phrase.
- calm (levels 1-2): F major, 78 bpm. Electric piano and marimba, a pentatonic flute
  line, a shaker: morning in a waking city.
- civic (levels 3 and 5): G mixolydian, 104 bpm. Four-on-the-floor, claps, a brass
  anthem over G-F-C-G: people coming together.
- tense (level 4): D minor, 124 bpm. A string ostinato in sixteenths, toms, a half-step
  bell motif and a low brass line over Bb-C-Dm and the A major dominant.
"""

from __future__ import annotations

import numpy as np

from . import instruments as ins
from .dsp import loudness_match
from .sequencer import Song

EVERY = range(16)


def title() -> Song:
    s = Song(bpm=88, bars=16)
    chords = ("Dmaj7 | Bm7 | Gmaj7 | Asus4 A | Dmaj7 | Bm7 | Gmaj7 | A | "
              "Em7 | F#m7 | Gmaj7 | A | Bm7 | Gmaj7 | Em7 A | D")
    s.pads(ins.pad, chords, low=50, vel=0.22)
    s.arpeggio(ins.pluck, chords, low=62, order=[0, 1, 2, 3, 4, 3, 2, 1], vel=0.3)
    s.bassline(ins.bass, chords.split("|", 4)[4], low=38, pattern="1 - - 5 - - 1 -",
               start_bar=4, vel=0.45)
    s.melody(ins.bell, "r:2 A5:1 F#5:1 | D6:3 r:1 | r:2 B5:1 G5:1 | E5:3 r:1", vel=0.22,
             wet=0.6)
    s.melody(ins.flute,
             "F#5:1.5 E5:.5 D5:1 A4:1 | B4:2 C#5:1 D5:1 | E5:1.5 F#5:.5 G5:1 F#5:1 | "
             "E5:3 r:1 | G5:1 F#5:1 E5:1 B4:1 | A5:1.5 G5:.5 F#5:2 | B5:1 A5:1 G5:1 F#5:1 | "
             "E5:3 C#5:1 | D5:1.5 C#5:.5 B4:1 D5:1 | F#5:2 E5:1 D5:1 | "
             "E5:1 D5:.5 E5:.5 C#5:2 | D5:4", start_bar=4, vel=0.42)
    s.drums(ins.kick, "x.......x.......", range(4, 16), vel=0.55)
    s.drums(ins.shaker, "..x...x...x...xo", range(4, 16), vel=0.5)
    s.drums(ins.rim, "....x.......x...", range(8, 16), vel=0.3)
    s.add(ins.swell, 14 * 4 + 2, 60, 2, vel=0.25, wet=0.3)
    return s


def calm() -> Song:
    s = Song(bpm=78, bars=16)
    chords = ("Fmaj7 | Cadd9 | Dm7 | Bbmaj7 | Fmaj7 | Cadd9 | Dm7 | Bbmaj7 | "
              "Gm7 | Am7 | Bbmaj7 | Csus4 C | Fmaj7 | Cadd9 | Dm7 | Bb C")
    s.pads(ins.pad, chords, low=53, vel=0.13)
    s.arpeggio(ins.keys, chords, low=57, order=[0, 2, 1, 3, 2, 1, 0, 2], vel=0.22,
               accent=0.35)
    s.arpeggio(ins.pluck, chords, low=69, order=[2, 0, 1, 2, 3, 1], step=1.0 / 3 * 2,
               start_bar=0, vel=0.12, wet=0.6)
    s.bassline(ins.bass, chords, low=41, pattern="1 - - - 5 - - -", vel=0.35)
    s.melody(ins.flute,
             "A4:1 C5:1 D5:.5 C5:.5 A4:1 | G4:2 E4:1 G4:1 | F4:1 A4:1 C5:1.5 D5:.5 | "
             "D5:3 r:1 | Bb4:1 D5:1 F5:1.5 E5:.5 | E5:2 C5:1 A4:1 | "
             "D5:1.5 C5:.5 Bb4:1 A4:1 | G4:3 r:1 | C5:1 F5:1 E5:.5 D5:.5 C5:1 | "
             "D5:1.5 E5:.5 G4:2 | A4:1 C5:1 D5:1 F5:1 | D5:2 E5:2",
             start_bar=4, vel=0.38)
    s.melody(ins.bell, "r:3 C6:1 | r:4 | r:3 A5:1 | F5:4", vel=0.15, wet=0.7)
    s.drums(ins.shaker, "x.o.x.o.x.o.x.oo", range(4, 16), vel=0.35)
    s.drums(ins.rim, "........x.......", range(8, 16), vel=0.2)
    return s


def civic() -> Song:
    s = Song(bpm=104, bars=16)
    chords = ("G | F | C | G | G | F | C | G | Em7 | C | Am7 | D | G | F | C | Dsus4 D")
    s.pads(ins.pad, chords, low=55, vel=0.16)
    s.arpeggio(ins.pluck, chords, low=67, order=[0, 2, 1, 2, 0, 2, 1, 3], vel=0.3)
    s.bassline(ins.bass, chords, low=31, pattern="1 - . 1 5 - 8 -", vel=0.5)
    s.melody(ins.brass,
             "G4:1 B4:1 D5:1.5 B4:.5 | C5:1.5 A4:.5 C5:1 F5:1 | E5:2 D5:1 C5:1 | "
             "D5:3 r:1 | E5:1 G5:1 E5:1 D5:1 | C5:1.5 D5:.5 E5:2 | A4:1 C5:1 E5:1 G5:1 | "
             "F#5:3 r:1 | G5:1.5 F#5:.5 D5:1 B4:1 | C5:1 F5:1 A5:1.5 G5:.5 | "
             "G5:1 E5:1 C5:1 E5:1 | G5:2 F#5:2", start_bar=4, vel=0.33)
    s.drums(ins.kick, "x.......x.......", range(0, 4), vel=0.6)
    s.drums(ins.kick, "x...x...x...x...", range(4, 16), vel=0.6)
    s.drums(ins.clap, "....x.......x...", range(4, 16), vel=0.45)
    s.drums(ins.hat, "o.x.o.x.o.x.o.xo", EVERY, vel=0.4)
    s.add(ins.swell, 3 * 4, 60, 4, vel=0.3, wet=0.3)
    return s


def tense() -> Song:
    s = Song(bpm=124, bars=16)
    chords = ("Dm | Dm | Bb | A | Dm | Dm | Gm | A | Bb | C | Dm | Dm | Gm | Bb | A | A")
    s.pads(ins.pad, chords, low=50, vel=0.14)
    s.arpeggio(ins.strings_stab, chords, low=50, order=[0, 0, 2, 0, 1, 0, 2, 1], step=0.25,
               vel=0.22, accent=0.4, wet=0.2)
    s.bassline(ins.bass, chords, low=26, pattern="1 1 . 1 1 . 1 8", vel=0.55)
    s.melody(ins.bell, "r:4 | r:2 A5:.5 Bb5:.5 A5:1 | r:4 | r:4 | r:4 | "
                       "r:2 A5:.5 Bb5:.5 A5:1 | r:4 | r:2 G5:.5 F5:.5 E5:1", vel=0.2, wet=0.6)
    s.melody(ins.brass, "D5:3 C5:.5 D5:.5 | E5:2 G5:2 | F5:3 E5:1 | D5:4 | Bb4:2 D5:2 | "
                        "F5:2 E5:1 D5:1 | C#5:3 E5:1 | A4:4", start_bar=8, vel=0.3,
             transpose=-12)
    s.drums(ins.kick, "x.....x...x.....", EVERY, vel=0.6)
    s.drums(ins.snare, "........x.......", range(4, 16), vel=0.45)
    s.drums(ins.hat, "xoxoxoxoxoxoxoxo", range(4, 16), vel=0.3)
    for bar in (3, 7, 11, 15):
        for step, midi in ((8, 52), (10, 50), (12, 47), (13, 47), (14, 43), (15, 43)):
            s.add(ins.tom, bar * 4 + step * 0.25, midi, 0.25, vel=0.45, wet=0.25)
    s.add(ins.swell, 7 * 4, 60, 4, vel=0.3, wet=0.3)
    s.add(ins.swell, 15 * 4, 60, 4, vel=0.3, wet=0.3)
    return s


SONGS = {"title": (title, 1.6), "calm": (calm, 2.2), "civic": (civic, 1.4),
         "tense": (tense, 1.2)}


def render(name: str, seed: int) -> np.ndarray:
    make, room = SONGS[name]
    rng = np.random.default_rng(seed)
    return loudness_match(make().render(rng, room=room), rms_db=-16.0)
