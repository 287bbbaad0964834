"""Maps draw as Tiled draws them: each feature is rendered by Tiled's own `tmxrasterizer`
and by the game's tile renderer, and the pictures are compared pixel by pixel (within 3
levels per channel for blending rounding). Skipped, saying why, where Tiled is absent.

Game-only features (shadows and glows of hidden layers, parallax, which tmxrasterizer
does not apply) are checked against the game's own drawing of an equivalent map.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.level import load_level
from game.level.loader import inspect_map
from game.render.tilemap import TileMapRenderer

TILED = shutil.which("tmxrasterizer")
needs_tiled = pytest.mark.skipif(
    TILED is None, reason="Tiled's tmxrasterizer is not installed (apt-get install tiled): "
                          "the comparison with Tiled's own drawing is not run")
W, H, T = 8, 6, 16
MARGIN, SPACING, COLS, ROWS = 2, 3, 4, 3
MAGENTA = (255, 0, 255)
# enough for the default objective, so the loader's can-it-be-won check lets the map play:
# tile 0 is a build plot, and the waste for one node and 10 biomass lies about
PLOT = ('<tile id="0"><properties><property name="buildable" type="bool" value="true"/>'
        "</properties></tile>")
WASTE = "".join(
    f'<object id="{i + 2}" type="Waste" x="{40 + 16 * i}" y="40"><properties>'
    f'<property name="kind" value="{kind}"/><property name="amount" type="int" '
    f'value="{amount}"/></properties></object>'
    for i, (kind, amount) in enumerate((("alloy", 2), ("polymer", 1), ("organic", 10))))


@pytest.fixture(scope="module", autouse=True)
def display():
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    pygame.display.init()
    pygame.display.set_mode((1, 1))
    yield


def sheet(path: Path) -> None:
    """A tile sheet with margin and spacing filled with magenta: a wrong cut shows."""
    img = pygame.Surface((2 * MARGIN + COLS * T + (COLS - 1) * SPACING,
                          2 * MARGIN + ROWS * T + (ROWS - 1) * SPACING))
    img.fill(MAGENTA)
    for i in range(COLS * ROWS):
        x = MARGIN + (i % COLS) * (T + SPACING)
        y = MARGIN + (i // COLS) * (T + SPACING)
        img.fill((40 + 17 * i, 200 - 13 * i, 90 + 11 * (i % 5)), (x, y, T, T))
        pygame.draw.line(img, (250, 250, 250), (x, y + i % T), (x + T - 1, y + T - 1 - i % 7))
    pygame.image.save(img, str(path))


def write_map(folder: Path, layers: str, tiles: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    sheet(folder / "sheet.png")
    (folder / "sheet.tsx").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<tileset version="1.8" name="sheet" '
        f'tilewidth="{T}" tileheight="{T}" spacing="{SPACING}" margin="{MARGIN}" '
        f'tilecount="{COLS * ROWS}" columns="{COLS}"><image source="sheet.png" '
        f'width="{2 * MARGIN + COLS * T + (COLS - 1) * SPACING}" '
        f'height="{2 * MARGIN + ROWS * T + (ROWS - 1) * SPACING}"/>{PLOT}{tiles}</tileset>')
    path = folder / "m.tmx"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.8" orientation="orthogonal" '
        f'renderorder="right-down" width="{W}" height="{H}" tilewidth="{T}" tileheight="{T}" '
        f'infinite="0"><tileset firstgid="1" source="sheet.tsx"/>{layers}'
        '<objectgroup id="9" name="objects"><object id="1" type="PlayerSpawn" x="8" y="8"/>'
        f"{WASTE}</objectgroup></map>")
    return path


def layer(lid: int, name: str, gids, attrs: str = "") -> str:
    csv = ",".join(str(g) for g in np.asarray(gids).ravel())
    return (f'<layer id="{lid}" name="{name}" width="{W}" height="{H}" {attrs}>'
            f'<data encoding="csv">{csv}</data></layer>')


GROUND = (np.arange(W * H) % (COLS * ROWS - 1) + 1).reshape(H, W)  # gid 12 kept aside
SPARSE = np.where((np.arange(W * H).reshape(H, W) % 3) == 0, 12 - GROUND % 12, 0)


def ours(path: Path) -> np.ndarray:
    level = load_level(path)
    target = pygame.Surface((W * T, H * T))
    TileMapRenderer(level).draw(target, (0, 0), 0)
    return pygame.surfarray.array3d(target).transpose(1, 0, 2).astype(int)


def tiled(path: Path, tmp: Path) -> np.ndarray:
    out = tmp / "tiled.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([TILED, "--no-smoothing", "--hide-layer", "objects", str(path),
                           str(out)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    img = pygame.image.load(str(out))
    rgb = pygame.surfarray.array3d(img).transpose(1, 0, 2).astype(int)
    return rgb[:H * T, :W * T]


def assert_same(a: np.ndarray, b: np.ndarray) -> None:
    assert a.shape == b.shape
    diff = np.abs(a - b).max(axis=2)
    bad = np.argwhere(diff > 3)
    if bad.size:
        y, x = bad[0]
        raise AssertionError(f"{len(bad)} pixels differ, first at (x, y) = ({x}, {y}): "
                             f"ours {a[y, x]}, Tiled's {b[y, x]}")


@needs_tiled
def test_margin_and_spacing_cut_like_tiled(tmp_path):
    path = write_map(tmp_path / "m", layer(1, "ground", GROUND))
    got = ours(path)
    assert not (got == MAGENTA).all(axis=2).any(), "a magenta seam: the sheet was cut wrong"
    assert_same(got, tiled(path, tmp_path))


@needs_tiled
def test_layer_opacity_like_tiled(tmp_path):
    path = write_map(tmp_path / "m", layer(1, "ground", GROUND) +
                     layer(2, "glass", SPARSE, 'opacity="0.5"'))
    assert_same(ours(path), tiled(path, tmp_path))


@needs_tiled
def test_tint_colour_like_tiled(tmp_path):
    path = write_map(tmp_path / "m", layer(1, "ground", GROUND, 'tintcolor="#ff8040"') +
                     layer(2, "top", SPARSE, 'tintcolor="#c0ffffff" opacity="0.75"'))
    assert_same(ours(path), tiled(path, tmp_path))


@needs_tiled
def test_group_opacity_tint_and_offset_like_tiled(tmp_path):
    path = write_map(tmp_path / "m", layer(1, "ground", GROUND) +
                     '<group id="5" name="g" offsetx="5" offsety="3" tintcolor="#80ffff" '
                     'opacity="0.8">' + layer(2, "shifted", SPARSE, 'offsetx="11" offsety="2"')
                     + "</group>")
    level = load_level(path)
    assert level.layers[1].offset == (16.0, 5.0)
    assert_same(ours(path), tiled(path, tmp_path))


def test_hidden_layers_cast_no_shadow_and_no_glow(tmp_path):
    tall = '<tile id="11"><properties><property name="tall" type="bool" value="true"/>' \
           '<property name="glow" value="#ffcc66"/></properties></tile>'
    hidden = np.full((H, W), 12)
    with_hidden = write_map(tmp_path / "a", layer(1, "ground", GROUND) +
                            layer(2, "walls", hidden, 'visible="0"'), tall)
    without = write_map(tmp_path / "b", layer(1, "ground", GROUND), tall)
    assert np.array_equal(ours(with_hidden), ours(without))
    renderer = TileMapRenderer(load_level(with_hidden))
    assert not list(renderer.visible_glows((0, 0), (W * T, H * T)))
    shown = TileMapRenderer(load_level(write_map(tmp_path / "c", layer(1, "ground", GROUND) +
                                                  layer(2, "walls", hidden), tall)))
    assert len(list(shown.visible_glows((0, 0), (W * T, H * T)))) == W * H


def test_parallax_moves_a_layer_by_its_factor(tmp_path):
    """Tiled's rule: a layer moves by (view centre - origin) × (1 - factor). A layer with
    factor 0.5 seen from a camera at x = 2c shows what a plain layer shows from x = c
    (the view is a tile wide here, so the centre offset is the same)."""
    plain = write_map(tmp_path / "a", layer(1, "ground", GROUND))
    slow = write_map(tmp_path / "b", layer(1, "ground", GROUND, 'parallaxx="0.5"'))
    a, b = TileMapRenderer(load_level(plain)), TileMapRenderer(load_level(slow))
    view = pygame.Surface((T, T))
    for c in (0, 8, 24):
        a.draw(view, (c + T // 4, 0), 0)  # centre = c + T/4 + T/2; shift = centre / 2
        left = pygame.surfarray.array3d(view).copy()
        b.draw(view, (2 * c + T, 0), 0)  # centre = 2c + 1.5T → layer at 2c + T - (c + .75T)
        assert np.array_equal(left, pygame.surfarray.array3d(view)), c


def test_rotated_objects_are_warned_about(tmp_path):
    path = write_map(tmp_path / "m", layer(1, "ground", GROUND))
    text = path.read_text().replace('type="PlayerSpawn" x="8" y="8"',
                                    'type="PlayerSpawn" x="8" y="8" rotation="30"')
    path.write_text(text)
    _, problems = inspect_map(path)
    assert any("rotat" in p.message and p.severity == "warning" for p in problems), problems
