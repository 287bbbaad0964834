"""Build plots read as plots: every free plot in view carries the amber build mark, a
decorative glow tile (fountain, lamp, glowing wall) never does, and a plot with a node on
it loses its mark."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.level.data import GID_MASK
from game.render.plots import PLUS, free_plots
from game.render.world_view import WorldView
from game.sim.constants import TILE_PX
from game.sim.world import Simulation

VIEW = (640, 360)


@pytest.fixture
def level1(campaign_sim):
    return campaign_sim("01_scavengers_dawn.tmx")


def draw(sim: Simulation, offset: tuple[int, int]) -> pygame.Surface:
    surf = pygame.Surface(VIEW)
    WorldView(sim).draw(surf, offset, 0)
    return surf


def marked(surf: pygame.Surface, offset: tuple[int, int], tx: int, ty: int) -> bool:
    """The amber plus sits at the tile's centre."""
    x, y = tx * TILE_PX + TILE_PX // 2 - 1 - offset[0], ty * TILE_PX + TILE_PX // 2 - 1 - offset[1]
    return tuple(surf.get_at((x, y)))[:3] == PLUS


def in_view(offset, tx, ty) -> bool:
    x, y = tx * TILE_PX - offset[0], ty * TILE_PX - offset[1]
    return 0 <= x <= VIEW[0] - TILE_PX and 0 <= y <= VIEW[1] - TILE_PX


def glow_tiles(sim: Simulation) -> set[tuple[int, int]]:
    """Tiles whose tileset gives them a glow but that are no build plot."""
    level = sim.level
    out = set()
    for layer in level.layers:
        for ty, tx in zip(*np.nonzero(layer.gids), strict=True):
            gid = int(layer.gids[ty, tx])
            ts = level.tileset_for(gid)
            if ts is not None and (gid & GID_MASK) - ts.firstgid in ts.glow \
                    and not level.buildable[ty, tx]:
                out.add((int(tx), int(ty)))
    return out


def test_free_plots_are_marked_and_decorative_glow_is_not(level1):
    offset = (150, 100)  # level 1's plaza: plots, the fountain and the lamps in one view
    surf = draw(level1, offset)
    plots = [(int(x), int(y)) for y, x in zip(*np.nonzero(free_plots(level1)), strict=True)
             if in_view(offset, x, y)]
    glows = [t for t in glow_tiles(level1) if in_view(offset, *t)]
    assert len(plots) >= 8 and len(glows) >= 4, "the view holds plots and lamps"
    assert all(marked(surf, offset, *t) for t in plots)
    # nowhere in a decorative glow tile is the build mark's amber
    for tx, ty in glows:
        rect = pygame.Rect(tx * TILE_PX - offset[0], ty * TILE_PX - offset[1], TILE_PX, TILE_PX)
        sub = surf.subsurface(rect)
        assert all(tuple(sub.get_at((x, y)))[:3] != PLUS
                   for x in range(TILE_PX) for y in range(TILE_PX)), (tx, ty)


def test_a_built_plot_loses_its_mark(level1):
    ty, tx = (int(v[0]) for v in np.nonzero(free_plots(level1)))
    offset = (max(0, tx * TILE_PX - 300), max(0, ty * TILE_PX - 150))
    assert marked(draw(level1, offset), offset, tx, ty)
    level1.grid.place_structure(tx, ty)  # what a finished node does to its tile
    assert not marked(draw(level1, offset), offset, tx, ty)
