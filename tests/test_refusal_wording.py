"""A refusal names the shortfall as a shortfall: with 1 spark of the 2 an upgrade costs,
level 4 says "Upgrade needs 1 spark more." (it once said "needs 1 spark", which read
as the price). And no player-facing line says "carry-in", a word only the code uses."""

from __future__ import annotations

import inspect

import pygame
import pytest

from game.app import App
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.scenes import level_select, results_run
from game.scenes.play import PlayScene


@pytest.fixture
def app(tmp_path):
    application = App(tmp_path, headless=True)
    yield application
    pygame.quit()


def test_an_upgrade_short_of_spark_says_how_much_more(app):
    play = PlayScene(app, load_level(CAMPAIGN_DIR / "04_confrontation.tmx"))
    app.reset_to(play)
    cost = dict(play.sim.conf.rules.upgrade_cost)["spark"]
    play.sim.state.stock["spark"] = cost - 1
    line = play.confront._refusal("upgrade", "unaffordable")
    assert line == "Upgrade needs 1 spark more."


def test_no_screen_says_carry_in():
    for module in (level_select, results_run):
        strings = inspect.getsource(module).split('"')[1::2]
        shown = [s for s in strings if "\n" not in s]  # docstrings are for readers of code
        assert not [s for s in shown if "carry-in" in s], module.__name__
