"""Window, main loop and scene stack.

A fixed logical resolution (640×360) is drawn and scaled by a whole number into a
resizable window, so pixel art stays crisp. The simulation advances in whole ticks of
1/60 s from a time accumulator; drawing happens once per frame. `frame()` is the whole
per-frame body, so a browser build only needs to await between calls.
"""

from __future__ import annotations

import time
from pathlib import Path

import pygame

from game.render import palette
from game.render.font import BitmapFont
from game.sim.constants import TICK_RATE

LOGICAL_SIZE = (640, 360)
DEFAULT_WINDOW = (1280, 720)
MAX_TICKS_PER_FRAME = 5  # after a stall, catch up a little, never spiral


class Scene:
    """One screen. Scenes below an `opaque = False` scene are drawn under it."""

    opaque = True

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
                 window_size: tuple[int, int] = DEFAULT_WINDOW) -> None:
        self.data_dir = data_dir
        self.headless = headless
        pygame.display.init()
        pygame.font.init()
        flags = 0 if headless else pygame.RESIZABLE
        pygame.display.set_caption("Reclaim 2147")
        self.window = pygame.display.set_mode(window_size, flags)
        self.screen = pygame.Surface(LOGICAL_SIZE).convert()
        self.font = BitmapFont.load()
        self.scenes: list[Scene] = []
        self.running = True
        self.clock = pygame.time.Clock()
        self.time_ms = 0  # presentation clock: animations, blinking
        self.ticks_run = 0
        self.skip_story = False  # `play --headless`: dialogue would stall a run nobody reads
        self._accumulator = 0.0
        self._last = time.perf_counter()
        self._scale_rect = pygame.Rect(0, 0, *LOGICAL_SIZE)
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
        ww, wh = self.window.get_size()
        lw, lh = LOGICAL_SIZE
        scale = max(1, min(ww // lw, wh // lh))
        rect = pygame.Rect(0, 0, lw * scale, lh * scale)
        rect.center = (ww // 2, wh // 2)
        self._scale_rect = rect
        self.scale = scale

    def to_logical(self, pos: tuple[int, int]) -> tuple[int, int]:
        x, y = pos
        return ((x - self._scale_rect.x) // self.scale, (y - self._scale_rect.y) // self.scale)

    # -- loop --------------------------------------------------------------------------
    def run(self) -> None:
        while self.running:
            self.frame()

    def frame(self, fixed_ticks: int | None = None) -> None:
        """One frame: input, whole simulation ticks, draw, present.

        `fixed_ticks` runs exactly that many ticks regardless of the clock (headless runs
        and tests); otherwise real time decides.
        """
        now = time.perf_counter()
        elapsed = min(0.25, now - self._last)
        self._last = now
        for event in pygame.event.get():
            self._handle(event)
            if not self.running:
                return
        if fixed_ticks is None:
            self._accumulator += elapsed
            ticks = min(MAX_TICKS_PER_FRAME, int(self._accumulator * TICK_RATE))
            self._accumulator -= ticks / TICK_RATE
            if ticks == MAX_TICKS_PER_FRAME:
                self._accumulator = 0.0
            self.time_ms += int(elapsed * 1000)
        else:
            ticks = fixed_ticks
            self.time_ms += ticks * 1000 // TICK_RATE
        for _ in range(ticks):
            if self.scene is None:
                break
            self.scene.tick()
            self.ticks_run += 1
        if self.scene is None:
            self.running = False
            return
        self.scene.update()
        self.draw()
        self.present()
        if not self.headless and fixed_ticks is None:
            self.clock.tick(240)

    def _handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.window = pygame.display.get_surface()
            self._layout()
            return
        if self.scene is not None:
            self.scene.handle_event(event)

    def draw(self) -> None:
        start = len(self.scenes) - 1
        while start > 0 and not self.scenes[start].opaque:
            start -= 1
        for scene in self.scenes[start:]:
            scene.draw(self.screen)

    def present(self) -> None:
        self.window.fill(palette.UI_PANEL)
        target = self.window.subsurface(self._scale_rect.clip(self.window.get_rect()))
        if target.get_size() == self._scale_rect.size:
            pygame.transform.scale(self.screen, self._scale_rect.size, target)
        else:  # window smaller than the logical screen: show the middle
            self.window.blit(self.screen, self._scale_rect)
        if not self.headless:
            pygame.display.flip()

    def save_screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.window, str(path))
