"""Loading images and cutting sprite sheets; converted for fast blits when a display
exists (headless tools and tests also load them without one)."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pygame

from game.fileio import read_capped
from game.level import png
from game.paths import asset


class ImageRefused(pygame.error):
    """An image that is not a regular file, too big, or not a sound PNG: refused before
    SDL decodes it (a pygame.error, so callers that tolerate a broken image still do)."""


def load_image(path: Path) -> pygame.Surface:
    """A PNG checked whole first (game.level.png: real size from its header, capped),
    read as a regular file with a size cap, then decoded."""
    try:
        data = read_capped(path, png.MAX_IMAGE_BYTES)
        png.inspect(data)
    except FileNotFoundError:
        raise
    except (OSError, png.PngError) as exc:
        raise ImageRefused(f"{path}: {exc.strerror if isinstance(exc, OSError) else exc}") \
            from None
    image = pygame.image.load(io.BytesIO(data), Path(path).name)
    if pygame.display.get_surface() is not None:
        image = image.convert_alpha()
    return image


@cache
def sheet(name: str, frame_w: int, frame_h: int) -> tuple[tuple[pygame.Surface, ...], ...]:
    """assets/sprites/<name>.png cut into rows of frames."""
    image = load_image(asset("sprites", f"{name}.png"))
    rows = []
    for y in range(0, image.get_height() - frame_h + 1, frame_h):
        rows.append(tuple(image.subsurface((x, y, frame_w, frame_h))
                          for x in range(0, image.get_width() - frame_w + 1, frame_w)))
    return tuple(rows)


@cache
def icons() -> tuple[pygame.Surface, ...]:
    return sheet("icons", 8, 8)[0]


ICON_INDEX = {
    "organic": 0, "polymer": 1, "alloy": 2, "biomass": 3, "pigment": 4, "spark": 5,
    "clock": 6, "flag": 7, "bag": 8, "heart": 9, "hammer": 10, "cost": 11,
}


def icon(name: str) -> pygame.Surface:
    return icons()[ICON_INDEX[name]]


@cache
def glow(radius: int, color: tuple[int, int, int]) -> pygame.Surface:
    """The soft glow sprite, tinted and sized, for additive blending (BLEND_RGB_ADD)."""
    base = pygame.image.load(str(asset("sprites", "glow.png")))
    plain = pygame.Surface(base.get_size())
    plain.blit(base, (0, 0))
    surf = pygame.transform.smoothscale(plain, (radius * 2, radius * 2))
    surf.fill(color, special_flags=pygame.BLEND_RGB_MULT)
    return surf
