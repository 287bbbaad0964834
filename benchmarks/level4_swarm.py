"""What level 4's largest wave costs per frame: the newcomer autopilot plays the level
through the real play scene (headless, 640×360); at the 60 ticks with the most drones
alive, one simulation tick and one full frame (world, swarm, effects, alerts, HUD and
minimap) are timed with the view on the crowd.

Run: python benchmarks/level4_swarm.py
Prints one JSON object: alive and on-screen drones, and the mean and worst milliseconds
of a sim tick and of a frame's drawing.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.app import App  # noqa: E402
from game.dev.bot_confront import ConfrontPilot  # noqa: E402
from game.level import load_level  # noqa: E402
from game.paths import CAMPAIGN_DIR  # noqa: E402
from game.scenes.play import PlayScene  # noqa: E402
from game.sim.constants import SUBPX  # noqa: E402

TOP = 60


def main() -> int:
    app = App(Path(tempfile.mkdtemp()), headless=True)
    play = PlayScene(app, load_level(CAMPAIGN_DIR / "04_confrontation.tmx"))
    app.reset_to(play)
    sim, pilot = play.sim, ConfrontPilot.newcomer(play.sim)
    samples = []
    while sim.outcome == "playing":
        commands = pilot.decide()
        t0 = time.perf_counter()
        sim.step(commands)
        t1 = time.perf_counter()
        s = sim.conf.swarm
        if len(s) < 100:
            continue
        play.freecam.look_at(float(s.x.mean()) / SUBPX, float(s.y.mean()) / SUBPX)
        play.confront.update()
        t2 = time.perf_counter()
        play.draw(app.screen)
        t3 = time.perf_counter()
        shown = play.view.drones.draw_swarm(app.screen, play.camera.offset, 0)
        samples.append((len(s), shown, (t1 - t0) * 1000, (t3 - t2) * 1000))
    top = sorted(samples, reverse=True)[:TOP]
    print(json.dumps({
        "outcome": sim.outcome, "ticks": sim.tick,
        "alive": [top[-1][0], top[0][0]], "on_screen_max": max(t[1] for t in top),
        "sim_ms_mean": round(statistics.mean(t[2] for t in top), 2),
        "sim_ms_max": round(max(t[2] for t in top), 2),
        "draw_ms_mean": round(statistics.mean(t[3] for t in top), 2),
        "draw_ms_max": round(max(t[3] for t in top), 2),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
