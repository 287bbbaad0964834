"""Screenshot of level 4 mid-wave, taken by the game itself: the confrontation's
autopilot plays through the real PlayScene until a wave is on the plaza, then the camera
frames the great mural. Run: python tools/shot_confrontation.py [OUT.png]"""

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
from game.bot import pilot_for  # noqa: E402
from game.level import load_level  # noqa: E402
from game.paths import CAMPAIGN_DIR  # noqa: E402
from game.scenes.play import PlayScene  # noqa: E402
from game.sim.constants import SUBPX, TILE  # noqa: E402

CENTRE = (376, 196)  # px: the great mural at the top, the plaza and the south street


def shoot(out: Path, min_drones: int = 25) -> None:
    app = App(Path(tempfile.mkdtemp()), headless=True)
    play = PlayScene(app, load_level(CAMPAIGN_DIR / "04_confrontation.tmx"))
    app.reset_to(play)
    pilot = pilot_for(play.sim)
    sim = play.sim
    cx, cy = CENTRE[0] * SUBPX, CENTRE[1] * SUBPX
    while sim.outcome == "playing":
        drive(app, play, pilot, 1)
        skip_dialogue(app, play)
        s = sim.conf.swarm
        seen = ((abs(s.x - cx) < 19 * TILE) & (abs(s.y - cy) < 10 * TILE)).sum()
        if seen >= min_drones:
            break
    play.camera.snap_to(*CENTRE)
    play.camera.follow = lambda *_: None  # hold the frame on the plaza
    play.mouse_tile = None
    app.frame(fixed_ticks=0)
    app.save_screenshot(out)
    print(f"{out}: tick {sim.tick}, wave {sim.conf.wave}, {len(sim.conf.swarm)} drones")


if __name__ == "__main__":
    shoot(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
          / "level4.png")
