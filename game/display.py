"""The window: opening it (fullscreen, vsync, icon, high-DPI), fitting the 640×360 picture
into it, and the frame cap. The app calls these; the settings say which."""

from __future__ import annotations

import os

import pygame

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
    flags = window_flags(settings)
    mode = (0, 0) if settings.fullscreen else size
    try:  # vsync is honoured where SDL can (it may also refuse: then the cap paces)
        return pygame.display.set_mode(mode, flags, vsync=int(settings.vsync))
    except pygame.error:
        return pygame.display.set_mode(mode, flags)


def reopen(window: pygame.Surface, settings) -> pygame.Surface:
    """The same window in the mode the settings ask for (fullscreen or a window)."""
    from game.app import DEFAULT_WINDOW

    was_full = bool(window.get_flags() & pygame.FULLSCREEN)
    size = DEFAULT_WINDOW if was_full else window.get_size()
    return _set_mode(size, settings)


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


def frame_cap(settings) -> int:
    """Frames per second for `Clock.tick` (0: no cap)."""
    return 0 if settings.frame_cap == "uncapped" else int(settings.frame_cap)


def is_fullscreen_toggle(event: pygame.event.Event) -> bool:
    if event.key == pygame.K_F11:
        return True
    return event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and bool(
        getattr(event, "mod", 0) & pygame.KMOD_ALT)
