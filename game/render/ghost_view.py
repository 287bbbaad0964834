"""The ghost: a translucent Elara where the raced replay's Elara is this tick."""

from __future__ import annotations

import pygame

from game.speedrun.ghost import GhostPose

GHOST_ALPHA = 110


def draw_ghost(target: pygame.Surface, elara: list[list[pygame.Surface]], pose: GhostPose,
               hitbox_h: int, offset: tuple[int, int], time_ms: int) -> None:
    frame = 1 + (time_ms // 120) % 3 if pose.moving else 0
    img = elara[pose.facing][frame].copy()
    img.set_alpha(GHOST_ALPHA if not pose.done else GHOST_ALPHA // 2)
    bottom = pose.y + hitbox_h // 2
    target.blit(img, (pose.x - 8 - offset[0], bottom - 24 - offset[1]))
