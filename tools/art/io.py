"""Saving canvases as PNG with pygame (SDL_VIDEODRIVER=dummy is set by gen_assets)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from .canvas import Canvas


def to_surface(c: Canvas) -> pygame.Surface:
    return pygame.image.frombuffer(np.ascontiguousarray(c.a).tobytes(), (c.w, c.h), "RGBA").copy()


def save_png(c: Canvas, path: Path, alpha: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    surf = to_surface(c)
    if not alpha:
        rgb = pygame.Surface((c.w, c.h), depth=24)
        rgb.blit(surf, (0, 0))
        surf = rgb
    pygame.image.save(surf, str(path))


def scaled(c: Canvas, k: int) -> Canvas:
    out = Canvas(c.w * k, c.h * k)
    out.a = np.repeat(np.repeat(c.a, k, axis=0), k, axis=1)
    return out
