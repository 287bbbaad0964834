"""Level 2's actors for the world view: Guild depots (with what they still want) and
Talin's corporate collectors (with what they carry). Read-only, like all drawing."""

from __future__ import annotations

from functools import cache

import pygame

from game.render import palette
from game.render.font import BitmapFont
from game.render.images import icon, sheet
from game.sim.components import Collector, Depot, Position
from game.sim.constants import SUBPX, TILE_PX
from game.sim.world import Simulation

Sprite = tuple[int, pygame.Surface, tuple[int, int]]
Light = tuple[int, int, int, tuple[int, int, int]]
DEPOT_COLUMN = 0  # structures.png: 0 Guild depot
DEPOT_GLOW = (20, 60, 90)
DEPOT_DONE_GLOW = (30, 90, 60)
CORPORATE = (230, 236, 244)  # cold white, the collectors' load
HUD_TOP = 50  # the objective and the clock cover the screen's top above this


@cache
def _font() -> BitmapFont:
    return BitmapFont.load()


class StoryView:
    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self.structures = sheet("structures", 16, 24)
        self.collector = sheet("collector", 16, 24)
        self.labels: list[pygame.Rect] = []  # the depots' counters drawn last frame

    def sprites(self, offset: tuple[int, int], time_ms: int) -> tuple[list[Sprite], list[Light]]:
        ox, oy = offset
        sprites: list[Sprite] = []
        lights: list[Light] = []
        for _, (depot, _pos) in self.sim.query(Depot, Position):
            done = depot.delivered >= depot.demand
            img = self.structures[1 if done else 0][DEPOT_COLUMN]
            x, y = depot.tx * TILE_PX, depot.ty * TILE_PX
            sprites.append((y + TILE_PX, img, (x - ox, y - 8 - oy)))
            lights.append((x + 8 - ox, y + 2 - oy, 18, DEPOT_DONE_GLOW if done else DEPOT_GLOW))
        for eid, (col, pos) in self.sim.query(Collector, Position):
            walking = col.step_tx >= 0
            frame = 1 + (time_ms // 130 + eid) % 3 if walking else 0
            img = self.collector[col.facing][frame]
            x, y = pos.x // SUBPX, pos.y // SUBPX
            bottom = y + 3
            sprites.append((bottom, img, (x - 8 - ox, bottom - 24 - oy)))
        return sprites, lights

    def overlay(self, target: pygame.Surface, offset: tuple[int, int],
                keep_clear: pygame.Rect | None = None) -> None:
        """What each depot still wants, above it; a collector's load above its head. A
        counter never sits on `keep_clear` (Elara on screen): with her just north of the
        depot it goes below it, else beside it."""
        ox, oy = offset
        font = _font()
        self.labels = []
        for _, (depot, _pos) in self.sim.query(Depot, Position):
            done = depot.delivered >= depot.demand
            text = f"{min(depot.delivered, depot.demand)}/{depot.demand}"
            x, y = depot.tx * TILE_PX - ox, depot.ty * TILE_PX - oy
            box = _counter_box(x, y, font.size(text)[0] + 14, keep_clear)
            self.labels.append(box)
            plate = pygame.Surface(box.size, pygame.SRCALPHA)
            plate.fill((*palette.UI_PANEL, 200))
            target.blit(plate, box)
            target.blit(icon(depot.accepts), (box.x + 2, box.y + 2))
            font.draw(target, text, (box.x + 12, box.y + 1),
                      palette.UI_GOOD if done else palette.UI_TEXT)
        for _, (col, pos) in self.sim.query(Collector, Position):
            if col.carry:
                x, y = pos.x // SUBPX - ox, pos.y // SUBPX - oy
                for i in range(col.carry):
                    pygame.draw.rect(target, CORPORATE, (x - 4 + i * 3, y - 26, 2, 2))


def _counter_box(x: int, y: int, w: int, keep_clear: pygame.Rect | None) -> pygame.Rect:
    """A depot counter's place for the depot tile at screen (x, y): above the sprite
    (which stands 8 px into the tile above), below the tile, then left or right of it;
    the first clear of the HUD's top and of `keep_clear`."""
    cx = x + TILE_PX // 2
    places = [(cx - w // 2, y - 20), (cx - w // 2, y + TILE_PX + 2),
              (x - w - 2, y + 2), (x + TILE_PX + 2, y + 2)]
    boxes = [pygame.Rect(px, py, w, 11) for px, py in places]
    clear = [b for b in boxes if b.top >= HUD_TOP] or boxes[1:]
    return next((b for b in clear if keep_clear is None or not b.colliderect(keep_clear)),
                clear[0])
