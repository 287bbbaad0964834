"""The player's hands in a real PlayScene: E puts in only the chosen kind, T chooses,
X drops, what E would reach is outlined, and a key with nothing to act on says so."""

from __future__ import annotations

import pygame
import pytest
from mapkit import write_map
from test_render import key

from game.level import load_level
from game.render.reach import interact_target
from game.scenes.play import PlayScene
from game.sim.components import Reactor, WastePile

pytestmark = pytest.mark.usefixtures("toy_maps")  # one mechanic or format, on tiny maps


def scene_for(app, tmp_path, rows, amounts):
    play = PlayScene(app, load_level(write_map(tmp_path / "m", rows, amounts,
                                               objective_amount=50)))
    app.push(play)
    app.frame(fixed_ticks=0)
    return play


def walk(app, k, ticks):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=""))
    for _ in range(ticks):
        app.frame(fixed_ticks=1)
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode=""))
    app.frame(fixed_ticks=1)


def test_e_puts_in_the_chosen_kind_and_keeps_the_rest(app, tmp_path):
    play = scene_for(app, tmp_path, ["@apop.", "...P..", "......"],
                     {"alloy": 2, "polymer": 1, "organic": 2})
    walk(app, pygame.K_d, 40)  # alloy, polymer, organic, polymer
    play.input.build("node", 3, 1)
    app.frame(fixed_ticks=1)
    assert play.sim.player()[0].carry == {"organic": 2, "polymer": 1}
    assert play.input.kind == "organic"  # the level grows biomass: organic comes first
    assert interact_target(play.sim).what == "node"
    key(app, pygame.K_e)
    app.frame(fixed_ticks=1)
    assert play.sim.player()[0].carry == {"polymer": 1}  # kept for the next node
    assert play.sim.query(Reactor)[0][1].queue == ["organic", "organic"]
    key(app, pygame.K_e)  # no organic left: it says so, the polymer stays
    app.frame(fixed_ticks=1)
    assert "T chooses" in play.ui.message
    assert play.sim.player()[0].carry == {"polymer": 1}
    key(app, pygame.K_t)
    assert play.input.kind == "polymer" and "polymer" in play.ui.message
    key(app, pygame.K_x)  # drops one polymer at her feet
    app.frame(fixed_ticks=1)
    assert play.sim.player()[0].carry == {}
    assert [(p.kind, p.amount) for _, p in play.sim.query(WastePile)] == [("polymer", 1)]


def test_e_with_nothing_in_reach_says_so(app, tmp_path):
    play = scene_for(app, tmp_path, ["@.....", "......"], {})
    assert interact_target(play.sim) is None
    key(app, pygame.K_e)
    assert play.ui.message == "Nothing in reach: stand beside a node."


def test_what_the_hands_say_is_drawn_on_screen(app, tmp_path, monkeypatch):
    """The bag's lines reach the HUD (they once set a counter the HUD never read)."""
    play = scene_for(app, tmp_path, ["@.....", "......"], {})
    drawn: list[str] = []
    draw = play.hud.font.draw

    def recording_draw(target, text, *args, **kwargs):
        drawn.append(text)
        return draw(target, text, *args, **kwargs)

    monkeypatch.setattr(play.hud.font, "draw", recording_draw)
    key(app, pygame.K_e)
    app.frame(fixed_ticks=1)
    assert "Nothing in reach: stand beside a node." in drawn
    drawn.clear()
    key(app, pygame.K_t)
    app.frame(fixed_ticks=1)
    assert any("puts in" in line for line in drawn)  # what E puts in now
