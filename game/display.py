"""The window: opening it (fullscreen, vsync, icon, high-DPI), fitting the 640×360 picture
into it, and the frame cap. The app calls these; the settings say which.

Vsync needs SDL's accelerated window surface (a GPU renderer behind the window). Where
that renderer turns out to be software (no GPU, e.g. Xvfb's llvmpipe), each frame costs
several milliseconds of CPU for nothing: `FlipWatch` notices from the first frames and
the window is reopened on SDL's plain software surface, paced by the frame cap alone."""

from __future__ import annotations

import os
import time
import warnings

import pygame

DEFAULT_WINDOW = (1280, 720)
ACCEL_HINT = "SDL_FRAMEBUFFER_ACCELERATION"
SLOW_FLIP_MS = 3.0  # CPU per present above this: the "accelerated" surface is software
WATCHED_FLIPS = 30

DPI_HINTS = {
    "SDL_WINDOWS_DPI_AWARENESS": "permonitorv2",  # Windows: no blurry OS upscaling
    "SDL_WINDOWS_DPI_SCALING": "0",  # we scale ourselves, by the window's real pixels
    "SDL_VIDEO_HIGHDPI_DISABLED": "0",  # macOS/Wayland: full-resolution drawable
}


def before_init() -> None:
    """SDL hints read when video starts. A player's own environment wins."""
    for name, value in DPI_HINTS.items():
        os.environ.setdefault(name, value)


def window_flags(settings) -> int:
    if settings.fullscreen:
        return pygame.FULLSCREEN  # with size (0, 0): the desktop's mode, no mode switch
    return pygame.RESIZABLE


def open_window(size: tuple[int, int], headless: bool, settings) -> pygame.Surface:
    if headless:
        return pygame.display.set_mode(size)
    from game.render.window_icon import window_icon

    pygame.display.set_icon(window_icon())
    return _set_mode(size, settings)


def _set_mode(size: tuple[int, int], settings) -> pygame.Surface:
    if not settings.vsync or _software_gl:
        os.environ[ACCEL_HINT] = "0"  # plain surface: no GPU, no vsync, the cap paces
    else:
        os.environ.pop(ACCEL_HINT, None)
    flags = window_flags(settings)
    mode = (0, 0) if settings.fullscreen else size
    try:  # vsync is honoured where SDL can (it may also refuse: then the cap paces)
        return pygame.display.set_mode(mode, flags,
                                       vsync=int(settings.vsync and not _software_gl))
    except pygame.error:
        return pygame.display.set_mode(mode, flags)


_windowed_size: tuple[int, int] | None = None  # the window's size before fullscreen


def reopen(window: pygame.Surface, settings) -> pygame.Surface:
    """The same window in the mode the settings ask for (fullscreen or a window); back
    from fullscreen it gets its old size again, centred on the screen."""
    global _windowed_size
    was_full = bool(window.get_flags() & pygame.FULLSCREEN)
    if not was_full:
        _windowed_size = window.get_size()
    size = _windowed_size or DEFAULT_WINDOW
    surface = _set_mode(size, settings)
    if was_full and not settings.fullscreen and surface.get_size() != size:
        with warnings.catch_warnings():  # SDL kept the desktop's size: set it back
            warnings.simplefilter("ignore")
            win = pygame.Window.from_display_module()
            win.size = size
            win.position = pygame.WINDOWPOS_CENTERED
        surface = pygame.display.get_surface()
    return surface


def layout(window: tuple[int, int], logical: tuple[int, int],
           scaling: str) -> tuple[pygame.Rect, float]:
    """Where the logical picture goes in the window, and its scale.

    fit: the largest scale that fits (any fraction, never below 1 if it fits at all);
    pixel perfect: the largest whole number. Centred; the rest is a letterbox."""
    ww, wh = window
    lw, lh = logical
    if scaling == "pixel perfect":
        scale: float = max(1, min(ww // lw, wh // lh))
    else:
        scale = max(min(ww / lw, wh / lh), 1 / 8)
    w, h = round(lw * scale), round(lh * scale)
    rect = pygame.Rect(0, 0, w, h)
    rect.center = (ww // 2, wh // 2)
    return rect, scale


def present(window: pygame.Surface, screen: pygame.Surface, rect: pygame.Rect,
            border: tuple[int, int, int]) -> None:
    """Scale `screen` into `rect` of the window (nearest-neighbour), letterbox around."""
    window.fill(border)
    visible = rect.clip(window.get_rect())
    if visible.size == rect.size:
        pygame.transform.scale(screen, rect.size, window.subsurface(rect))
    else:  # window smaller than the picture: the middle of it
        window.blit(pygame.transform.scale(screen, rect.size), rect)


_software_gl = False  # learned once per process by FlipWatch


class FlipWatch:
    """Times the CPU cost of the first presents after the window (re)opens."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.count, self.cpu = 0, 0.0

    def flip(self, settings) -> bool:
        """Flip; True when the window should be reopened without acceleration."""
        global _software_gl
        start = time.process_time()
        pygame.display.flip()
        if not settings.vsync or _software_gl or self.count >= WATCHED_FLIPS:
            return False
        self.count += 1
        self.cpu += time.process_time() - start
        if self.count == WATCHED_FLIPS and self.cpu * 1000 / self.count > SLOW_FLIP_MS:
            _software_gl = True
            return True
        return False


def frame_cap(settings) -> int:
    """Frames per second for `Clock.tick` (0: no cap)."""
    return 0 if settings.frame_cap == "uncapped" else int(settings.frame_cap)


def is_fullscreen_toggle(event: pygame.event.Event) -> bool:
    if event.key == pygame.K_F11:
        return True
    return event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and bool(
        getattr(event, "mod", 0) & pygame.KMOD_ALT)
