"""Talin in person in the confrontation: by his van at the first wave's gate, giving the
order when a wave starts, and beside Elara on screen once the level is won (the closing
scene is drawn over that frame). Drawn from the simulation only: no state hash moves."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.app import App
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.render.talin import TalinView
from game.render.walkers import centre
from game.render.world_view import WorldView
from game.scenes.dialogue import DialogueScene
from game.scenes.play import PlayScene
from game.sim.commands import CallWave
from game.sim.constants import SUBPX, TILE_PX
from game.sim.state import WON
from game.sim.swarm import events as sev
from game.sim.world import Simulation

VIEW = (640, 360)


@pytest.fixture
def confrontation(campaign_sim):
    return campaign_sim("04_confrontation.tmx")


def talin_changes(view: WorldView, offset: tuple[int, int], time_ms: int) -> np.ndarray:
    """Screen pixels (x, y) that drawing Talin (and his van) changed."""
    a, b = pygame.Surface(VIEW), pygame.Surface(VIEW)
    view.draw(a, offset, time_ms)
    view.talin.active = False
    view.draw(b, offset, time_ms)
    view.talin.active = True
    diff = np.abs(pygame.surfarray.array3d(a).astype(int) -
                  pygame.surfarray.array3d(b).astype(int)).sum(axis=2)
    xs, ys = np.nonzero(diff > 30)
    return np.stack([xs, ys], axis=1)


def test_talin_watches_from_his_van_and_orders_each_wave(confrontation):
    view = WorldView(confrontation)
    talin = view.talin
    assert talin.active
    gate = min(confrontation.level.objects_of("DroneSpawn"),
               key=lambda o: int(o.properties.get("first_wave", 1)))
    px, py = centre(talin.post)
    assert abs(px - gate.center[0]) + abs(py - gate.center[1]) <= 8 * TILE_PX
    assert talin.pose(0)[4] == "watching"
    offset = (px - 320, py - 180)
    changed = talin_changes(view, offset, 0)
    assert len(changed) > 150, "Talin and his van are drawn at his post"
    assert (np.abs(changed[:, 0] - 320) < 40).all() and (np.abs(changed[:, 1] - 180) < 30).all()
    events = confrontation.step([CallWave()])
    assert any(e.kind == sev.WAVE_STARTED for e in events)
    view.observe(events)
    assert talin.pose(0)[4] == "ordering"
    before, after = pygame.Surface(VIEW), pygame.Surface(VIEW)
    view.draw(before, offset, 0)
    view.talin.active = False
    view.draw(after, offset, 0)
    view.talin.active = True
    talin.overlay(before, offset, 0)
    assert pygame.surfarray.array3d(before).tobytes() != pygame.surfarray.array3d(after).tobytes()


def test_talin_stands_beside_elara_when_the_level_is_won(confrontation):
    view = WorldView(confrontation)
    confrontation.state.outcome = WON  # as the outcome judge leaves it
    x, y, _, _, doing = view.talin.pose(0)
    pos = confrontation.player()[1]
    ex, ey = pos.x // SUBPX, pos.y // SUBPX
    assert doing == "closing"
    assert 16 <= abs(x - ex) + abs(y - ey) <= 4 * TILE_PX, "a few steps from her"
    offset = (ex - 320, ey - 180)  # the camera on Elara, as under the closing dialogue
    changed = talin_changes(view, offset, 2000)
    assert len(changed) > 60, "he is on screen in the closing scene"


def test_no_talin_where_there_is_no_confrontation():
    for name in ("01_scavengers_dawn.tmx", "03_the_mural.tmx"):
        sim = Simulation(load_level(CAMPAIGN_DIR / name))
        assert not TalinView(sim).active
        sim.close()
    sim = Simulation(load_level(CAMPAIGN_DIR / "05_the_coop.tmx"))
    talin = TalinView(sim)  # the co-op: he comes only for the closing
    assert talin.closing_only and talin.sprites((0, 0), 0) == ([], [])
    sim.close()


@pytest.mark.parametrize("name", ["04_confrontation.tmx", "05_the_coop.tmx"])
def test_talin_is_on_screen_under_the_closing_dialogue(tmp_path, name):
    """Won: the play scene shows the closing scene, and Talin is in the frame under it."""
    app = App(tmp_path, headless=True)
    play = PlayScene(app, load_level(CAMPAIGN_DIR / name))
    app.reset_to(play)
    app.frame(fixed_ticks=1)
    play.sim.state.outcome = WON  # as the judge leaves a won level
    for _ in range(300):
        app.frame(fixed_ticks=1)
        if isinstance(app.scene, DialogueScene):
            break
    assert isinstance(app.scene, DialogueScene) and app.scene.script == \
        play.story.scenes["closing"]
    for _ in range(60):  # he has stepped in
        app.frame(fixed_ticks=0)
    with_him = pygame.surfarray.array3d(app.screen).astype(int)
    play.view.talin.active = False
    app.frame(fixed_ticks=0)
    without = pygame.surfarray.array3d(app.screen).astype(int)
    changed = (np.abs(with_him - without).sum(axis=2) > 30).sum()
    assert changed > 60, "Talin is drawn on screen during the closing dialogue"
    pygame.quit()


def test_drawing_talin_changes_no_state_hash():
    hashes = []
    for draw in (True, False):
        sim = Simulation(load_level(CAMPAIGN_DIR / "04_confrontation.tmx"))
        view = WorldView(sim) if draw else None
        surf = pygame.Surface(VIEW)
        for tick in range(900):
            events = sim.step([CallWave()] if tick in (1, 400) else [])
            if view is not None:
                view.observe(events)
                if tick % 3 == 0:
                    x, y = centre(view.talin.post)
                    view.draw(surf, (x - 320, y - 180), tick * 16)
                    view.talin.overlay(surf, (x - 320, y - 180), tick * 16)
        hashes.append(sim.state_hash())
        sim.close()
    assert hashes[0] == hashes[1]
