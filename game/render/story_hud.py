"""The level clock on the HUD (levels with `time_limit_seconds`): time left beside the
objective, amber, then red and blinking in the last 30 seconds."""

from __future__ import annotations

import pygame

from game.render import palette
from game.render.font import BitmapFont
from game.render.images import icon
from game.render.widgets import panel
from game.sim.constants import TICK_RATE
from game.sim.objectives.deliver import time_limit_ticks
from game.sim.world import Simulation

WARN_TICKS = 30 * TICK_RATE
TOP = 8  # in the top bar, beside the objective


def clock_text(ticks_left: int) -> str:
    seconds = max(0, ticks_left + TICK_RATE - 1) // TICK_RATE  # 0:00 only when it is out
    return f"{seconds // 60}:{seconds % 60:02d} left"


def draw_story_hud(target: pygame.Surface, font: BitmapFont, sim: Simulation,
                   time_ms: int, x: int) -> pygame.Rect | None:
    """Draws the clock at `x` in the top bar when the level has one; returns its rect."""
    limit = time_limit_ticks(sim.level)
    if not limit:
        return None
    left = limit - sim.igt_ticks
    text = clock_text(left)
    warn = left <= WARN_TICKS
    w = font.size(text)[0] + 22
    rect = pygame.Rect(x, TOP, w, 14)
    panel(target, rect, border=palette.UI_BAD if warn else palette.UI_ACCENT)
    target.blit(icon("clock"), (rect.x + 5, rect.y + 3))
    color = palette.UI_BAD if warn else palette.UI_ACCENT
    if warn and sim.outcome == "playing" and (time_ms // 400) % 2:
        color = palette.UI_TEXT
    font.draw(target, text, (rect.x + 16, rect.y + 2), color, shadow=(0, 0, 0))
    return rect
