"""The placement preview: the node ghost on the hovered tile, green when it can be
built, red when not, with the cost and the reason."""

from __future__ import annotations

import pygame

from game.content.text import t
from game.render import palette
from game.render.font import BitmapFont
from game.render.images import sheet
from game.render.widgets import icon_count, panel
from game.sim.constants import TILE_PX
from game.sim.world import Simulation


def refusal_text(sim: Simulation, reason: str, kind: str = "node") -> str:
    if reason == "unaffordable":
        missing = ", ".join(f"{n} {k}" for k, n in sorted(sim.missing_for(kind).items()))
        return t("refusal", reason, missing=missing)
    return t("refusal", reason)


STRUCTURE_COLUMN = {"workshop": 1, "barrier": 2, "emitter": 3}  # in structures.png


def draw_build_preview(target: pygame.Surface, font: BitmapFont, sim: Simulation,
                       tile: tuple[int, int], offset: tuple[int, int], time_ms: int,
                       kind: str = "node") -> None:
    tx, ty = tile
    ox, oy = offset
    problem = sim.placement_problem(kind, tx, ty)
    ok = problem is None
    color = palette.UI_GOOD if ok else palette.UI_BAD
    x, y = tx * TILE_PX - ox, ty * TILE_PX - oy
    if kind in STRUCTURE_COLUMN:
        ghost = sheet("structures", 16, 24)[0][STRUCTURE_COLUMN[kind]].copy()
    else:
        ghost = sheet("node", 16, 24)[0][0].copy()
    ghost.set_alpha(170 if ok else 90)
    target.blit(ghost, (x, y - 8))
    blink = 255 if (time_ms // 300) % 2 else 170
    frame = pygame.Surface((TILE_PX, TILE_PX), pygame.SRCALPHA)
    pygame.draw.rect(frame, (*color, blink), frame.get_rect(), 1)
    target.blit(frame, (x, y))
    # tooltip: cost, and why not
    cost = sim.rules.cost_of(kind)
    missing = sim.missing_for(kind)
    lines = [] if ok else [refusal_text(sim, problem, kind)]
    width = max([26 * len(cost) + 40] + [font.size(s)[0] + 10 for s in lines])
    rect = pygame.Rect(x + TILE_PX + 4, y - 10, width, 14 + font.line_height * len(lines))
    if rect.right > target.get_width():
        rect.right = x - 4
    rect.y = max(2, min(rect.y, target.get_height() - rect.height - 2))
    panel(target, rect, border=color)
    cx = font.draw(target, "Cost", (rect.x + 4, rect.y + 3), palette.UI_DIM).right + 4
    for kind, n in sorted(cost.items()):
        cx = icon_count(target, font, (cx, rect.y + 3), kind, str(n),
                        palette.UI_BAD if kind in missing else palette.UI_TEXT) + 6
    for i, line in enumerate(lines):
        font.draw(target, line, (rect.x + 4, rect.y + 13 + i * font.line_height), color)
