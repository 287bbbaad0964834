"""Tile drawing beside pyscroll's BufferedRenderer, and the collectors' pathing.

Both renderers draw the same `.tmx` into the same 640×360 view while the camera pans
(1–3 px a frame, so whole-tile scrolls happen as in play) and animations run; figures
are medians of per-frame milliseconds. Maps: level 1 (48×30) and a 480×300 map made of
level 1 repeated 10×10 (written to a temporary folder with its tileset and templates).
pyscroll is the `bench` extra (pip install ".[bench]"); without it its figures are left
out with a note. Memory: the bytes of the surfaces each renderer keeps for the map.

The same work on both sides: same layers, camera path and clock (pyscroll's animations
read the wall clock; here they run on the bench's clock, as ours do), so both redraw
animated tiles when their frame changes. What differs: ours also draws the shadows of
tall tiles (pyscroll has none) and clears an animated cell before redrawing it unless
its ground tile is opaque (pyscroll blits over it); pyscroll records where animated
tiles are as it draws every scrolled-in tile, ours looks for them in the view when a
frame changes.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from game.paths import ASSETS_DIR, CAMPAIGN_DIR, MAPS_DIR

VIEW = (640, 360)
LEVEL1 = CAMPAIGN_DIR / "01_scavengers_dawn.tmx"


def repeated_level1(folder: Path, times: int = 10) -> Path:
    """Level 1's tile layers tiled times × times (objects once) as a .tmx in folder."""
    from game.level import load_level

    level = load_level(LEVEL1)
    text = LEVEL1.read_text(encoding="utf-8")
    for part in ("tilesets", "templates"):
        shutil.copytree(MAPS_DIR / part, folder / part, dirs_exist_ok=True)
    shutil.copy(ASSETS_DIR / "tiles" / "city.png", folder / "tilesets" / "city.png")
    tsx = folder / "tilesets" / "city.tsx"
    tsx.write_text(tsx.read_text().replace("../../assets/tiles/city.png", "city.png"))
    w, h = level.width * times, level.height * times
    text = text.replace('"../tilesets/', '"tilesets/').replace('"../templates/', '"templates/')
    text = re.sub(r'(<map [^>]*?)width="\d+" height="\d+"', rf'\1width="{w}" height="{h}"',
                  text, count=1)
    for layer in level.layers:
        big = np.tile(layer.gids, (times, times))
        csv = ",\n".join(",".join(map(str, row)) for row in big.tolist())
        text = re.sub(rf'(<layer [^>]*name="{re.escape(layer.name)}"[^>]*?)width="\d+" '
                      rf'height="\d+"(.*?<data encoding="csv">).*?(</data>)',
                      rf'\1width="{w}" height="{h}"\2\n{csv}\n\3', text, count=1, flags=re.S)
    out = folder / "level1_x10.tmx"
    out.write_text(text, encoding="utf-8")
    return out


def _path(frames: int, size: tuple[int, int]) -> list[tuple[int, int]]:
    """A camera pan over the map: diagonal, then back, 1-3 px a frame."""
    max_x, max_y = max(0, size[0] - VIEW[0]), max(0, size[1] - VIEW[1])
    out, x, y, dx, dy = [], 0, 0, 3, 2
    for i in range(frames):
        x, y = x + dx, y + dy + (i % 3 == 0)
        if not 0 <= x <= max_x:
            dx, x = -dx, max(0, min(max_x, x))
        if not 0 <= y <= max_y:
            dy, y = -dy, max(0, min(max_y, y))
        out.append((x, y))
    return out


class Ours:
    name = "ours"

    def __init__(self, path: Path) -> None:
        import pygame

        from game.level import load_level
        from game.render.tilemap import TileMapRenderer

        level = load_level(path)
        t = time.perf_counter()
        self.renderer = TileMapRenderer(level)
        self.target = pygame.Surface(VIEW)
        self.renderer.draw(self.target, (0, 0), 0)
        self.setup = time.perf_counter() - t
        self.size = level.width * 16, level.height * 16

    def frame(self, cam: tuple[int, int], time_ms: int) -> None:
        self.renderer.draw(self.target, cam, time_ms)

    def kept_bytes(self) -> int:
        return sum(s.get_width() * s.get_height() * s.get_bytesize()
                   for s in _surfaces(self.renderer))


def _surfaces(renderer) -> list:
    if hasattr(renderer, "buffers"):  # the view-sized buffers
        return [b.surface for b in renderer.buffers]
    return list(renderer.chunks.values())  # the whole-map bake it replaced


class Pyscroll:
    name = "pyscroll"

    def __init__(self, path: Path) -> None:
        import pygame
        import pyscroll
        import pytmx

        self.clock = 0.0
        t = time.perf_counter()
        data = pyscroll.TiledMapData(pytmx.load_pygame(str(path)))
        # pyscroll's animations read the wall clock (time.time), not the renderer's
        # time_source: run them on the bench's clock, as ours, so both animate alike
        data._update_time = lambda: setattr(data, "_last_time", self.clock * 1000)
        data.reload_animations()
        self.renderer = pyscroll.BufferedRenderer(data, VIEW, time_source=lambda: self.clock)
        self.target = pygame.Surface(VIEW)
        self.frame((0, 0), 0)
        self.setup = time.perf_counter() - t
        self.size = data.map_size[0] * 16, data.map_size[1] * 16

    def frame(self, cam: tuple[int, int], time_ms: int) -> None:
        self.clock = time_ms / 1000
        self.renderer.center((cam[0] + VIEW[0] // 2, cam[1] + VIEW[1] // 2))
        self.renderer.draw(self.target, self.target.get_rect())

    def kept_bytes(self) -> int:
        buf = self.renderer._buffer  # pyscroll keeps one view-sized buffer
        return buf.get_width() * buf.get_height() * buf.get_bytesize()


def side_by_side(path: Path, frames: int, repeats: int) -> dict:
    """Both renderers on the same path, one frame each in turn (the order alternates),
    so a busy machine's hiccups fall on both alike; `repeats` fresh runs of the path.
    Each figure is the median over the runs; `ratio_*` is ours ÷ pyscroll per run
    (median over the runs): below 1 ours is faster."""
    out: dict = {}
    runs: dict[str, list[dict]] = {"ours": [], "pyscroll": []}
    kept: dict[str, tuple[float, float]] = {}
    ratios: dict[str, list[float]] = {"median_ms": [], "mean_ms": []}
    for _ in range(repeats):
        contenders = [Ours(path)]
        try:
            contenders.append(Pyscroll(path))
        except ImportError:
            out["pyscroll"] = "not installed: pip install '.[bench]' '.[test]'"
        samples: dict[str, list[float]] = {c.name: [] for c in contenders}
        for i, cam in enumerate(_path(frames, contenders[0].size)):
            for c in (contenders if i % 2 else contenders[::-1]):
                t = time.perf_counter()
                c.frame(cam, i * 17)
                samples[c.name].append(time.perf_counter() - t)
        for c in contenders:
            runs[c.name].append(_ms(samples[c.name]))
            kept[c.name] = (c.setup, c.kept_bytes())
        if len(contenders) == 2:
            for key in ratios:
                ratios[key].append(runs["ours"][-1][key] / runs["pyscroll"][-1][key])
    for name, per_run in runs.items():
        if per_run:
            out[name] = {key: round(statistics.median(r[key] for r in per_run), 4)
                         for key in per_run[0]}
            out[name]["setup_ms"] = round(kept[name][0] * 1000, 1)
            out[name]["surface_mb"] = round(kept[name][1] / 2**20, 2)
    for key, values in ratios.items():
        if values:
            out[f"ratio_{key.removesuffix('_ms')}"] = round(statistics.median(values), 3)
    out["repeats"] = repeats
    return out


def _ms(samples: list[float]) -> dict:
    """Mean (what panning costs on average, scrolls included), median and the slowest
    5 % of frames, in milliseconds."""
    ordered = sorted(samples)
    return {"mean_ms": statistics.fmean(samples) * 1000,
            "median_ms": statistics.median(samples) * 1000,
            "p95_ms": ordered[int(len(ordered) * 0.95)] * 1000}


def collector_pathing_ms(runs: int, size: int = 256) -> dict[str, float]:
    """Medians in ms of the collectors' distance field (nearest of 300 piles, labelled)
    on a size × size map with scattered walls: a full search (`full`, when walls change),
    its CPU time (`full_cpu`: on a shared machine the wall time includes waiting for a
    core), and the update when a pile runs out (`gone`: only its part searched again)."""
    from game.sim.pathing import Field

    rng = np.random.default_rng(7)
    walk = rng.random((size, size)) > 0.2
    piles = [(int(x), int(y), i + 1) for i, (x, y) in
             enumerate(rng.integers(0, size, (300, 2)).tolist())]
    full, cpu, gone = [], [], []
    for i in range(runs):
        c, t = time.thread_time(), time.perf_counter()
        field = Field(walk, piles)
        full.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c)
        drop = piles[(i * 37) % len(piles)][2]
        t = time.perf_counter()
        field.without({drop}, [p for p in piles if p[2] != drop])
        gone.append(time.perf_counter() - t)
    return {name: round(statistics.median(v) * 1000, 3)
            for name, v in (("full", full), ("full_cpu", cpu), ("gone", gone))}


def tile_figures(quick: bool = False) -> dict:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((1, 1))
    frames = 300 if quick else 1500
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="reclaim-tiles-") as tmp:
        maps = {"level1": LEVEL1, "480x300": repeated_level1(Path(tmp))}
        for name, path in maps.items():
            out[f"tiles_{name}_640x360"] = side_by_side(path, frames, 3 if quick else 5)
    field = collector_pathing_ms(5 if quick else 15)
    out["collector_field_ms_256"] = field["full"]
    out["collector_field_cpu_ms_256"] = field["full_cpu"]
    out["collector_field_pile_gone_ms_256"] = field["gone"]
    return out
