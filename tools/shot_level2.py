"""Screenshots of level 2 and the story screens, taken by the game itself.

Level 2 (Shortages) mid-race: the autopilot plays through the real PlayScene at a
player's pace until a corporate collector is on screen near Elara; also the briefing,
a trigger dialogue and the campaign level select.
Run: python tools/shot_level2.py [OUT_DIR]   (default docs/screenshots)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.app import App  # noqa: E402
from game.campaign.catalog import campaign  # noqa: E402
from game.dev.bot import pilot_for  # noqa: E402
from game.level import load_level  # noqa: E402
from game.scenes.campaign_flow import enter_level  # noqa: E402

ROOT_DIR = Path(__file__).resolve().parent.parent
from game.scenes.dialogue import DialogueScene  # noqa: E402
from game.scenes.level_select import LevelSelectScene  # noqa: E402
from game.sim.components import Collector, Position  # noqa: E402
from game.sim.constants import TILE  # noqa: E402
from game.speedrun.run import Run  # noqa: E402


def frames(app: App, n: int, ticks: int = 0) -> None:
    for _ in range(n):
        app.frame(fixed_ticks=ticks)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = App(Path(tempfile.mkdtemp()), headless=True)
    levels = campaign().levels
    # a profile that has won level 1, so the level select shows progress
    app.services.profile.record(levels[0].id, "won", 2100, "gold", levels[1].id)
    app.push(LevelSelectScene(app, story=True, focus=levels[1].id))
    frames(app, 3)
    app.save_screenshot(out / "level_select.png")
    level = load_level(levels[1].path)
    enter_level(app, level, Run.for_app(app, "practice", [level.path]), story=True)
    briefing = app.scene
    for _ in range(3):
        briefing.next_line()
        briefing.next_line()
    frames(app, 90, ticks=1)  # presentation time passes: the line types out
    app.save_screenshot(out / "level2_briefing.png")
    briefing.finish()
    play = app.scene
    pilot = pilot_for(play.sim)
    shot_dialogue = False
    while play.sim.outcome == "playing":
        if isinstance(app.scene, DialogueScene):
            if not shot_dialogue:
                frames(app, 150, ticks=1)  # the level does not tick under it
                app.save_screenshot(out / "dialogue.png")
                shot_dialogue = True
            app.scene.finish()
            continue
        if play.sim.tick % 2 == 0:  # a player's pace, not the autopilot's
            play.input.pending.extend(pilot.decide())
        app.frame(fixed_ticks=1)
        me = play.sim.player()[1]
        near = [p for _, (c, p) in play.sim.query(Collector, Position)
                if abs(p.x - me.x) < 12 * TILE and abs(p.y - me.y) < 6 * TILE and c.carry]
        if near and play.sim.tick > 60 * 45 and len(play.sim.query(Collector)) > 1:
            break
    frames(app, 10)
    app.save_screenshot(out / "level2.png")
    pygame.quit()
    print("screenshots in", out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT_DIR / "docs" / "screenshots")
