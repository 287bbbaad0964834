"""Window, main loop and scene stack.

A fixed logical resolution (640×360) is drawn, then scaled into a resizable window with
nearest-neighbour pixels and letterboxing: *fit* takes the largest scale the window
allows, *pixel perfect* only whole numbers (`game.display`). The simulation advances in
whole ticks of 1/60 s from a time accumulator; drawing happens once per frame, paced by
the frame cap of the settings, and presentation timers read `dt_ms`, the frame's length
in milliseconds, never a frame count. `frame()` is the whole per-frame body, so a
browser build only needs to await between calls.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pygame

from game import display
from game.pad import Pad
from game.prompts import Prompts
from game.render import palette
from game.render.font import BitmapFont
from game.services import Services
from game.sim.constants import TICK_RATE

LOGICAL_SIZE = (640, 360)
DEFAULT_WINDOW = display.DEFAULT_WINDOW
MAX_TICKS_PER_FRAME = 5  # after a stall, catch up a little, never spiral


class Scene:
    """One screen. Scenes below an `opaque = False` scene are drawn under it.

    `pad_context` tells the gamepad how to speak to this screen ("menu": arrows, Enter,
    Esc; "play": the action keys, see `game.pad`)."""

    opaque = True
    pad_context = "menu"
    music: str | None = None  # a loop in assets/music/; None: what the scene below plays

    def __init__(self, app: App) -> None:
        self.app = app

    def handle_event(self, event: pygame.event.Event) -> None: ...

    def tick(self) -> None:
        """One simulation tick (60/s). Only the top scene ticks."""

    def update(self) -> None:
        """Once per drawn frame, for presentation."""

    def draw(self, surface: pygame.Surface) -> None: ...


class App:
    def __init__(self, data_dir: Path, headless: bool = False,
                 window_size: tuple[int, int] = DEFAULT_WINDOW,
                 custom_map_dirs: list[Path] | None = None, sound: bool | None = None
                 ) -> None:
        self.data_dir = data_dir
        self.headless = headless
        from game.save import clean_orphans

        clean_orphans(Path(data_dir))  # half-written saves of a killed game
        display.before_init()  # high-DPI awareness: must precede the video subsystem
        pygame.display.init()
        pygame.font.init()
        self.services = Services(data_dir, custom_map_dirs)  # the one place they are made
        self.settings = self.services.settings.settings
        pygame.display.set_caption("Reclaim 2147")
        self.window = display.open_window(window_size, headless, self.settings)
        self.screen = pygame.Surface(LOGICAL_SIZE).convert()
        self.font = BitmapFont.load()
        from game.audio import open_audio

        # headless runs are silent unless asked (the disk-audio test asks)
        self.audio = open_audio(self.settings, not headless if sound is None else sound)
        self.scenes: list[Scene] = []
        self.running = True
        # (app, error) -> handled? Set by game.scenes.crash.install for a player's game.
        self.crash_handler: Callable[[App, Exception], bool] | None = None
        self.clock = pygame.time.Clock()
        self.time_ms = 0  # presentation clock: animations, blinking
        self.dt_ms = 1000 / TICK_RATE  # length of the current frame, for presentation
        self.ticks_run = 0
        self.skip_story = False  # `play --headless`: dialogue would stall a run nobody reads
        self.last_device = "keys"  # "keys" or "pad": on-screen prompts follow it
        self.pad = Pad(self)
        self.prompts = Prompts()
        self.prompts.refresh(self)
        self._accumulator = 0.0
        self._last = time.perf_counter()
        self._scale_rect = pygame.Rect(0, 0, *LOGICAL_SIZE)
        self.scale = 1.0
        self._shown: bytes = b""  # the last picture sent to the window (skip repeats)
        self._shown_layout = pygame.Rect(0, 0, 0, 0)
        self._flips = display.FlipWatch()
        self._layout()

    # -- scene stack -------------------------------------------------------------------
    @property
    def scene(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        self.scenes.append(scene)

    def pop(self) -> None:
        if self.scenes:
            self.scenes.pop()
        if not self.scenes:
            self.running = False

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes.pop()
        self.scenes.append(scene)

    def reset_to(self, scene: Scene) -> None:
        self.scenes = [scene]

    def quit(self) -> None:
        self.running = False

    # -- coordinates -------------------------------------------------------------------
    def _layout(self) -> None:
        self._scale_rect, self.scale = display.layout(
            self.window.get_size(), LOGICAL_SIZE, self.settings.scaling)

    def to_logical(self, pos: tuple[int, int]) -> tuple[int, int]:
        x, y = pos
        return (int((x - self._scale_rect.x) // self.scale),
                int((y - self._scale_rect.y) // self.scale))

    def to_window(self, pos: tuple[float, float]) -> tuple[int, int]:
        """A logical point → the window pixel at its middle (the gamepad's cursor)."""
        return (int(self._scale_rect.x + (pos[0] + 0.5) * self.scale),
                int(self._scale_rect.y + (pos[1] + 0.5) * self.scale))

    def apply_display_settings(self) -> None:
        """Fullscreen, scaling or vsync changed (Settings, F11, Alt+Enter)."""
        if not self.headless:
            self.window = display.reopen(self.window, self.settings)
            self._flips.reset()
            self._shown = b""
        self._layout()

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        self.services.settings.save()  # remembered for the next start
        self.apply_display_settings()

    # -- loop --------------------------------------------------------------------------
    def run(self) -> None:
        try:
            while self.running:
                self.guarded_frame()
        finally:
            self.services.shutdown()  # Quit game or window closed: LiveSplit resets

    def guarded_frame(self, fixed_ticks: int | None = None, dt: float | None = None) -> None:
        """`frame()`, with an uncaught error handed to `crash_handler` (game.scenes.crash:
        report, friendly screen, back to the title) instead of ending the game."""
        try:
            self.frame(fixed_ticks, dt)
        except Exception as exc:
            if self.crash_handler is None or not self.crash_handler(self, exc):
                raise

    def frame(self, fixed_ticks: int | None = None, dt: float | None = None) -> None:
        """One frame: input, whole simulation ticks, draw, present.

        `fixed_ticks` runs exactly that many ticks regardless of the clock (headless runs
        and tests); `dt` pretends this frame lasted that many seconds (a display of any
        refresh rate, in tests); otherwise real time decides.
        """
        now = time.perf_counter()
        elapsed = min(0.25, now - self._last) if dt is None else dt
        self._last = now
        for event in pygame.event.get():
            self._handle(event)
            if not self.running:
                return
        if fixed_ticks is None:
            self._accumulator += elapsed
            ticks = min(MAX_TICKS_PER_FRAME, int(self._accumulator * TICK_RATE + 1e-9))
            self._accumulator = max(0.0, self._accumulator - ticks / TICK_RATE)
            if ticks == MAX_TICKS_PER_FRAME:
                self._accumulator = 0.0
            self.dt_ms = elapsed * 1000
        else:
            ticks = fixed_ticks  # a headless frame shows at least 1/60 s passing
            self.dt_ms = max(1, ticks) * 1000 / TICK_RATE
        self._clock_ms = getattr(self, "_clock_ms", 0.0) + self.dt_ms
        self.time_ms = int(self._clock_ms)
        self.pad.update(self.dt_ms)  # the right stick's cursor glides with time
        for _ in range(ticks):
            if self.scene is None:
                break
            self.scene.tick()
            self.ticks_run += 1
        if self.scene is None:
            self.running = False
            return
        self.scene.update()
        self.audio.update(self.dt_ms, self.music_track())
        self.draw()
        self.present()
        if not self.headless and fixed_ticks is None and dt is None:
            self.clock.tick(display.frame_cap(self.settings))  # 0: uncapped

    def _handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED,
                          pygame.WINDOWRESIZED, pygame.WINDOWEXPOSED):
            self.window = pygame.display.get_surface()
            self._layout()
            self._shown = b""  # draw the whole window again
            return
        if event.type == pygame.KEYDOWN and display.is_fullscreen_toggle(event):
            self.toggle_fullscreen()
            return
        if event.type in self.pad.EVENTS:
            for translated in self.pad.translate(event):
                self.dispatch(translated)
            return
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.last_device = "keys"
        self.dispatch(event)

    def dispatch(self, event: pygame.event.Event) -> None:
        """An event (a real one, or one the gamepad stands for) to the top scene."""
        if self.scene is not None:
            depth = len(self.scenes)
            self.scene.handle_event(event)
            if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and \
                    len(self.scenes) < depth:
                self.audio.play("menu_back")  # Esc stepped back a screen

    def music_track(self) -> str:
        """The loop the topmost scene that has an opinion asks for ("" for none)."""
        return next((s.music for s in reversed(self.scenes) if s.music is not None), "")

    def draw(self) -> None:
        start = len(self.scenes) - 1
        while start > 0 and not self.scenes[start].opaque:
            start -= 1
        self.prompts.refresh(self)  # keys or pad buttons, as the player used last
        for scene in self.scenes[start:]:
            scene.draw(self.screen)
        self.pad.draw(self.screen)

    def present(self) -> None:
        if not self.headless:
            frame = self.screen.get_buffer().raw
            if frame == self._shown and self._shown_layout == self._scale_rect:
                return  # the same picture again: the window already shows it
            self._shown, self._shown_layout = frame, self._scale_rect.copy()
        display.present(self.window, self.screen, self._scale_rect, palette.UI_PANEL)
        if not self.headless and self._flips.flip(self.settings):
            self.apply_display_settings()  # software "acceleration": the plain surface

    def save_screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.window, str(path))
