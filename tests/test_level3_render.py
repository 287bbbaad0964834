"""Levels 3 and 5 on screen: the support bars, the mural prompt and the co-op goals are
drawn from the simulation, and a painted mural looks different from a blank wall."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.content.civic import PERCENT
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.render import palette
from game.render.hud import TOP_BAR
from game.render.support_hud import ROW_H, event_message
from game.scenes.play import PlayScene
from game.sim import events as ev
from game.sim.civic import District
from game.sim.components import Mural, Position
from game.sim.constants import TILE


@pytest.fixture
def app(tmp_path):
    application = App(tmp_path, headless=True)
    yield application
    pygame.quit()


def frame_of(app: App, play: PlayScene) -> pygame.Surface:
    app.reset_to(play)
    for _ in range(3):
        app.frame(fixed_ticks=0)
    return app.screen.copy()


def colours(surface: pygame.Surface, rect: pygame.Rect) -> set[tuple[int, int, int]]:
    sub = surface.subsurface(rect)
    return {tuple(sub.get_at((x, y)))[:3] for x in range(sub.get_width())
            for y in range(sub.get_height())}


def count(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int]) -> int:
    sub = surface.subsurface(rect)
    return sum(tuple(sub.get_at((x, y)))[:3] == colour for x in range(sub.get_width())
               for y in range(sub.get_height()))


def test_support_bars_follow_the_districts(app):
    play = PlayScene(app, load_level(CAMPAIGN_DIR / "03_the_mural.tmx"))
    panel = pygame.Rect(0, TOP_BAR, 640, ROW_H)  # the civic strip under the top bar
    teal = palette.PALETTE["teal_3"]
    before = count(frame_of(app, play), panel, teal)
    for _, d in play.sim.query(District):
        d.support = 45 * PERCENT  # past the rally threshold: the bars turn teal
        d.rallied = True
    after = count(frame_of(app, play), panel, teal)
    assert after > before + 3 * 40, "three bars filled to 45 % in teal"


def test_a_painted_mural_is_drawn_over_its_wall(app):
    play = PlayScene(app, load_level(CAMPAIGN_DIR / "03_the_mural.tmx"))
    _, (mural, pos) = play.sim.query(Mural, Position)[-1]
    elara = play.sim.player()[1]
    elara.x, elara.y = pos.x + 3 * TILE, pos.y + TILE  # aside, so she hides nothing
    play.camera.snap_to(pos.x / 16, pos.y / 16)
    blank = frame_of(app, play)
    mural.stage = 3
    glowing = frame_of(app, play)
    ox, oy = play.camera.offset
    wall = pygame.Rect(pos.x // 16 - ox - 16, pos.y // 16 - oy - 24, 32, 32)
    assert colours(blank, wall) != colours(glowing, wall)


def test_civic_events_speak_to_the_player():
    said = event_message(ev.Event(ev.SMEAR_WARNING, 1, {"district": 0, "name": "Canal Row"}))
    assert said is not None and "Canal Row" in said[0] and said[1] is False
    assert event_message(ev.Event(ev.DAX_JOINED, 1, {"dialogue": "dax_joins"}))[1] is True
    volunteer = ev.Event(ev.ARTISAN_TRAINED, 1, {"artisan": 5, "workshop": 0})
    assert event_message(volunteer) is None


def test_coop_goals_are_listed_on_the_hud(app):
    play = PlayScene(app, load_level(CAMPAIGN_DIR / "05_the_coop.tmx"))
    strip = pygame.Rect(0, TOP_BAR, 640, 2 * ROW_H)  # city, districts, Rally, then goals
    text = palette.UI_TEXT
    level3 = PlayScene(app, load_level(CAMPAIGN_DIR / "03_the_mural.tmx"))
    without = count(frame_of(app, level3), strip, text)
    assert level3.camera.viewport.y == TOP_BAR + ROW_H, "one row: no goals on a support level"
    assert count(frame_of(app, play), strip, text) > without + 50, "the goals are written"
