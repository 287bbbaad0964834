"""A map's thumbnail for the Custom maps screen, drawn by the game from the level: one
pixel per tile in the tile's average colour (the top visible tile wins), the spawn and
waste marked, scaled to fit. Costs one numpy lookup per map, whatever its size."""

from __future__ import annotations

import numpy as np
import pygame

from game.level.data import GID_MASK, TILE_PX, LevelData, Tileset
from game.render import palette

BACKGROUND = (20, 24, 28)
MARKS = {"PlayerSpawn": (255, 196, 64), "Waste": (120, 220, 120), "MuralWall": (230, 90, 200),
         "DroneSpawn": (230, 70, 60), "Depot": (90, 170, 240)}


def _tile_colours(ts: Tileset, locals_: np.ndarray) -> dict[int, tuple[int, int, int]]:
    from game.render.images import load_image

    out: dict[int, tuple[int, int, int]] = {}
    try:
        if ts.image is not None:
            sheet = load_image(ts.image)
            cols = max(1, ts.columns)
            for local in locals_.tolist():
                x = ts.margin + (local % cols) * (ts.tile_width + ts.spacing)
                y = ts.margin + (local // cols) * (ts.tile_height + ts.spacing)
                rect = pygame.Rect(x, y, ts.tile_width, ts.tile_height)
                if sheet.get_rect().contains(rect):
                    out[local] = tuple(pygame.transform.average_color(sheet, rect)[:3])
        else:
            for local in locals_.tolist():
                path = ts.tile_images.get(local)
                if path is not None:
                    img = load_image(path)
                    out[local] = tuple(pygame.transform.average_color(img)[:3])
    except (pygame.error, OSError, ValueError):
        pass  # a missing or odd image: those tiles stay dark
    return out


def tile_colours(level: LevelData) -> np.ndarray:
    """(height, width, 3) uint8: the colour of each tile as seen from above."""
    grid = np.zeros((level.height, level.width, 3), np.uint8)
    grid[:] = BACKGROUND
    layers = [lay for lay in level.layers if lay.visible]
    if not layers:
        return grid
    gids = np.unique(np.concatenate([(lay.gids & GID_MASK).ravel() for lay in layers]))
    gids = gids[gids != 0]
    lut_keys, lut_vals = [], []
    for ts in level.tilesets:
        mine = gids[(gids >= ts.firstgid) & (gids < ts.firstgid + max(ts.tilecount, 1))]
        for local, colour in _tile_colours(ts, mine - ts.firstgid).items():
            lut_keys.append(ts.firstgid + local)
            lut_vals.append(colour)
    if not lut_keys:
        return grid
    keys = np.array(lut_keys, np.int64)
    vals = np.array(lut_vals, np.uint8)
    order = np.argsort(keys)
    keys, vals = keys[order], vals[order]
    for lay in layers:
        flat = (lay.gids & GID_MASK).astype(np.int64)
        idx = np.clip(np.searchsorted(keys, flat), 0, len(keys) - 1)
        hit = (flat != 0) & (keys[idx] == flat)
        grid[hit] = vals[idx[hit]]
    return grid


def thumbnail(level: LevelData, size: tuple[int, int]) -> pygame.Surface:
    """The level drawn to fit `size`, centred on a dark background."""
    grid = tile_colours(level)
    for obj in level.objects:
        colour = MARKS.get(obj.cls)
        if colour is None:
            continue
        x, y = int(obj.center[0] // TILE_PX), int(obj.center[1] // TILE_PX)
        if 0 <= x < level.width and 0 <= y < level.height:
            grid[y, x] = colour
    tiles = pygame.surfarray.make_surface(np.ascontiguousarray(grid.swapaxes(0, 1)))
    w, h = size
    scale = min(w / level.width, h / level.height)
    fit = (max(1, int(level.width * scale)), max(1, int(level.height * scale)))
    img = pygame.transform.scale(tiles, fit) if scale >= 1 else \
        pygame.transform.smoothscale(tiles, fit)
    out = pygame.Surface(size)
    out.fill(palette.UI_PANEL)
    out.blit(img, ((w - fit[0]) // 2, (h - fit[1]) // 2))
    return out
