"""A speech bubble over someone on the map: a translucent panel in the speaker's
colour with a small tail pointing down at them, kept inside the view and clear of the
HUD's rows; when they are out of view it waits at the edge with an arrow toward them."""

from __future__ import annotations

from functools import cache

import pygame

from game.render import palette
from game.render.font import BitmapFont
from game.render.widgets import panel

SAFE_TOP, SAFE_BOTTOM = 56, 48  # clear of the HUD's top and bottom rows
HUD_BAND = 80  # above this the HUD's top bar and civic strip sit


@cache
def _font() -> BitmapFont:
    return BitmapFont.load()


def bubble(target: pygame.Surface, text: str, x: int, y: int,
           colour: tuple[int, int, int], keep_clear: pygame.Rect | None = None
           ) -> pygame.Rect:
    """`text` in a bubble whose tail ends at screen (x, y); returns the panel's rect. The
    bubble never sits on `keep_clear` (Elara): it moves above, below or beside her."""
    font = _font()
    w, h = font.size(text)
    vw, vh = target.get_size()
    box = pygame.Rect(0, 0, w + 8, h + 5)
    box.midbottom = (x, y - 4)
    if box.y < HUD_BAND and 0 <= y < vh:  # under the HUD: speak from below instead
        box.top = y + 30
    m = 2 if 0 <= x < vw and 0 <= y < vh else 9  # room for the arrow when out of view
    safe = pygame.Rect(m, SAFE_TOP + m, vw - 2 * m, vh - SAFE_TOP - SAFE_BOTTOM - 2 * m)
    box.clamp_ip(safe)
    if keep_clear is not None and box.colliderect(keep_clear):
        k = keep_clear  # the nearest place above, below or beside it
        places = [box.move(0, k.top - 2 - box.bottom), box.move(0, k.bottom + 2 - box.top),
                  box.move(k.left - 2 - box.right, 0), box.move(k.right + 2 - box.left, 0)]
        for moved in places:
            moved.clamp_ip(safe)
        clear = [m for m in places if not m.colliderect(k)]
        if clear:
            box = min(clear, key=lambda m: abs(m.x - box.x) + abs(m.y - box.y))
    below = box.top > y and 0 <= y < vh  # speaking from below: the tail points up
    panel(target, box, alpha=215, border=colour)
    if below:
        tip = max(box.x + 4, min(box.right - 5, x))
        pygame.draw.polygon(target, colour, [(tip - 3, box.y), (tip + 3, box.y),
                                             (tip, box.y - 4)])
    elif 0 <= x < vw and 0 <= y < vh:
        tip = max(box.x + 4, min(box.right - 5, x))
        pygame.draw.polygon(target, colour, [(tip - 3, box.bottom - 1),
                                             (tip + 3, box.bottom - 1),
                                             (tip, min(box.bottom + 3, y))])
    else:  # the speaker is out of view: an arrow on the bubble's side toward them
        dx, dy = x - box.centerx, y - box.centery
        if abs(dx) * box.height > abs(dy) * box.width:
            sx = box.right + 1 if dx > 0 else box.x - 2
            d = 5 if dx > 0 else -5
            pts = [(sx, box.centery - 4), (sx, box.centery + 4), (sx + d, box.centery)]
        else:
            sy = box.bottom + 1 if dy > 0 else box.y - 2
            d = 5 if dy > 0 else -5
            pts = [(box.centerx - 4, sy), (box.centerx + 4, sy), (box.centerx, sy + d)]
        pygame.draw.polygon(target, colour, pts)
    font.draw(target, text, (box.x + 4, box.y + 3), palette.UI_TEXT)
    return box
