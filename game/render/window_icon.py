"""The window's icon, made from the game's own art: a working Waste-to-Life node on the
glow it casts, on the title screen's dark panel colour, 32×32."""

from __future__ import annotations

import pygame

from game.paths import asset
from game.render import palette

SIZE = 32


def window_icon() -> pygame.Surface:
    icon = pygame.Surface((SIZE, SIZE), pygame.SRCALPHA)
    pygame.draw.rect(icon, (*palette.UI_PANEL, 255), icon.get_rect(), border_radius=6)
    glow = pygame.image.load(str(asset("sprites", "glow.png")))
    icon.blit(pygame.transform.smoothscale(glow, (SIZE, SIZE)), (0, 0),
              special_flags=pygame.BLEND_RGBA_ADD)
    node = pygame.image.load(str(asset("sprites", "node.png")))
    frame = node.subsurface((0, 24, 16, 24))  # the working row: it glows
    sprite = pygame.transform.scale(frame, (16, 24))
    cropped = sprite.subsurface(sprite.get_bounding_rect())
    scale = min(28 / cropped.get_width(), 28 / cropped.get_height())
    big = pygame.transform.scale_by(cropped, max(1, int(scale)))
    icon.blit(big, big.get_rect(center=(SIZE // 2, SIZE // 2)))
    pygame.draw.rect(icon, (*palette.UI_GOOD, 255), icon.get_rect(), 1, border_radius=6)
    return icon
