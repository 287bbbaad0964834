"""Screenshots for the README and docs, taken by the game itself.

The autopilot plays level 1 through the real PlayScene (same commands a player gives),
then frames are saved. Run: python tools/make_screenshots.py [OUT_DIR]
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
from game.dev.bot import Autopilot  # noqa: E402
from game.level import load_level  # noqa: E402
from game.paths import CAMPAIGN_DIR  # noqa: E402

ROOT_DIR = Path(__file__).resolve().parent.parent
from game.scenes.play import PlayScene  # noqa: E402
from game.scenes.title import TitleScene  # noqa: E402
from game.sim.components import Reactor  # noqa: E402


def drive(app: App, play: PlayScene, pilot: Autopilot, ticks: int) -> None:
    """Feed the autopilot's commands through the scene's input queue, tick by tick."""
    for _ in range(ticks):
        while app.scene is not play and hasattr(app.scene, "finish"):
            app.scene.finish()  # trigger dialogue: skipped (it never changes the run)
        play.input.pending.extend(pilot.decide())
        app.frame(fixed_ticks=1)


def skip_dialogue(app: App, play: PlayScene) -> None:
    """Esc skips any scene shown over the level (dialogue), as a player may."""
    for _ in range(20):
        if app.scene is play:
            return
        app.scene.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE,
                                                  mod=0, unicode="", scancode=0))
        app.frame(fixed_ticks=0)


def mid_play(app: App, out: Path, map_name: str, ticks: int) -> None:
    """The level's own autopilot plays `ticks` ticks through the real PlayScene."""
    from game.dev.bot import pilot_for

    play = PlayScene(app, load_level(CAMPAIGN_DIR / map_name))
    app.reset_to(play)
    pilot = pilot_for(play.sim)
    while play.sim.tick < ticks and play.sim.outcome == "playing":
        drive(app, play, pilot, 1)
        skip_dialogue(app, play)
    app.save_screenshot(out)


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = App(Path(tempfile.mkdtemp()), headless=True)
    title = TitleScene(app)
    app.push(title)
    for _ in range(40):
        app.frame(fixed_ticks=1)
    app.save_screenshot(out_dir / "title.png")
    play = PlayScene(app, load_level(CAMPAIGN_DIR / "01_scavengers_dawn.tmx"))
    app.reset_to(play)
    pilot = Autopilot(play.sim, nodes_wanted=3)
    # play until a node works and Elara can afford the next one, then show the
    # placement preview over the free plot the autopilot is about to choose
    plot = None
    while play.sim.outcome == "playing" and plot is None:
        drive(app, play, pilot, 1)
        if play.sim.query(Reactor) and not play.sim.missing_for("node"):
            plot = pilot._free_plot(play.sim.player()[1])
    drive(app, play, pilot, 0)
    play.ui.build_mode = True
    play.mouse_tile = plot
    for _ in range(20):
        app.frame(fixed_ticks=0)
    app.save_screenshot(out_dir / "level1.png")
    play.ui.build_mode = False
    while play.sim.outcome == "playing":
        drive(app, play, pilot, 1)
    for _ in range(90):
        if hasattr(app.scene, "finish"):
            app.scene.finish()  # the closing scene: skipped to reach the results
        app.frame(fixed_ticks=1)
    app.save_screenshot(out_dir / "level1_results.png")
    # murals by stage, support per district, Rally (level 3); workshops, artisans,
    # the co-op's goals and the great mural glowing (level 5)
    mid_play(app, out_dir / "level3.png", "03_the_mural.tmx", 6900)
    mid_play(app, out_dir / "level5.png", "05_the_coop.tmx", 5400)
    pygame.quit()
    print("screenshots in", out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT_DIR / "docs" / "screenshots")
