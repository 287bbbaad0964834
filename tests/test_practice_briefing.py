"""Practice shows a level's briefing the first time the player starts that level there
(skippable, before the run's first tick), never again after, and the pause menu offers
it again. Driven through the real scenes from the title."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.campaign.catalog import campaign
from game.scenes.briefing import BriefingScene
from game.scenes.pause import PauseScene
from game.scenes.play import PlayScene
from game.scenes.title import TitleScene

LEVEL4 = 3  # index of Confrontation in the level select


def key(app: App, k: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=""))
    app.frame(fixed_ticks=0)


@pytest.fixture
def data_dir(tmp_path):
    yield tmp_path
    pygame.display.quit()


def practice_level(app: App, index: int) -> None:
    """Title > Practice (level select) > the index-th level."""
    app.reset_to(TitleScene(app))
    app.frame(fixed_ticks=0)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # Practice (level select)
    for _ in range(index):
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)


def test_practice_opens_a_level_with_its_briefing_the_first_time_only(data_dir):
    app = App(data_dir, headless=True)
    practice_level(app, LEVEL4)
    briefing = app.scene
    assert isinstance(briefing, BriefingScene)
    assert briefing.entry.id == campaign().levels[LEVEL4].id and briefing.script.lines
    key(app, pygame.K_ESCAPE)  # skip it at once
    play = app.scene
    assert isinstance(play, PlayScene) and play.sim.tick == 0
    assert play.run.category == "practice" and not play.sim.carry
    app.frame(fixed_ticks=5)
    assert play.sim.tick == 5  # the level runs as soon as the briefing is gone

    practice_level(app, LEVEL4)  # the second time: straight to play
    assert isinstance(app.scene, PlayScene) and app.scene.sim.tick == 0

    again = App(data_dir, headless=True)  # remembered in the profile, across sessions
    practice_level(again, LEVEL4)
    assert isinstance(again.scene, PlayScene)
    practice_level(again, 0)  # another level not yet briefed still opens with its own
    assert isinstance(again.scene, BriefingScene)
    assert again.scene.entry.id == campaign().levels[0].id


def test_a_level_briefed_in_the_campaign_is_not_shown_again_in_practice(data_dir):
    app = App(data_dir, headless=True)
    app.reset_to(TitleScene(app))
    app.frame(fixed_ticks=0)
    key(app, pygame.K_RETURN)  # Campaign
    key(app, pygame.K_RETURN)  # New campaign: level 1's briefing
    assert isinstance(app.scene, BriefingScene)
    for _ in range(len(app.scene.script.lines) * 2):  # read to the end
        key(app, pygame.K_SPACE)
    assert isinstance(app.scene, PlayScene) and app.scene.run.is_campaign
    practice_level(app, 0)
    assert isinstance(app.scene, PlayScene) and app.scene.run.category == "practice"


def playing_level4(data_dir, ticks: int) -> tuple[App, PlayScene]:
    """Practice → level 4, its briefing skipped (Esc), `ticks` played."""
    app = App(data_dir, headless=True)
    practice_level(app, LEVEL4)
    key(app, pygame.K_ESCAPE)
    play = app.scene
    app.frame(fixed_ticks=ticks)
    return app, play


def test_a_practice_restart_never_shows_the_briefing(data_dir):
    app, play = playing_level4(data_dir, 30)
    key(app, pygame.K_r)  # instant restart
    assert app.scene is play and play.sim.tick == 0


def test_the_pause_menu_shows_the_briefing_again_without_a_tick(data_dir):
    app, play = playing_level4(data_dir, 40)
    key(app, pygame.K_ESCAPE)  # pause
    assert isinstance(app.scene, PauseScene)
    labels = [item.label for item in app.scene.menu.items]
    assert "Level briefing" in labels
    for _ in range(labels.index("Level briefing")):
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, BriefingScene) and app.scene.script.lines
    app.frame(fixed_ticks=60)
    assert play.sim.tick == 40  # nothing ticks while it is read
    key(app, pygame.K_SPACE)
    key(app, pygame.K_SPACE)  # a line or two, then skip the rest
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, PauseScene)  # back where the player asked for it
    key(app, pygame.K_ESCAPE)
    assert app.scene is play and play.sim.tick == 40


def test_the_pause_menu_offers_a_briefing_only_where_there_is_one(data_dir, tmp_path):
    from mapkit import write_map

    from game.level import load_level

    app = App(data_dir, headless=True)
    rows = ["........", ".@..o.P.", "..a.p...", "........"]
    bare = write_map(tmp_path / "bare", rows, amounts={"alloy": 2, "polymer": 1})
    told = write_map(tmp_path / "told", rows, amounts={"alloy": 2, "polymer": 1})
    told.with_name("test.story.toml").write_text(
        '[briefing]\nlines = [["elara", "The beds behind the depot are empty."]]\n')
    for path, offered in ((bare, False), (told, True)):
        play = PlayScene(app, load_level(path))
        app.reset_to(play)
        app.push(PauseScene(app, play))
        labels = [item.label for item in app.scene.menu.items]
        assert ("Level briefing" in labels) == offered and labels[0] == "Resume"
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # the custom map's own briefing
    assert isinstance(app.scene, BriefingScene)
    assert app.scene.script.lines[0].text == "The beds behind the depot are empty."


def test_level4_briefing_tells_how_to_look_around_with_the_players_own_keys(data_dir):
    """The free camera is new on level 4: its briefing says how to use it, and a key
    named in a line shows as the key the player presses."""
    import re

    from game.campaign.catalog import scenes_for
    from game.content.text import keys

    app = App(data_dir, headless=True)
    practice_level(app, LEVEL4)
    briefing = app.scene
    index = next(i for i, ln in enumerate(briefing.script.lines) if "<cam_home>" in ln.text)
    while briefing.index < index:
        key(app, pygame.K_SPACE)
    app.frame(fixed_ticks=120)  # the whole line has appeared
    assert "Home brings the view back" in briefing.words()
    assert "edge of the screen" in briefing.words()
    pygame.image.save(app.screen, data_dir / "level4_camera_line.png")
    for entry in campaign().levels:  # no placeholder that names no action
        for script in scenes_for(entry)[0].values():
            for line in script.lines:
                assert not re.search(r"<\w+>", keys(line.text)), (entry.id, line.text)
