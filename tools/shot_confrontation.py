"""Screenshot of level 4 mid-swarm, taken by the game itself: the confrontation's
autopilot (a newcomer's defence: emitters, no Kora) plays through the real PlayScene until
the most drones are in one view, then the free camera looks there.
Run: python tools/shot_confrontation.py [OUT.png]"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from make_screenshots import drive, skip_dialogue  # noqa: E402

from game.app import App  # noqa: E402
from game.dev.bot_confront import ConfrontPilot  # noqa: E402
from game.level import load_level  # noqa: E402
from game.paths import CAMPAIGN_DIR  # noqa: E402
from game.scenes.play import PlayScene  # noqa: E402
from game.sim.constants import TILE  # noqa: E402

VIEW_TILES = (40, 22)  # the 640×360 view


def busiest_moment(level) -> tuple[int, tuple[int, int]]:
    """The tick and view centre (px) with the most drones on screen in the autopilot's
    run (a first, quick pass without drawing)."""
    from game.sim import Simulation

    sim = Simulation(level)
    pilot = ConfrontPilot.newcomer(sim)
    best = (0, 0, (0, 0))
    vw, vh = VIEW_TILES
    while sim.outcome == "playing":
        sim.step(pilot.decide())
        s = sim.conf.swarm
        if len(s) < 8 or sim.tick % 10:
            continue
        tx, ty = s.x // TILE, s.y // TILE
        for cx in range(vw // 2, level.width - vw // 2 + 1, 2):
            for cy in range(vh // 2, level.height - vh // 2 + 1, 2):
                n = int(((abs(tx - cx) < vw // 2) & (abs(ty - cy) < vh // 2)).sum())
                if n > best[0]:
                    best = (n, sim.tick, (cx * 16, cy * 16))
    sim.close()
    return best[1], best[2]


def shoot(out: Path) -> None:
    level = load_level(CAMPAIGN_DIR / "04_confrontation.tmx")
    tick, centre = busiest_moment(level)
    app = App(Path(tempfile.mkdtemp()), headless=True)
    play = PlayScene(app, level)
    app.reset_to(play)
    pilot = ConfrontPilot.newcomer(play.sim)
    sim = play.sim
    while sim.outcome == "playing" and sim.tick < tick:
        drive(app, play, pilot, 1)
        skip_dialogue(app, play)
    play.freecam.look_at(*centre)  # the free camera holds the frame on the crowd
    play.mouse_tile = None
    app.frame(fixed_ticks=0)
    app.save_screenshot(out)
    print(f"{out}: tick {sim.tick}, wave {sim.conf.wave}, {len(sim.conf.swarm)} drones")


if __name__ == "__main__":
    shoot(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
          / "level4.png")
