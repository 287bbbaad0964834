"""Level 4's opening hints (game/scenes/confront_hints.py), read from the hint bar of the
real play scene: the bag starts empty, so the first hint leads to the waste a node is
built from (naming the nearest missing kind and which way it lies), and says to build
only once the bag pays for one."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.content.text import keys
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.scenes.confront_hints import cost_words, where
from game.scenes.play import PlayScene
from game.sim.commands import Build
from game.sim.components import Position, WastePile
from game.sim.constants import SUBPX

LEVEL4 = CAMPAIGN_DIR / "04_confrontation.tmx"


@pytest.fixture
def play(tmp_path):
    app = App(tmp_path, headless=True)
    scene = PlayScene(app, load_level(LEVEL4))
    app.reset_to(scene)
    scene.frame = lambda: _frame(app, scene)
    yield scene
    scene.sim.close()
    pygame.quit()


def _frame(app: App, scene: PlayScene) -> str:
    """One frame of the level (any story line on top closed); the hint bar's line."""
    app.frame(fixed_ticks=1)
    while app.scene is not scene:
        app.scene.finish()
    return keys(scene.ui.hint)


def _nearest(sim, kinds: set[str]) -> tuple[str, int, int]:
    """(kind, dx, dy) of the nearest pile of one of `kinds`, from Elara, in pixels."""
    pos = sim.player()[1]
    me = (pos.x // SUBPX, pos.y // SUBPX)
    piles = [(p.x // SUBPX - me[0], p.y // SUBPX - me[1], w.kind)
             for _, (w, p) in sim.query(WastePile, Position) if w.kind in kinds]
    dx, dy, kind = min(piles, key=lambda t: t[0] ** 2 + t[1] ** 2)
    return kind, dx, dy


def test_the_first_hint_leads_to_waste_while_the_bag_is_empty(play):
    sim = play.sim
    assert not sim.player()[0].carry and sim.missing_for("node")  # as a first-timer starts
    line = play.frame()
    assert "press" not in line.lower()  # not "build": the bag cannot pay for a node yet
    assert line.startswith("A node takes 2 alloy and 1 polymer: walk over waste")
    kind, dx, dy = _nearest(sim, {"alloy", "polymer"})
    assert f"The nearest {kind} lies {where(dx, dy)}." in line
    assert where(dx, dy) == "down and to the left"  # polymer by the lower street, west


def test_with_part_of_the_cost_it_names_only_what_is_missing(play):
    sim = play.sim
    sim.player()[0].carry.update(alloy=2)
    line = play.frame()
    assert "The nearest polymer lies" in line and "nearest alloy" not in line


def test_once_the_bag_pays_for_a_node_it_says_to_build(play):
    sim = play.sim
    sim.player()[0].carry.update(alloy=2, polymer=1)
    line = play.frame()
    assert line == keys("The bag pays for a node: press <build>, then pick a marked plot.")
    assert "B" in line  # the player's key, not the token


def test_with_the_bag_full_of_other_waste_it_says_what_to_drop(play):
    sim = play.sim
    sim.player()[0].carry.update(organic=4, alloy=2)  # six: full, and no polymer
    line = play.frame()
    assert line.startswith("The bag is full, and a node still needs 1 polymer: drop organic")
    assert "<" not in line  # every <action> became a key


def test_after_the_node_it_leads_to_spark(play):
    sim = play.sim
    sim.player()[0].carry.update(alloy=2, polymer=1)
    play.frame()
    pos = sim.player()[1]
    tx, ty = pos.x // (16 * SUBPX), pos.y // (16 * SUBPX)
    plot = min(((x, y) for y, x in zip(*sim.grid.buildable.nonzero(), strict=True)
                if sim.placement_problem("node", int(x), int(y)) is None),
               key=lambda p: (p[0] - tx) ** 2 + (p[1] - ty) ** 2)
    sim.step([Build("node", int(plot[0]), int(plot[1]))])
    line = play.frame()
    assert line.startswith("Bring alloy to the node and press")


def test_cost_words_read_as_a_list():
    assert cost_words({"polymer": 1, "alloy": 2}) == "2 alloy and 1 polymer"
    assert cost_words({"alloy": 2}) == "2 alloy"
    assert cost_words({"a": 1, "b": 2, "c": 3}) == "1 a, 2 b and 3 c"
    assert where(10, 0) == "to the right" and where(0, -10) == "above"
    assert where(-10, 9) == "down and to the left"
