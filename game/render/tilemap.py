"""Tile layers pre-rendered into chunk surfaces once; animated tiles and glows per frame.

Static tiles cost one blit per visible chunk. Animated tiles are left out of the chunks
and drawn on top each frame with the frame of the current time (so they draw above
static tiles of the same cell; map makers: keep animated tiles on the top layer).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from game.level.data import FLIP_D, FLIP_H, FLIP_V, GID_MASK, LevelData, Tileset
from game.render.images import load_image

CHUNK_TILES = 16
SHADOW = (18, 22, 38, 70)  # rgba of the down-right shadow that tall tiles cast


@dataclass(slots=True)
class AnimatedCell:
    px: int
    py: int
    frames: tuple[tuple[pygame.Surface, int], ...]
    period: int


class TileImages:
    """Tiled gid (with flip bits) → surface, for every tileset of a level."""

    def __init__(self, level: LevelData) -> None:
        self.level = level
        self._sheets: dict[int, pygame.Surface | None] = {}
        self._cache: dict[int, pygame.Surface | None] = {}

    def _sheet(self, ts: Tileset) -> pygame.Surface | None:
        if ts.firstgid not in self._sheets:
            try:
                self._sheets[ts.firstgid] = load_image(ts.image) if ts.image else None
            except (pygame.error, FileNotFoundError):
                self._sheets[ts.firstgid] = None
        return self._sheets[ts.firstgid]

    def local(self, ts: Tileset, local: int) -> pygame.Surface | None:
        return self.get(ts.firstgid + local)

    def get(self, gid: int) -> pygame.Surface | None:
        if gid in self._cache:
            return self._cache[gid]
        image = None
        ts = self.level.tileset_for(gid)
        if ts is not None:
            local = (gid & GID_MASK) - ts.firstgid
            if local in ts.tile_images:
                try:
                    image = load_image(ts.tile_images[local])
                except (pygame.error, FileNotFoundError):
                    image = None
            else:
                sheet = self._sheet(ts)
                if sheet is not None and ts.columns > 0:
                    x = (local % ts.columns) * ts.tile_width
                    y = (local // ts.columns) * ts.tile_height
                    if x + ts.tile_width <= sheet.get_width() and \
                            y + ts.tile_height <= sheet.get_height():
                        image = sheet.subsurface((x, y, ts.tile_width, ts.tile_height))
            if image is not None and gid & (FLIP_H | FLIP_V | FLIP_D):
                image = _flipped(image, gid)
        self._cache[gid] = image
        return image


def _flipped(image: pygame.Surface, gid: int) -> pygame.Surface:
    if gid & FLIP_D:  # anti-diagonal flip = transpose
        image = pygame.transform.flip(pygame.transform.rotate(image, -90), True, False)
    return pygame.transform.flip(image, bool(gid & FLIP_H), bool(gid & FLIP_V))


class TileMapRenderer:
    def __init__(self, level: LevelData) -> None:
        self.level = level
        self.images = TileImages(level)
        self.tile = level.tile_size
        self.animated: list[AnimatedCell] = []
        self.glows: list[tuple[int, int, tuple[int, int, int]]] = []
        self.chunks: dict[tuple[int, int], pygame.Surface] = {}
        self._animated_mask = np.zeros((len(level.layers), level.height, level.width), bool)
        self._find_animated()
        self._bake()

    def _find_animated(self) -> None:
        t = self.tile
        for li, layer in enumerate(self.level.layers):
            if not layer.visible:
                continue
            for gid in np.unique(layer.gids):
                gid = int(gid)
                ts = self.level.tileset_for(gid) if gid else None
                local = (gid & GID_MASK) - ts.firstgid if ts else -1
                if ts is None or local not in ts.animations:
                    continue
                frames = tuple(
                    (img, ms) for img, ms in
                    ((self.images.local(ts, fid), ms) for fid, ms in ts.animations[local])
                    if img is not None and ms > 0
                )
                if not frames:
                    continue
                period = sum(ms for _, ms in frames)
                ys, xs = np.nonzero(layer.gids == gid)
                self._animated_mask[li, ys, xs] = True
                for y, x in zip(ys.tolist(), xs.tolist(), strict=True):
                    self.animated.append(AnimatedCell(x * t, y * t, frames, period))
        self.animated.sort(key=lambda a: (a.py, a.px))

    def _bake(self) -> None:
        t, lv = self.tile, self.level
        cw = (lv.width + CHUNK_TILES - 1) // CHUNK_TILES
        ch = (lv.height + CHUNK_TILES - 1) // CHUNK_TILES
        shadow = pygame.Surface((t, t), pygame.SRCALPHA)
        shadow.fill((0, 0, 0, 0))
        shadow.fill(SHADOW, (0, 0, 3, t))  # on the left edge of the cell to the right
        shadow_below = pygame.Surface((t, 2), pygame.SRCALPHA)
        shadow_below.fill(SHADOW)
        tall = self._tall_mask()
        for cy in range(ch):
            for cx in range(cw):
                surf = pygame.Surface((CHUNK_TILES * t, CHUNK_TILES * t))
                surf.fill((24, 30, 28))
                x0, y0 = cx * CHUNK_TILES, cy * CHUNK_TILES
                x1, y1 = min(x0 + CHUNK_TILES, lv.width), min(y0 + CHUNK_TILES, lv.height)
                for li, layer in enumerate(lv.layers):
                    if not layer.visible:
                        continue
                    blits = []
                    for y in range(y0, y1):
                        row = layer.gids[y]
                        for x in range(x0, x1):
                            gid = int(row[x])
                            if not gid or self._animated_mask[li, y, x]:
                                continue
                            img = self.images.get(gid)
                            if img is not None:
                                blits.append((img, ((x - x0) * t, (y - y0) * t)))
                    surf.fblits(blits)
                    if li == 0:  # shadows fall on the ground, under everything above it
                        for y in range(y0, y1):
                            for x in range(x0, x1):
                                if x > 0 and tall[y, x - 1] and not tall[y, x]:
                                    surf.blit(shadow, ((x - x0) * t, (y - y0) * t))
                                if y > 0 and tall[y - 1, x] and not tall[y, x]:
                                    surf.blit(shadow_below, ((x - x0) * t, (y - y0) * t))
                self.chunks[(cx, cy)] = surf
        self._find_glows()

    def _tall_mask(self) -> np.ndarray:
        tall = np.zeros((self.level.height, self.level.width), bool)
        for layer in self.level.layers:
            for gid in np.unique(layer.gids):
                gid = int(gid)
                ts = self.level.tileset_for(gid) if gid else None
                if ts and (gid & GID_MASK) - ts.firstgid in ts.tall:
                    tall |= layer.gids == gid
        return tall

    def _find_glows(self) -> None:
        t = self.tile
        for layer in self.level.layers:
            for gid in np.unique(layer.gids):
                gid = int(gid)
                ts = self.level.tileset_for(gid) if gid else None
                color = ts.glow.get((gid & GID_MASK) - ts.firstgid) if ts else None
                if color is None:
                    continue
                ys, xs = np.nonzero(layer.gids == gid)
                for y, x in zip(ys.tolist(), xs.tolist(), strict=True):
                    self.glows.append((x * t + t // 2, y * t + t // 2, color))

    def draw(self, target: pygame.Surface, offset: tuple[int, int], time_ms: int) -> None:
        ox, oy = offset
        vw, vh = target.get_size()
        size = CHUNK_TILES * self.tile
        blits = []
        for cy in range(max(0, oy // size), (oy + vh) // size + 1):
            for cx in range(max(0, ox // size), (ox + vw) // size + 1):
                chunk = self.chunks.get((cx, cy))
                if chunk is not None:
                    blits.append((chunk, (cx * size - ox, cy * size - oy)))
        target.fblits(blits)
        t = self.tile
        anim = []
        for cell in self.animated:
            sx, sy = cell.px - ox, cell.py - oy
            if sx <= -t or sy <= -t or sx >= vw or sy >= vh:
                continue
            phase = time_ms % cell.period
            for img, ms in cell.frames:
                if phase < ms:
                    anim.append((img, (sx, sy)))
                    break
                phase -= ms
        target.fblits(anim)

    def visible_glows(self, offset: tuple[int, int], view: tuple[int, int], margin: int = 32):
        ox, oy = offset
        vw, vh = view
        for x, y, color in self.glows:
            if ox - margin <= x <= ox + vw + margin and oy - margin <= y <= oy + vh + margin:
                yield x - ox, y - oy, color
