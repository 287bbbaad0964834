"""In the game: the Custom maps screen lists good and broken maps without crashing and
plays one; F5 reloads the map being played, or shows why the edit broke it and keeps the
game running."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest
from mapkit import write_map

from game.app import App
from game.scenes.custom_maps import CustomMapsScene
from game.scenes.play import PlayScene


@pytest.fixture
def app(tmp_path):
    application = App(tmp_path / "data", headless=True)
    yield application
    pygame.display.quit()


def key(app: App, k: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=""))
    app.frame(fixed_ticks=0)
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode=""))
    app.frame(fixed_ticks=0)


def text_pixels(surface: pygame.Surface) -> int:
    return int((pygame.surfarray.array3d(surface).sum(axis=2) > 300).sum())


def test_custom_maps_lists_good_and_broken_maps_and_plays_one(app, tmp_path):
    folder = app.data_dir / "maps"
    write_map(folder, ["@.o", "..."], name="a_good.tmx")
    (folder / "b_broken.tmx").write_text("<map><layer>")
    extra = tmp_path / "extra"
    write_map(extra, ["@..", ".#."], name="c_other.tmx")
    app.services.custom_map_dirs = [extra]
    scene = CustomMapsScene(app)
    app.push(scene)
    assert scene.scanner.wait(60)  # maps are read off the frame loop
    app.frame(fixed_ticks=0)
    assert [(r.path.name, r.title, r.broken) for r in scene.rows] == [
        ("a_good.tmx", "Test map", False), ("b_broken.tmx", "b_broken", True),
        ("c_other.tmx", "Test map", False)]
    assert scene.rows[0].detail == "3×2"
    assert scene.rows[1].detail.startswith("broken XML at line 1")
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # the broken one: stays on the list
    assert app.scene is scene
    key(app, pygame.K_UP)
    key(app, pygame.K_RETURN)
    play = app.scene
    assert isinstance(play, PlayScene) and play.level.path == folder / "a_good.tmx"
    assert play.run.category == "custom"
    app.frame(fixed_ticks=5)
    assert play.sim.tick == 5


def test_empty_folder_says_where_to_put_maps(app):
    scene = CustomMapsScene(app)
    app.push(scene)
    assert scene.scanner.wait(60)
    app.frame(fixed_ticks=0)
    assert scene.rows == [] and (app.data_dir / "maps" / "kit" / "tilesets" / "city.png").is_file()
    assert text_pixels(app.screen) > 500


def test_f5_reloads_the_map_or_shows_errors_and_keeps_playing(app, tmp_path):
    path = write_map(tmp_path / "m", ["@.o.", "...."])
    from game.level import load_level

    play = PlayScene(app, load_level(path))
    app.push(play)
    app.frame(fixed_ticks=10)
    good = path.read_text()
    path.write_text(good.replace('value="organic"', 'value="plutonium"'))
    before = pygame.surfarray.array3d(app.screen).copy()
    key(app, pygame.K_F5)
    assert app.scene is play and play.sim.tick == 10  # still the old map, not restarted
    assert "plutonium" in play.hot_reload.problems[0].message
    app.frame(fixed_ticks=3)
    assert play.sim.tick == 13
    after = pygame.surfarray.array3d(app.screen)
    assert not np.array_equal(before, after)  # the error panel is on screen
    path.write_text(good.replace("1,1,1,1", "1,2,1,1", 1))  # fix it, and wall a tile
    key(app, pygame.K_F5)
    assert play.hot_reload.problems == [] and play.sim.tick == 0
    assert play.level.solid.any()


def test_maps_option_is_repeatable():
    from game.cli.main import build_parser

    args = build_parser().parse_args(["--maps", "one", "--maps", "two", "check", "m.tmx"])
    assert [str(p) for p in args.map_dirs] == ["one", "two"] and args.maps == [Path("m.tmx")]
    assert build_parser().parse_args([]).map_dirs == []
