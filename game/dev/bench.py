"""`python -m game bench`: performance figures as one JSON object.

Figures, each the median of several runs:
- sim_ms_per_tick_level1: a full winning run of level 1 (autopilot commands).
- sim_ms_per_tick_128x128_500e: a generated 128×128 map with 500 entities
  (waste piles and working nodes), Elara walking.
- render_ms_per_frame_1280x720: world + sprites + HUD drawn and scaled to 1280×720.
- map_load_ms_level1: Tiled file → validated LevelData.
- start_to_first_frame_s: a fresh process from start until its first frame is shown.
- tiles_level1_640x360, tiles_480x300_640x360: tile drawing per frame, ours beside
  pyscroll's BufferedRenderer on the same map and camera path (game/dev/bench_tiles.py);
  collector_field_ms_256: one collectors' distance field on a 256×256 map (and its CPU time).
- cpu_share_title_10s, cpu_share_level1_10s: share of one core used in a real window
  (needs a display; game/dev/bench_cpu.py).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from game.dev.bench_cpu import cpu_figures  # noqa: E402
from game.dev.bench_limits import limit_figures
from game.dev.bench_tiles import tile_figures
from game.level.data import LevelData, LevelObject, Objective
from game.paths import CAMPAIGN_DIR, PACKAGE_DIR

ROOT_DIR = PACKAGE_DIR.parent  # the folder `python -m game` imports the game from

LEVEL1 = CAMPAIGN_DIR / "01_scavengers_dawn.tmx"


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 4)


def bench_map_load(runs: int) -> float:
    from game.level import load_level

    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        load_level(LEVEL1)
        samples.append(time.perf_counter() - t)
    return _median_ms(samples)


def bench_level1_ticks(runs: int) -> tuple[float, int]:
    from game.dev.bot import play_to_win
    from game.level import load_level
    from game.sim import Simulation

    level = load_level(LEVEL1)
    log = play_to_win(Simulation(level))
    samples = []
    for _ in range(runs):
        sim = Simulation(level)
        t = time.perf_counter()
        for commands in log:
            sim.step(commands)
        samples.append((time.perf_counter() - t) / len(log))
        sim.close()
    return _median_ms(samples), len(log)


def generated_level(size: int = 128, piles: int = 300, seed: int = 1) -> LevelData:
    rng = np.random.default_rng(seed)
    solid = np.zeros((size, size), dtype=bool)
    solid[0, :] = solid[-1, :] = solid[:, 0] = solid[:, -1] = True
    blocks = rng.integers(2, size - 4, size=(size, 2))
    for y, x in blocks:
        solid[y:y + 2, x:x + 3] = True
    solid[60:68, 60:68] = False
    buildable = np.zeros_like(solid)
    buildable[::3, ::3] = True
    buildable &= ~solid
    free = np.argwhere(~solid & ~buildable)
    chosen = free[rng.choice(len(free), size=piles, replace=False)]
    kinds = ("organic", "polymer", "alloy")
    objects = [LevelObject(1, "spawn", "PlayerSpawn", 64 * 16, 64 * 16, 8, 8)]
    for i, (y, x) in enumerate(chosen.tolist()):
        objects.append(LevelObject(i + 2, "", "Waste", x * 16 + 4, y * 16 + 4, 8, 8,
                                   {"kind": kinds[i % 3], "amount": 50}))
    return LevelData(
        path=Path("generated-128.tmx"), title="generated", author="bench", width=size,
        height=size, tile_size=16, solid=solid, buildable=buildable, layers=(),
        tilesets=(), objects=tuple(objects),
        objective=Objective("produce", "biomass", 10**9, "bench"), seed=seed, par_ticks=0)


def populate_nodes(sim, count: int) -> None:
    """Place `count` working nodes directly (setup only; ticks are what is measured)."""
    import esper

    from game.sim.components import Position, Reactor, Structure
    from game.sim.constants import TILE

    esper.switch_world(sim.world)
    ys, xs = np.nonzero(sim.grid.buildable & ~sim.grid.occupied)
    for x, y in list(zip(xs.tolist(), ys.tolist(), strict=True))[:count]:
        esper.create_entity(Structure("node", x, y), Reactor(["organic"] * 12),
                            Position(x * TILE + TILE // 2, y * TILE + TILE // 2))
        sim.grid.place_structure(x, y)


def bench_generated_ticks(runs: int, ticks: int = 600) -> float:
    from game.sim import Move, Simulation

    level = generated_level()
    samples = []
    moves = [[Move(1, 0)], [Move(0, 1)], [Move(-1, 0)], [Move(0, -1)]]
    for _ in range(runs):
        sim = Simulation(level)
        populate_nodes(sim, 199)  # + 300 piles + Elara = 500 entities
        t = time.perf_counter()
        for i in range(ticks):
            sim.step(moves[(i // 60) % 4])
        samples.append((time.perf_counter() - t) / ticks)
        sim.close()
    return _median_ms(samples)


def bench_render(frames: int) -> float:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    from game.app import App
    from game.dev.bot import Autopilot
    from game.level import load_level
    from game.scenes.play import PlayScene

    data = Path(tempfile.mkdtemp(prefix="reclaim-bench-"))
    app = App(data, headless=True, window_size=(1280, 720))
    scene = PlayScene(app, load_level(LEVEL1))
    app.push(scene)
    pilot = Autopilot(scene.sim)
    for _ in range(900):  # get some nodes built and things moving first
        scene.sim.step(pilot.decide())
    samples = []
    for _ in range(frames):
        scene.sim.step(pilot.decide())
        t = time.perf_counter()
        scene.update()
        app.draw()
        app.present()
        samples.append(time.perf_counter() - t)
    return _median_ms(samples)


def bench_start_to_first_frame(runs: int) -> float:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "game", "play", str(LEVEL1), "--headless",
                        "--ticks", "0"], env=env, cwd=ROOT_DIR, check=True,
                       capture_output=True)
        samples.append(time.perf_counter() - t)
    return round(statistics.median(samples), 3)


def run_bench(quick: bool = False) -> int:
    reps = 3 if quick else 7
    level1_ms, level1_ticks = bench_level1_ticks(reps)
    figures = {
        "sim_ms_per_tick_level1": level1_ms,
        "level1_ticks_measured": level1_ticks,
        "sim_ms_per_tick_128x128_500e": bench_generated_ticks(reps),
        "render_ms_per_frame_1280x720": bench_render(60 if quick else 300),
        "map_load_ms_level1": bench_map_load(reps * 2),
        "start_to_first_frame_s": bench_start_to_first_frame(3 if quick else 5),
        **tile_figures(quick),  # ours beside pyscroll, level 1 and 480×300; pathing
        **limit_figures(quick),  # speeds the unit tests no longer time
        **cpu_figures(),  # the title and level 1 in a real window, 10 s each
        "targets": {"tick_ms": 2, "frame_ms": 5, "map_load_ms": 250, "first_frame_s": 2},
        "python": sys.version.split()[0],
    }
    print(json.dumps(figures, indent=2))
    return 0
