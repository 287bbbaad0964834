"""A level's sound: event cues placed on screen, the drone hum of the nearest few drones,
and the spray loop while a mural is being painted. Shared by play and the replay viewer.

Presentation only: it reads the simulation (events, the swarm's arrays, mural progress)
and never writes to it.
"""

from __future__ import annotations

import numpy as np

from game.audio.cues import cue_for
from game.audio.mixer import HUM_CHANNELS, PAINT_CHANNEL, Audio
from game.content.confront import DRONE_TYPES
from game.sim.constants import SUBPX

HEAR_PX = 420.0  # a drone further than this from the view's centre is not heard


def placement(at: tuple[float, float] | None, centre: tuple[float, float],
              half_width: float) -> tuple[float, float]:
    """(gain, pan) of a sound at world pixel `at` heard from the view's centre: full
    inside the view, fading to a third at three half-widths; panned by screen side."""
    if at is None:
        return 1.0, 0.0
    dx, dy = at[0] - centre[0], at[1] - centre[1]
    dist = (dx * dx + dy * dy) ** 0.5
    gain = 1.0 if dist <= half_width else max(1 / 3, 1 - (dist - half_width) / (3 * half_width))
    return gain, max(-1.0, min(1.0, dx / half_width)) * 0.8


def hum_voices(x: np.ndarray, y: np.ndarray, kind: np.ndarray, centre: tuple[float, float],
               half_width: float, voices: int = len(HUM_CHANNELS)
               ) -> list[tuple[int, float, float]]:
    """(drone type, gain, pan) for the `voices` nearest drones in earshot, nearest first.
    One argpartition over the swarm: 2,000 drones cost microseconds, never 2,000 voices."""
    if x.size == 0:
        return []
    dx = x.astype(np.float64) / SUBPX - centre[0]
    dy = y.astype(np.float64) / SUBPX - centre[1]
    d2 = dx * dx + dy * dy
    k = min(voices, d2.size)
    nearest = np.argpartition(d2, k - 1)[:k] if d2.size > k else np.arange(d2.size)
    nearest = nearest[np.argsort(d2[nearest], kind="stable")]
    out = []
    for i in nearest:
        dist = float(np.sqrt(d2[i]))
        if dist >= HEAR_PX:
            break
        gain = (1 - dist / HEAR_PX) ** 2
        out.append((int(kind[i]), gain, max(-1.0, min(1.0, float(dx[i]) / half_width)) * 0.8))
    return out


class LevelAudio:
    def __init__(self, audio: Audio, sim) -> None:
        self.audio = audio
        self.sim = sim
        self.paint_progress = self._paint_progress()
        self.painting_frames = 0

    def _view(self, camera) -> tuple[tuple[float, float], float]:
        return (camera.x + camera.view_w / 2, camera.y + camera.view_h / 2), camera.view_w / 2

    def on_events(self, events, camera) -> None:
        if not self.audio.enabled:
            return
        centre, half = self._view(camera)
        for e in events:
            cue = cue_for(e)
            if cue is not None:
                gain, pan = placement(cue.at, centre, half)
                self.audio.play(cue.name, cue.gain * gain, pan)

    def _paint_progress(self) -> int:
        from game.sim.components import Mural

        return sum(m.paint_progress + 1000 * m.stage for _, m in self.sim.query(Mural))

    def update(self, camera, running: bool = True) -> None:
        """Once per frame; `running` False (paused, won) silences the loops."""
        if not self.audio.enabled:
            return
        centre, half = self._view(camera)
        voices = []
        swarm = getattr(getattr(self.sim, "conf", None), "swarm", None)
        if running and swarm is not None and len(swarm):
            voices = hum_voices(swarm.x, swarm.y, swarm.kind, centre, half)
        for slot, channel in enumerate(HUM_CHANNELS):
            if slot < len(voices):
                kind, gain, pan = voices[slot]
                self.audio.loop(channel, f"hum_{DRONE_TYPES[kind]}", gain, pan)
            else:
                self.audio.loop(channel, None)
        progress = self._paint_progress()
        if progress != self.paint_progress:
            self.painting_frames = 8  # painting moved this frame: keep spraying a moment
        self.paint_progress = progress
        self.painting_frames = max(0, self.painting_frames - 1)
        self.audio.loop(PAINT_CHANNEL, "paint_loop" if running and self.painting_frames
                        else None, 1.0)

    def stop(self) -> None:
        for channel in (*HUM_CHANNELS, PAINT_CHANNEL):
            self.audio.loop(channel, None)
