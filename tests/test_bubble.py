"""Speech bubbles on the map: over the speaker, below them under the HUD's strip, and at
the view's edge with an arrow toward a speaker out of view."""

from __future__ import annotations

import pygame

from game.render.bubble import HUD_BAND, SAFE_TOP, bubble

COLOUR = (255, 146, 190)
VIEW = (640, 360)


def arrow_pixels(surf: pygame.Surface, box: pygame.Rect) -> int:
    """Pixels in the bubble's colour outside its box (its tail or arrow)."""
    out = 0
    for x in range(max(0, box.x - 8), min(VIEW[0], box.right + 8)):
        for y in range(max(0, box.y - 8), min(VIEW[1], box.bottom + 8)):
            if not box.collidepoint(x, y) and tuple(surf.get_at((x, y)))[:3] == COLOUR:
                out += 1
    return out


def test_a_bubble_sits_over_its_speaker():
    surf = pygame.Surface(VIEW)
    box = bubble(surf, "Canal Row, stand with us!", 300, 250, COLOUR)
    assert box.bottom <= 250 and box.left < 300 < box.right
    assert arrow_pixels(surf, box) >= 3


def test_under_the_hud_strip_it_speaks_from_below():
    surf = pygame.Surface(VIEW)
    box = bubble(surf, "Clear the square.", 300, HUD_BAND - 10, COLOUR)
    assert box.top > HUD_BAND - 10 and box.top >= SAFE_TOP


def test_a_speaker_out_of_view_gets_an_arrow_at_the_edge():
    for x, y in ((-60, 200), (700, 200), (300, 500)):
        surf = pygame.Surface(VIEW)
        box = bubble(surf, "Elara! The streets are with you.", x, y, COLOUR)
        assert surf.get_rect().contains(box)
        assert arrow_pixels(surf, box) >= 6, (x, y)
