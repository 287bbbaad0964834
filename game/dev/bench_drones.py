"""`python -m game bench --drones N`: the confrontation's performance figures (JSON).

On a 128×128 generated city (murals in the middle, a drone spawn on each side, 12
emitters and 16 barriers on plots), N drones of every type spread over the streets:
- sim_ms_per_tick_{N}: mean simulation tick (every system), median of several runs;
  also at 2,000 and 10,000 drones, the issue's targets;
- naive_ms_per_tick_{N} and speedup: one esper entity per drone, Python per drone, over a
  subset of the rules (see bench_naive.py: less work, so the speed-up is a floor);
- flowfield_ms_256: one full recompute (both fields) on a 256×256 map;
- render_ms_1000_drones_1280x720: level 4 with 1,000 drones in view, map, HUD, scaled;
- draw_swarm_ms_10000, draw_swarm_cpu_ms_10000: only the drones, 10,000 of them in the
  640×360 view, wall time and the thread's CPU time (a busy machine inflates the first);
- peak_mb_10000: peak resident memory of a fresh process simulating 10,000 drones.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from game.paths import CAMPAIGN_DIR, PACKAGE_DIR

ROOT_DIR = PACKAGE_DIR.parent  # the folder `python -m game` imports the game from

TARGETS = {"tick_ms_2000": 4, "tick_ms_10000": 12, "flowfield_ms_256": 10,
           "render_ms_1000": 6, "draw_swarm_ms_10000": 8, "peak_mb_10000": 400}


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def bench_sim(n: int, seed: int = 1):
    """A Simulation on the generated city with `n` drones (hp high: they stay alive),
    12 emitters and 16 barriers on the plots around the murals."""
    import esper

    from game.dev.swarm_maps import drone_level, open_level
    from game.sim import Simulation
    from game.sim.components import Position, Structure
    from game.sim.constants import TILE
    from game.sim.swarm.defences import attach_defence
    from game.sim.swarm.flowfield import UNREACHED

    sim = Simulation(drone_level(open_level(128, seed), mural_health=10**8, waves=1,
                                 first_wave_seconds=10**4))
    esper.switch_world(sim.world)
    ctx = sim._context([], [])
    ys, xs = np.nonzero(sim.grid.buildable)
    for i, (x, y) in enumerate(zip(xs.tolist(), ys.tolist(), strict=True)):
        kind = "emitter" if i % 2 == 0 and i < 24 else "barrier"
        eid = esper.create_entity(Structure(kind, x, y),
                                  Position(x * TILE + TILE // 2, y * TILE + TILE // 2))
        sim.grid.place_structure(x, y)
        attach_defence(ctx, eid, kind, x, y)
    sim.conf.refresh_fields({o.id for o in sim.level.objects_of("MuralWall")})
    open_tiles = np.flatnonzero(sim.conf.dist.ravel() < UNREACHED)
    rng = np.random.default_rng(seed)
    tiles = open_tiles[rng.integers(0, open_tiles.size, n)]
    w = sim.grid.width
    xs = (tiles % w) * TILE + rng.integers(32, TILE - 32, n)
    ys = (tiles // w) * TILE + rng.integers(32, TILE - 32, n)
    sim.conf.swarm.spawn(xs, ys, rng.integers(0, 4, n), np.full(n, 10**6))
    return sim


def emitter_tiles(sim) -> list[tuple[int, int]]:
    from game.sim.components import Structure
    from game.sim.swarm.components import Emitter

    return [(st.tx, st.ty) for _, (st, _e) in sim.query(Structure, Emitter)]


def time_ticks(n: int, runs: int, ticks: int) -> tuple[float, object]:
    samples = []
    sim = None
    for r in range(runs):
        sim = bench_sim(n, seed=r + 1)
        sim.step([])  # fields built once, as when the map is loaded
        t = time.perf_counter()
        for _ in range(ticks):
            sim.step([])
        samples.append((time.perf_counter() - t) / ticks)
        if r < runs - 1:
            sim.close()
    return _median_ms(samples), sim


def time_naive(sim, runs: int, ticks: int) -> float:
    from game.dev.bench_naive import NaiveSwarm

    samples = []
    for _ in range(runs):
        naive = NaiveSwarm(sim.conf, emitter_tiles(sim))
        t = time.perf_counter()
        for _ in range(ticks):
            naive.step()
        samples.append((time.perf_counter() - t) / ticks)
        naive.close()
    return _median_ms(samples)


def time_flowfield(runs: int) -> float:
    from game.dev.swarm_maps import drone_level, open_level
    from game.sim import Simulation

    sim = Simulation(drone_level(open_level(256), waves=1))
    walls = {o.id for o in sim.level.objects_of("MuralWall")}
    sim.conf.barrier_mask[1, 1:4] = True  # barriers present: the breakers' field differs
    samples, breakers = [], []
    for _ in range(runs):
        sim.conf.field_key = None  # force a rebuild, as after a build
        t = time.perf_counter()
        sim.conf.refresh_fields(walls)
        samples.append(time.perf_counter() - t)
        t = time.perf_counter()
        sim.conf.breaker_fields()  # only when heavies or cut-off drones are about
        breakers.append(time.perf_counter() - t)
    sim.close()
    return _median_ms(samples), _median_ms(breakers)


def time_render(frames: int, drones: int = 1000) -> float:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    from game.app import App
    from game.level import load_level
    from game.scenes.play import PlayScene
    from game.sim.constants import TILE

    data = Path(tempfile.mkdtemp(prefix="reclaim-bench-"))
    app = App(data, headless=True, window_size=(1280, 720))
    scene = PlayScene(app, load_level(CAMPAIGN_DIR / "04_confrontation.tmx"))
    app.push(scene)
    sim = scene.sim
    for _ in range(5):
        app.frame(fixed_ticks=1)
    ox, oy = scene.camera.offset
    rng = np.random.default_rng(3)
    xs = (ox + rng.integers(0, 640, drones)) * 16
    ys = (oy + rng.integers(0, 360, drones)) * 16
    sim.conf.swarm.spawn(xs, ys, rng.integers(0, 4, drones), np.full(drones, 10**6))
    sim.conf.swarm.stun[:] = 10**4  # hold them in view while frames are timed
    samples = []
    for _ in range(frames):
        t = time.perf_counter()
        scene.update()
        app.draw()
        app.present()
        samples.append(time.perf_counter() - t)
    visible = scene.view.drones.draw_swarm(app.screen, scene.camera.offset, 0)
    assert visible >= drones * 9 // 10, (visible, TILE)
    return _median_ms(samples)


def time_draw_swarm(frames: int, drones: int = 10000) -> tuple[float, float]:
    """(wall, CPU) median ms of drawing `drones` drones spread over the view. On a busy
    machine the wall time includes waiting for a core; the CPU time is the work."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    from game.app import App
    from game.level import load_level
    from game.scenes.play import PlayScene

    app = App(Path(tempfile.mkdtemp(prefix="reclaim-bench-")), headless=True)
    scene = PlayScene(app, load_level(CAMPAIGN_DIR / "04_confrontation.tmx"))
    app.push(scene)
    app.frame(fixed_ticks=1)
    ox, oy = scene.camera.offset
    rng = np.random.default_rng(3)
    swarm = scene.sim.conf.swarm
    swarm.spawn((ox + rng.integers(0, 640, drones)) * 16, (oy + rng.integers(0, 360, drones)) * 16,
                rng.integers(0, 4, drones), np.full(drones, 10**6))
    swarm.stun[: drones // 10] = 10**4  # some stunned, as in a fight
    samples, cpu = [], []
    for i in range(frames):
        t, c = time.perf_counter(), time.thread_time()
        drawn = scene.view.drones.draw_swarm(app.screen, scene.camera.offset, i * 17)
        cpu.append(time.thread_time() - c)
        samples.append(time.perf_counter() - t)
    assert drawn >= drones * 9 // 10, drawn
    return _median_ms(samples), _median_ms(cpu)


PEAK_CODE = """
import resource, sys
sys.path.insert(0, {root!r})
from game.dev.bench_drones import bench_sim
sim = bench_sim({n})
for _ in range(60):
    sim.step([])
try:  # VmHWM starts afresh at exec; ru_maxrss would carry the parent's peak over
    kib = int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])
except OSError:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(kib)
"""


def peak_mb(n: int) -> float:
    """Peak resident memory (MB) of a fresh process that builds and runs `n` drones."""
    out = subprocess.run([sys.executable, "-c", PEAK_CODE.format(root=str(ROOT_DIR), n=n)],
                         capture_output=True, text=True, check=True, cwd=ROOT_DIR)
    return round(int(out.stdout.strip().splitlines()[-1]) / 1024, 1)  # KiB


def run_drone_bench(n: int, quick: bool = False) -> int:
    runs, ticks = (3, 60) if quick else (5, 180)
    figures: dict[str, object] = {"drones": n}
    for count in sorted({n, 2000, 10000}):
        ms, sim = time_ticks(count, runs, ticks)
        figures[f"sim_ms_per_tick_{count}"] = ms
        naive = time_naive(sim, 3, 3 if count > 4000 else 10)
        figures[f"naive_ms_per_tick_{count}"] = naive
        figures[f"speedup_vs_naive_{count}"] = round(naive / max(ms, 1e-6), 1)
        sim.close()
    figures["flowfield_ms_256"], figures["breaker_field_ms_256"] = time_flowfield(
        7 if quick else 15)
    figures["render_ms_1000_drones_1280x720"] = time_render(60 if quick else 240)
    figures["draw_swarm_ms_10000"], figures["draw_swarm_cpu_ms_10000"] = time_draw_swarm(
        30 if quick else 120)
    figures["peak_mb_10000"] = peak_mb(10000)
    figures["this_process_peak_mb"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    figures["targets"] = TARGETS
    figures["python"] = sys.version.split()[0]
    print(json.dumps(figures, indent=2))
    return 0
