"""Every loss names its reason: the simulation keeps one word, the results screen says it
in a sentence (never "Out of time" for a fallen mural)."""

from __future__ import annotations

import pygame
from runkit import to_results

from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.scenes.play import PlayScene
from game.scenes.results import loss_text
from game.sim.objectives.deliver import TIME_UP
from game.sim.objectives.materials import OUT_OF_MATERIALS
from game.sim.objectives.survive import MURAL_FELL, MURALS_DESTROYED


def test_each_reason_the_sim_can_give_has_its_own_sentence():
    reasons = [TIME_UP, MURAL_FELL, MURALS_DESTROYED, OUT_OF_MATERIALS]
    sentences = [loss_text(r) for r in reasons]
    assert len(set(sentences)) == len(reasons)
    assert all(s and "_" not in s for s in sentences)
    assert "mural" in loss_text(MURAL_FELL).lower()


def test_a_lost_level_shows_why_on_its_results(app):
    level = load_level(CAMPAIGN_DIR / "02_shortages.tmx")
    level.properties["time_limit_seconds"] = 1
    play = PlayScene(app, level)
    app.push(play)
    app.skip_story = True
    for _ in range(70):
        app.frame(fixed_ticks=1)
    assert play.sim.outcome == "lost" and play.sim.loss_reason == TIME_UP
    results = to_results(app)
    assert results is not None
    surface = pygame.Surface((640, 360))
    results.draw(surface)  # draws the reason line without error
    assert loss_text(TIME_UP) == "The Guild's clock ran out"
