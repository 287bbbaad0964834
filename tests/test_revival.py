"""A district comes back to life as its support rises: its ground goes from grey to full
colour, its planters and roof gardens bloom and its lamps come on, all read from the
simulation's support (the drawing never changes it)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.content.civic import PERCENT
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.render.revival import MIN_LIGHT
from game.render.world_view import WorldView
from game.sim.civic import District
from game.sim.constants import TILE_PX
from game.sim.world import Simulation

VIEW = (640, 360)


@pytest.fixture
def coop(campaign_sim):
    return campaign_sim("05_the_coop.tmx")


def set_support(sim: Simulation, percent: int) -> None:
    for _, d in sim.query(District):
        d.support = percent * PERCENT


def saturation(surf: pygame.Surface, mask: np.ndarray) -> float:
    """Mean (max - min) of the RGB channels over the masked pixels."""
    rgb = pygame.surfarray.array3d(surf).transpose(1, 0, 2).astype(int)
    spread = rgb.max(axis=2) - rgb.min(axis=2)
    return float(spread[mask].mean())


def district_pixels(view: WorldView, index: int, offset) -> np.ndarray:
    """Screen pixels (y, x) over tiles of district `index` that nothing is drawn on."""
    layout = view.civic.revival.layout
    tiles = np.repeat(np.repeat(layout.index == index, TILE_PX, 0), TILE_PX, 1)
    ox, oy = offset
    out = np.zeros((VIEW[1], VIEW[0]), dtype=bool)  # the view may reach past the map
    part = tiles[oy:oy + VIEW[1], ox:ox + VIEW[0]]
    out[:part.shape[0], :part.shape[1]] = part
    return out


def test_colour_returns_with_support(coop):
    view, offset = WorldView(coop), (150, 100)
    sats = []
    for percent in (0, 50, 100):
        set_support(coop, percent)
        surf = pygame.Surface(VIEW)
        view.draw(surf, offset, 0)
        sats.append(saturation(surf, district_pixels(view, 1, offset)))
    assert sats[0] < 20, "a district at 0 % is drained to grey (its sprites keep colour)"
    assert sats[0] + 5 < sats[1] < sats[2] - 5, sats


def test_only_the_district_with_support_gets_its_colour(coop):
    view, offset = WorldView(coop), (150, 100)
    set_support(coop, 0)
    for _, d in coop.query(District):
        if d.index == 1:
            d.support = 100 * PERCENT
    surf = pygame.Surface(VIEW)
    view.draw(surf, offset, 0)
    assert saturation(surf, district_pixels(view, 1, offset)) > \
        saturation(surf, district_pixels(view, 0, offset)) + 15


def test_planters_bloom_and_lamps_come_on(coop):
    revival = WorldView(coop).civic.revival
    assert revival.planters, "the co-op has planters and roof gardens in its districts"
    set_support(coop, 10)
    assert revival.sprites((0, 0), 0) == ([], []), "nothing blooms in a grey district"
    set_support(coop, 50)
    some, lit = revival.sprites((0, 0), 0)
    set_support(coop, 100)
    full, lights = revival.sprites((0, 0), 0)
    assert len(some) == len(full) == len(revival.planters) and not lit and lights
    assert some[0][1] is not full[0][1], "a full bloom looks richer than the first one"
    # a lamp in a district: barely lit at 0 %, full at 100 %; a build plot always shines
    tx, ty, _ = revival.planters[0]
    for percent, want in ((0, MIN_LIGHT), (100, 1.0)):
        set_support(coop, percent)
        steps = revival.steps()
        assert revival.light_scale(tx * TILE_PX, ty * TILE_PX, (0, 0), steps) == \
            pytest.approx(want)
    py, px = (int(v[0]) for v in np.nonzero(coop.grid.buildable))
    set_support(coop, 0)
    assert revival.light_scale(px * TILE_PX, py * TILE_PX, (0, 0), revival.steps()) == 1.0


def test_the_mask_is_cached_between_frames(coop):
    view = WorldView(coop)
    surf = pygame.Surface(VIEW)
    view.draw(surf, (0, 0), 0)
    mask = view.civic.revival._masks
    view.draw(surf, (16, 0), 100)
    assert view.civic.revival._masks is mask, "same support: the mask is not rebuilt"
    for _, d in coop.query(District):
        if d.index == 0:
            d.support = 60 * PERCENT
    view.draw(surf, (16, 0), 200)
    assert view.civic.revival._masks is not mask


def test_one_grade_for_the_whole_city_needs_no_mask():
    """Level 4: one district, the whole map: drawn without the mask, graded all the same."""
    sim = Simulation(load_level(CAMPAIGN_DIR / "04_confrontation.tmx"))
    view = WorldView(sim)
    assert view.civic.revival.uniform
    everywhere = np.ones((VIEW[1], VIEW[0]), dtype=bool)
    sats = []
    for percent in (0, 50, 100):
        set_support(sim, percent)
        surf = pygame.Surface(VIEW)
        view.draw(surf, (64, 0), 0)
        sats.append(saturation(surf, everywhere))
    assert sats[0] + 5 < sats[1] < sats[2] - 5, sats
    assert view.civic.revival._masks is None
    sim.close()


def test_levels_without_districts_are_untouched():
    sim = Simulation(load_level(CAMPAIGN_DIR / "01_scavengers_dawn.tmx"))
    revival = WorldView(sim).civic.revival
    assert revival.steps() == () and revival.sprites((0, 0), 0) == ([], [])
    sim.close()
