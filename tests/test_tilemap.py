"""The tile renderer: a scrolled, animated buffer draws exactly what a fresh one draws, and
what it keeps does not grow with the map."""

from __future__ import annotations

import os

import numpy as np
import pygame
import pytest

from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.render.tilemap import TileMapRenderer

LEVEL1 = CAMPAIGN_DIR / "01_scavengers_dawn.tmx"
VIEW = (640, 360)


@pytest.fixture(scope="module", autouse=True)
def display():
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    pygame.display.init()
    pygame.display.set_mode((1, 1))
    yield


def frame(renderer: TileMapRenderer, cam, time_ms: int) -> np.ndarray:
    target = pygame.Surface(VIEW)
    renderer.draw(target, cam, time_ms)
    return pygame.surfarray.array3d(target)


def test_a_panning_buffer_matches_a_fresh_draw_at_every_step():
    level = load_level(LEVEL1)
    moving = TileMapRenderer(level)
    max_x, max_y = level.width * 16 - VIEW[0], level.height * 16 - VIEW[1]
    path = [(0, 0), (3, 2), (17, 9), (40, 33), (41, 34), (max_x, max_y), (5, max_y),
            (max_x, 0), (-20, -7), (60, 40), (59, 41), (0, 0)]
    for i, cam in enumerate(path):
        t = i * 137  # animations change frame between some steps
        assert np.array_equal(frame(moving, cam, t), frame(TileMapRenderer(level), cam, t)), \
            f"step {i} at {cam}"


def test_animated_tiles_change_and_only_they_change():
    level = load_level(LEVEL1)
    renderer = TileMapRenderer(level)
    assert renderer.animations, "level 1 has animated tiles"
    period = max(a.period for a in renderer.animations.values())
    a = frame(renderer, (0, 0), 0)
    later = next(frame(renderer, (0, 0), t) for t in range(50, period, 50)
                 if not np.array_equal(a, frame(TileMapRenderer(level), (0, 0), t)))
    assert not np.array_equal(a, later)
    changed = np.argwhere((a != later).any(axis=2))
    cells = {(int(x) // 16, int(y) // 16) for x, y in changed}
    animated = {(x, y) for layer in level.layers for y, x in
                zip(*np.nonzero(np.isin(layer.gids, list(renderer.animations))), strict=True)}
    assert cells <= animated


def test_what_the_renderer_keeps_does_not_grow_with_the_map(tmp_path):
    from game.dev.bench_tiles import repeated_level1

    small = TileMapRenderer(load_level(LEVEL1))
    big = TileMapRenderer(load_level(repeated_level1(tmp_path, 10)))
    for r in (small, big):
        frame(r, (100, 100), 0)

    def kept(r):
        return sum(b.surface.get_width() * b.surface.get_height() for b in r.buffers)

    assert kept(small) == kept(big) <= (VIEW[0] + 32) * (VIEW[1] + 32)


def reference_frame(level, cam, time_ms: int) -> np.ndarray:
    """Level 1 drawn the plain way, cell by cell and layer by layer, with no buffer: what
    the view-sized buffer, its scrolls and its animation redraws must reproduce."""
    from game.render.tilemap import BACKGROUND, TileImages

    r = TileMapRenderer(level)
    images, t = TileImages(level), level.tile_size
    target = pygame.Surface(VIEW)
    target.fill(BACKGROUND)
    ox, oy = cam
    for n, layer in enumerate(level.layers):
        style = (layer.opacity, layer.tint)
        for y in range(max(0, oy // t), min(level.height, (oy + VIEW[1]) // t + 1)):
            for x in range(max(0, ox // t), min(level.width, (ox + VIEW[0]) // t + 1)):
                gid = int(layer.gids[y, x])
                anim = r.animations.get(gid)
                img = images.get(anim.frame_at(time_ms) if anim else gid, style) if gid else None
                if img is not None:
                    target.blit(img, (x * t - ox, y * t - oy))
        if n == 0:
            for mask, img in ((r.shade_left, r.shadow_left), (r.shade_above, r.shadow_above)):
                for y, x in zip(*np.nonzero(mask), strict=True):
                    target.blit(img, (int(x) * t - ox, int(y) * t - oy))
    return pygame.surfarray.array3d(target)


def test_a_long_pan_with_time_jumps_draws_what_the_plain_way_draws():
    """A random walk (small steps, long jumps, off the map's edges) while time runs,
    stands, jumps ahead and goes back (a replay seeking): every frame of one renderer
    equals level 1 drawn cell by cell."""
    level = load_level(LEVEL1)
    assert all(layer.visible and layer.offset == (0.0, 0.0) for layer in level.layers)
    moving = TileMapRenderer(level)
    rng = np.random.default_rng(2147)
    x, y, t = 0, 0, 0
    for step in range(60):
        if step % 15 == 14:
            x, y = int(rng.integers(-100, 300)), int(rng.integers(-100, 250))
        else:
            x, y = x + int(rng.integers(-20, 21)), y + int(rng.integers(-20, 21))
        t = max(0, t + int(rng.choice([0, 17, 130, 251, 1000, -600])))
        assert np.array_equal(frame(moving, (x, y), t), reference_frame(level, (x, y), t)), \
            f"step {step} at {(x, y)}, {t} ms"
