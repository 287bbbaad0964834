"""Levels 3 and 5 start with an empty bag too: their first hint, read from the hint bar
of the real play scene, leads to the waste a node is built from and says to build only
once the bag pays for one (game/scenes/gather_hint.py, shared with level 4)."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.content.text import keys
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.scenes.play import PlayScene
from game.sim.components import Position, WastePile
from game.sim.constants import SUBPX

LEVELS = ["03_the_mural.tmx", "05_the_coop.tmx"]


def _scene(tmp_path, name: str) -> tuple[App, PlayScene]:
    app = App(tmp_path, headless=True)
    scene = PlayScene(app, load_level(CAMPAIGN_DIR / name))
    app.reset_to(scene)
    return app, scene


def _hint(app: App, scene: PlayScene) -> str:
    """One frame (any story line on top closed); the hint bar's line."""
    app.frame(fixed_ticks=1)
    while app.scene is not scene:
        app.scene.finish()
    return keys(scene.ui.hint)


@pytest.mark.parametrize("name", LEVELS)
def test_an_empty_bag_is_led_to_waste_before_it_is_told_to_build(tmp_path, name):
    app, scene = _scene(tmp_path, name)
    sim = scene.sim
    try:
        assert not sim.player()[0].carry and sim.missing_for("node")
        line = _hint(app, scene)
        assert line.startswith("A node takes 2 alloy and 1 polymer: walk over waste"), line
        kinds = {w.kind for _, (w, p) in sim.query(WastePile, Position)}
        if kinds & {"alloy", "polymer"}:
            assert "The nearest " in line and " lies " in line, line
        assert "<" not in line
        sim.player()[0].carry.update(alloy=2, polymer=1)  # now the bag pays
        line = _hint(app, scene)
        assert line == keys("Build a node (<build>) on a marked plot: "
                            "it turns polymer into pigment."), line
    finally:
        sim.close()
        pygame.quit()


def test_the_opening_names_a_pile_by_where_it_lies_from_elara(tmp_path):
    app, scene = _scene(tmp_path, LEVELS[0])
    sim = scene.sim
    try:
        pos = sim.player()[1]
        me = (pos.x // SUBPX, pos.y // SUBPX)
        piles = [((p.x // SUBPX - me[0]) ** 2 + (p.y // SUBPX - me[1]) ** 2, w.kind)
                 for _, (w, p) in sim.query(WastePile, Position)
                 if w.kind in {"alloy", "polymer"}]
        line = _hint(app, scene)
        assert f"The nearest {min(piles)[1]} lies " in line, line
    finally:
        sim.close()
        pygame.quit()
