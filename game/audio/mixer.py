"""The mixer: opens the sound device once, plays effects under a voice cap, keeps the
loops (music, drone hum, paint) on reserved channels, and applies the volume settings.

Without a sound device (a server, a broken driver, `SDL_AUDIODRIVER=dummy` absent) the
game runs silently: one line says why, and every method becomes a no-op.
"""

from __future__ import annotations

import math
import os
import sys
import time
from contextlib import contextmanager

import pygame

from game.audio.bank import LOOPS, MUSIC, SOUNDS, music_file, sound_file
from game.paths import asset

FREQUENCY = 22050  # every asset is 22050 Hz: no resampling
BUFFER = 512  # ~23 ms
CHANNELS = 32
MUSIC_CHANNELS = (0, 1)  # two decks, so one track fades out while the next fades in
HUM_CHANNELS = (2, 3, 4, 5)  # the nearest drones; never one voice per drone
PAINT_CHANNEL = 6
RESERVED = 7  # effects use channels 7..31: at most 25 sound at once
FADE_MS = 1500
DUCK_LEVEL = 0.35
DUCK_RAMP_MS = 250  # the music dips and comes back over this long, never in one step


@contextmanager
def _quiet_stderr():
    """Hide what C libraries print while probing devices (ALSA's 'cannot find card'
    lines); our own single line says what happened."""
    try:
        fd = sys.stderr.fileno()
        saved = os.dup(fd)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


def pan_gains(gain: float, pan: float) -> tuple[float, float]:
    """Constant-power stereo placement: pan -1 (left) .. 1 (right)."""
    angle = (max(-1.0, min(1.0, pan)) + 1) * math.pi / 4
    return (min(1.0, gain * math.cos(angle) * math.sqrt(2)),
            min(1.0, gain * math.sin(angle) * math.sqrt(2)))


class Audio:
    """One per app (`app.audio`). `enabled` is False when there is no sound at all."""

    def __init__(self, settings, enabled: bool = True, log=None) -> None:
        self.settings = settings
        self.enabled = False
        self.problem = ""
        self.now_ms = 0.0
        self.sounds: dict[str, pygame.mixer.Sound | None] = {}
        self.last_start: dict[str, float] = {}
        self.playing: dict[str, list[pygame.mixer.Channel]] = {}
        self.started: dict[int, float] = {}  # effects channel -> when its sound began
        self.log: list[tuple[float, str]] = []  # (elapsed(), name) of effects started
        self.opened_at = 0.0
        self.music = MusicDeck(self)
        self.duck_ms = 0.0
        self.duck_level = 1.0
        self.loops_fed: set[int] = set()  # loop channels someone kept alive this frame
        self.fading: set[int] = set()  # loop channels already told to fade out
        if enabled:
            self._open(log or (lambda line: print(line, file=sys.stderr)))

    def _open(self, log) -> None:
        try:
            with _quiet_stderr():
                pygame.mixer.pre_init(FREQUENCY, -16, 2, BUFFER)
                pygame.mixer.init(FREQUENCY, -16, 2, BUFFER)
            pygame.mixer.set_num_channels(CHANNELS)
            pygame.mixer.set_reserved(RESERVED)
        except (pygame.error, OSError) as exc:
            self.problem = f"sound: no audio device ({exc}); the game plays silently"
            log(self.problem)
            return
        self.enabled = True
        self.opened_at = time.perf_counter()

    def elapsed(self) -> float:
        """Seconds since the device opened: where a recording (disk driver) is now."""
        return time.perf_counter() - self.opened_at if self.enabled else 0.0

    def close(self) -> None:
        if self.enabled:
            pygame.mixer.quit()
            self.enabled = False

    # -- volumes ---------------------------------------------------------------------
    def _gain(self, name: str) -> float:
        value = getattr(self.settings, name, 100)
        return max(0, min(100, value)) / 100

    @property
    def effects_gain(self) -> float:
        return self._gain("master_volume") * self._gain("effects_volume")

    @property
    def music_gain(self) -> float:
        return self._gain("master_volume") * self._gain("music_volume") * self.duck_level

    def duck(self, ms: float) -> None:
        """Lower the music for a while (a stinger plays over it)."""
        self.duck_ms = max(self.duck_ms, ms)

    # -- sounds ----------------------------------------------------------------------
    def sound(self, name: str) -> pygame.mixer.Sound | None:
        if name not in self.sounds:
            path = asset(*(music_file(name) if name in MUSIC else sound_file(name)).split("/"))
            try:
                self.sounds[name] = pygame.mixer.Sound(str(path))
            except (pygame.error, OSError, FileNotFoundError) as exc:
                print(f"{path}: error: cannot load sound ({exc})", file=sys.stderr)
                self.sounds[name] = None
        return self.sounds[name]

    def play(self, name: str, gain: float = 1.0, pan: float = 0.0) -> bool:
        """Start an effect; False when it was held back (cap, gap, no free voice)."""
        spec = SOUNDS.get(name)
        if not self.enabled or spec is None or spec.volume * gain * self.effects_gain < 0.002:
            return False  # unknown, or muted: no voice spent on it
        if self.now_ms - self.last_start.get(name, -1e9) < spec.gap_ms:
            return False
        live = [c for c in self.playing.get(name, ()) if c.get_busy()
                and c.get_sound() is self.sounds.get(name)]
        if len(live) >= spec.cap:
            return False
        sound = self.sound(name)
        channel = self._free_channel(spec.urgent) if sound is not None else None
        if channel is None:
            return False
        channel.play(sound)
        channel.set_volume(*pan_gains(spec.volume * gain * self.effects_gain, pan))
        self.playing[name] = [*live, channel]
        self.last_start[name] = self.now_ms
        self.log.append((self.elapsed(), name))
        if len(self.log) > 20000:
            del self.log[:10000]
        return True

    def _free_channel(self, steal: bool) -> pygame.mixer.Channel | None:
        """An idle effects channel; else, for an urgent sound, the one that started
        first. (pygame's find_channel ignores reserved channels: it would hand out the
        music's.)"""
        ids = range(RESERVED, CHANNELS)
        idle = next((i for i in ids if not pygame.mixer.Channel(i).get_busy()), None)
        if idle is None and steal:
            idle = min(ids, key=lambda i: self.started.get(i, -1e9))
        if idle is None:
            return None
        self.started[idle] = self.now_ms
        return pygame.mixer.Channel(idle)

    def loop(self, channel_id: int, name: str | None, gain: float = 0.0,
             pan: float = 0.0) -> None:
        """Keep a reserved channel looping `name` at this level (None: silence it). Call
        it every frame: a loop nobody fed this frame fades out (its scene is paused or
        gone)."""
        if not self.enabled:
            return
        self.loops_fed.add(channel_id)
        channel = pygame.mixer.Channel(channel_id)
        sound = self.sound(name) if name else None
        level = LOOPS.get(name, 0.0) * gain * self.effects_gain if name else 0.0
        if sound is None or level <= 0.001:
            self._fade(channel_id)
            return
        if not channel.get_busy() or channel.get_sound() is not sound \
                or channel_id in self.fading:
            channel.play(sound, loops=-1, fade_ms=80)
            self.fading.discard(channel_id)
        channel.set_volume(*pan_gains(level, pan))

    # -- per frame -------------------------------------------------------------------
    def update(self, dt_ms: float, track: str | None) -> None:
        """Once per frame: the clock for caps, the music's cross-fade and ducking."""
        self.now_ms += dt_ms
        self.duck_ms = max(0.0, self.duck_ms - dt_ms)
        target = DUCK_LEVEL if self.duck_ms > 0 else 1.0
        step = (1 - DUCK_LEVEL) * dt_ms / DUCK_RAMP_MS
        self.duck_level += max(-step, min(step, target - self.duck_level))
        if not self.enabled:
            return
        self.music.update(dt_ms, track)
        for channel_id in (*HUM_CHANNELS, PAINT_CHANNEL):
            if channel_id not in self.loops_fed:
                self._fade(channel_id)
        self.loops_fed.clear()

    def _fade(self, channel_id: int) -> None:
        channel = pygame.mixer.Channel(channel_id)
        if channel_id not in self.fading and channel.get_busy():
            channel.fadeout(150)
            self.fading.add(channel_id)


class MusicDeck:
    """Two channels: the current track fades in on one while the last fades out."""

    def __init__(self, audio: Audio) -> None:
        self.audio = audio
        self.track: str | None = None
        self.levels = [0.0, 0.0]  # fade position of each deck, 0..1
        self.names: list[str | None] = [None, None]
        self.active = 0

    def update(self, dt_ms: float, track: str | None) -> None:
        if track != self.track:
            self._switch(track)
        step = dt_ms / FADE_MS
        gain = self.audio.music_gain
        for deck in (0, 1):
            want = 1.0 if deck == self.active and self.names[deck] else 0.0
            level = self.levels[deck]
            level = min(want, level + step) if want > level else max(want, level - step)
            self.levels[deck] = level
            channel = pygame.mixer.Channel(MUSIC_CHANNELS[deck])
            if level <= 0 and deck != self.active:
                if channel.get_busy():
                    channel.stop()
                self.names[deck] = None
            channel.set_volume(level * level * gain)  # squared: an even-sounding fade

    def _switch(self, track: str | None) -> None:
        self.track = track
        self.active = 1 - self.active
        channel = pygame.mixer.Channel(MUSIC_CHANNELS[self.active])
        channel.stop()
        self.levels[self.active] = 0.0
        self.names[self.active] = None
        sound = self.audio.sound(track) if track else None
        if sound is not None:
            channel.play(sound, loops=-1)
            channel.set_volume(0.0)
            self.names[self.active] = track
