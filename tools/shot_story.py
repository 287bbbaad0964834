"""Screenshots of the story on the map, for the README: a district coming back to life
(0 %, 50 %, 100 % support), Dax rallying a district (level 3), Talin at his van as a wave
starts and beside Elara in the closing scene (level 4).

The levels are played by their autopilots through the real PlayScene; only the revival
strip sets support by hand, to show the three grades side by side.
Run: python tools/shot_story.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

import pygame  # noqa: E402
from make_screenshots import drive, skip_dialogue  # noqa: E402

from game.app import App  # noqa: E402
from game.content.civic import PERCENT  # noqa: E402
from game.dev.bot import pilot_for  # noqa: E402
from game.level import load_level  # noqa: E402
from game.paths import CAMPAIGN_DIR  # noqa: E402
from game.render.world_view import WorldView  # noqa: E402
from game.scenes.play import PlayScene  # noqa: E402
from game.sim.civic import District  # noqa: E402
from game.sim.world import Simulation  # noqa: E402


def revival(out: Path) -> None:
    sim = Simulation(load_level(CAMPAIGN_DIR / "05_the_coop.tmx"))
    view = WorldView(sim)
    strip = pygame.Surface((3 * 320 + 8, 200))
    strip.fill((18, 13, 28))
    for i, percent in enumerate((0, 50, 100)):
        for _, d in sim.query(District):
            d.support = percent * PERCENT
        frame = pygame.Surface((320, 200))
        view.draw(frame, (220, 130), 0)
        strip.blit(frame, (i * 324, 0))
    pygame.image.save(pygame.transform.scale_by(strip, 2), str(out))
    sim.close()


def play_until(app: App, name: str, done):
    """The level's autopilot plays until `done(play)`; returns the scene and the pilot."""
    play = PlayScene(app, load_level(CAMPAIGN_DIR / name))
    app.reset_to(play)
    pilot = pilot_for(play.sim)
    while not done(play) and play.sim.outcome == "playing":
        drive(app, play, pilot, 1)
        skip_dialogue(app, play)
    return play, pilot


def around(play: PlayScene, x: float, y: float, out: Path, overlay=None) -> None:
    """The world (and what `overlay` adds) centred on (x, y), at 2x."""
    frame = pygame.Surface((480, 270))
    level = play.sim.level
    w, h = level.width * level.tile_size, level.height * level.tile_size
    offset = (max(0, min(int(x) - 240, w - 480)), max(0, min(int(y) - 150, h - 270)))
    play.view.draw(frame, offset, play.app.time_ms)
    play.confront.draw_world(frame, offset, play.app.time_ms)
    if overlay is not None:
        overlay(frame, offset)
    pygame.image.save(pygame.transform.scale_by(frame, 2), str(out))


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    revival(out_dir / "story_revival.png")
    app = App(Path(tempfile.mkdtemp()), headless=True)
    play, _ = play_until(app, "03_the_mural.tmx", lambda p: p.view.dax.rally is not None and
                      p.sim.tick > p.view.dax.rally.start + p.view.dax.rally.dash_ticks + 150)
    x, y, _, _ = play.view.dax.pose(play.sim.tick)
    around(play, x, y, out_dir / "story_dax_rally.png")
    play, pilot = play_until(app, "04_confrontation.tmx",
                      lambda p: p.view.talin.wave >= 1 and p.sim.tick > p.view.talin.wave_tick + 70)
    x, y, *_ = play.view.talin.pose(app.time_ms)
    around(play, x, y, out_dir / "story_talin_wave.png",
           lambda f, o: play.view.talin.overlay(f, o, app.time_ms))
    while play.sim.outcome == "playing":
        drive(app, play, pilot, 1)
        while app.scene is not play and hasattr(app.scene, "finish") and \
                play.sim.outcome == "playing":
            app.scene.finish()
    for _ in range(120):  # the results delay, then the closing scene over the square
        app.frame(fixed_ticks=0)
    app.save_screenshot(out_dir / "story_talin_closing.png")
    pygame.quit()
    print("story screenshots in", out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
