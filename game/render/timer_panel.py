"""The speedrun timer panel (top right of the HUD): level IGT, live delta vs PB,
campaign IGT, real time, and a PRACTICE/CUSTOM tag. Each line can be hidden by a
setting (`game.settings`); `game.speedrun.run.Run.timer_view` decides what to show."""

from __future__ import annotations

import pygame

from game.render import palette
from game.render.font import BitmapFont
from game.render.images import icon
from game.render.widgets import panel
from game.speedrun.timefmt import format_ticks
from game.speedrun.timer import TimerView, format_delta, format_ms

AHEAD = (96, 214, 120)  # green: faster than the PB
BEHIND = palette.UI_BAD


def delta_color(delta: int) -> tuple[int, int, int]:
    return AHEAD if delta <= 0 else BEHIND


def draw_timer_panel(target: pygame.Surface, font: BitmapFont, view: TimerView,
                     right: int, top: int) -> pygame.Rect:
    """Draw the panel with its top-right corner at (right, top); returns its rect."""
    big = format_ticks(view.level_ticks) if view.level_ticks is not None else None
    small: list[tuple[str, str, tuple[int, int, int]]] = []  # label, value, colour
    if view.delta_ticks is not None:
        color = delta_color(view.delta_ticks) if view.delta_final else BEHIND
        small.append(("PB", format_delta(view.delta_ticks), color))
    if view.campaign_ticks is not None:
        if big is None:
            big = format_ticks(view.campaign_ticks)
        else:
            small.append(("Campaign", format_ticks(view.campaign_ticks), palette.UI_TEXT))
    if view.rta_ms is not None:
        small.append(("RTA", format_ms(view.rta_ms), palette.UI_DIM))
    if view.label:
        small.append(("", view.label, palette.UI_ACCENT))
    if big is None and not small:
        return pygame.Rect(right, top, 0, 0)
    lh = font.line_height
    if big and len(small) <= 2:  # one row, the height of the HUD's top bar
        return _one_row(target, font, big, small, right, top)
    width = max([font.size(big, 2)[0] + 16 if big else 0] +
                [font.size(f"{label} {value}")[0] + 8 for label, value, _ in small])
    height = (22 if big else 2) + len(small) * lh + 4
    rect = pygame.Rect(right - width - 6, top, width + 6, height)
    panel(target, rect)
    y = rect.y + 4
    if big:
        target.blit(icon("clock"), (rect.x + 5, y + 5))
        font.draw(target, big, (rect.right - 4, y), palette.UI_TEXT, scale=2,
                  shadow=(0, 0, 0), align="right")
        y += 20
    for label, value, color in small:
        if label:
            font.draw(target, label, (rect.x + 5, y), palette.UI_DIM, shadow=(0, 0, 0))
        font.draw(target, value, (rect.right - 4, y), color, shadow=(0, 0, 0), align="right")
        y += lh
    return rect


def _one_row(target, font: BitmapFont, big: str, small, right: int,
             top: int) -> pygame.Rect:
    """The big time with up to two small lines stacked on its left."""
    lines = [f"{label} {value}".strip() for label, value, _ in small]
    small_w = max((font.size(line)[0] for line in lines), default=0)
    big_w = font.size(big, 2)[0]
    width = 5 + 10 + (small_w + 6 if small_w else 0) + big_w + 5
    rect = pygame.Rect(right - width, top, width, 26)
    panel(target, rect)
    target.blit(icon("clock"), (rect.x + 5, rect.y + 9))
    y = rect.y + (8 if len(small) == 1 else 3)
    for label, value, color in small:
        x = rect.x + 16
        if label:
            x = font.draw(target, label, (x, y), palette.UI_DIM, shadow=(0, 0, 0)).right + 4
        font.draw(target, value, (x, y), color, shadow=(0, 0, 0))
        y += font.line_height + 1
    font.draw(target, big, (rect.right - 5, rect.y + 4), palette.UI_TEXT, scale=2,
              shadow=(0, 0, 0), align="right")
    return rect
