"""The minimap of a wave level: the whole map shrunk once, with the murals (by health),
the defences, every drone as a dot, Elara and the view's frame drawn on it each frame.
A click on it tells the camera where to look."""

from __future__ import annotations

import numpy as np
import pygame

from game.render import palette
from game.render.tilemap import TileMapRenderer
from game.render.widgets import panel
from game.sim.components import Mural, Position, Structure
from game.sim.constants import TILE, TILE_PX
from game.sim.swarm.components import Barrier, Emitter
from game.sim.world import Simulation

MAX_SIZE = (72, 40)  # the minimap fits in this box (logical pixels): the bottom bar
DRONE = palette.PALETTE["alarm_1"]
TURNED = palette.PALETTE["teal_3"]
ELARA = palette.PALETTE["steel_3"]
EMITTER = palette.PALETTE["teal_4"]
BARRIER = palette.PALETTE["moss_3"]


class Minimap:
    def __init__(self, sim: Simulation, tiles: TileMapRenderer) -> None:
        self.sim = sim
        lw, lh = sim.level.width, sim.level.height
        self.scale = min(MAX_SIZE[0] / lw, MAX_SIZE[1] / lh)  # minimap px per tile
        size = (max(1, round(lw * self.scale)), max(1, round(lh * self.scale)))
        world = pygame.Surface((lw * TILE_PX, lh * TILE_PX))
        tiles.draw(world, (0, 0), 0)
        self.base = pygame.transform.smoothscale(world, size)
        self.base.fill((150, 150, 160), special_flags=pygame.BLEND_RGB_MULT)  # recede
        self.rect = pygame.Rect(0, 0, *size)

    def place(self, bottomleft: tuple[int, int]) -> pygame.Rect:
        self.rect.bottomleft = bottomleft
        return self.rect.inflate(4, 4)

    def world_at(self, pos: tuple[int, int]) -> tuple[float, float] | None:
        """The world pixel under a logical screen point, or None off the minimap."""
        if not self.rect.collidepoint(pos):
            return None
        k = TILE_PX / self.scale
        return (pos[0] - self.rect.x + 0.5) * k, (pos[1] - self.rect.y + 0.5) * k

    def _at(self, sub_x: int, sub_y: int) -> tuple[int, int]:
        return (self.rect.x + int(sub_x * self.scale / TILE),
                self.rect.y + int(sub_y * self.scale / TILE))

    def draw(self, target: pygame.Surface, view: pygame.Rect, time_ms: int) -> None:
        """`view`: the camera's view in world pixels."""
        panel(target, self.rect.inflate(4, 4), alpha=230)
        target.blit(self.base, self.rect)
        sim = self.sim
        for _, (st, _b) in sim.query(Structure, Barrier):
            target.fill(BARRIER, (*self._at(st.tx * TILE, st.ty * TILE), 2, 2))
        for _, (st, _e) in sim.query(Structure, Emitter):
            target.fill(EMITTER, (*self._at(st.tx * TILE, st.ty * TILE), 2, 2))
        s = sim.conf.swarm
        if len(s):
            xs = (s.x.astype(np.int64) * self.scale / TILE).astype(np.int32) + self.rect.x
            ys = (s.y.astype(np.int64) * self.scale / TILE).astype(np.int32) + self.rect.y
            for turned in (False, True):
                pick = (s.turned > 0) == turned
                if pick.any():  # one dot per occupied minimap pixel, not per drone
                    dots = np.unique(np.stack([xs[pick], ys[pick]], axis=1), axis=0)
                    color = TURNED if turned else DRONE
                    target.fblits([(self._dot(color), (int(x), int(y))) for x, y in dots])
        blink = (time_ms // 250) % 2
        for _, (m, pos) in sim.query(Mural, Position):
            if m.health <= 0:
                continue
            hurt = m.health < m.max_health
            color = palette.UI_BAD if hurt and blink else palette.UI_ACCENT
            x, y = self._at(pos.x, pos.y)
            r = 3 if m.great else 2
            pygame.draw.rect(target, color, (x - r, y - r, 2 * r, 2 * r))
            pygame.draw.rect(target, palette.UI_SHADOW, (x - r - 1, y - r - 1, 2 * r + 2,
                                                         2 * r + 2), 1)
        pos = sim.player()[1]
        x, y = self._at(pos.x, pos.y)
        target.fill(palette.UI_SHADOW, (x - 2, y - 2, 4, 4))
        target.fill(ELARA, (x - 1, y - 1, 2, 2))
        k = self.scale / TILE_PX
        frame = pygame.Rect(self.rect.x + round(view.x * k), self.rect.y + round(view.y * k),
                            round(view.width * k), round(view.height * k))
        pygame.draw.rect(target, palette.UI_TEXT, frame.clip(self.rect), 1)

    _DOTS: dict[tuple[int, int, int], pygame.Surface] = {}

    @classmethod
    def _dot(cls, color: tuple[int, int, int]) -> pygame.Surface:
        if color not in cls._DOTS:
            dot = pygame.Surface((1, 1))
            dot.fill(color)
            cls._DOTS[color] = dot
        return cls._DOTS[color]
