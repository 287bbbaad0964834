"""Dax on the map (levels 3 and 5): hidden until he joins, then on his rounds; a Rally
brings him to the rallied district, where a crowd gathers and he speaks. He is drawn
from the simulation's tick and events only: drawing him changes no state hash."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from game.dev.bot import pilot_for
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.render.world_view import WorldView
from game.sim import events as ev
from game.sim.commands import Rally
from game.sim.components import Position
from game.sim.constants import SUBPX, TILE_PX
from game.sim.support import build_layout
from game.sim.world import Simulation

VIEW = (320, 200)


def until_joined(sim: Simulation, view: WorldView, limit: int = 6000) -> None:
    while not view.dax.joined():
        assert sim.tick < limit, "Dax joins at the first sketch or smear warning"
        view.observe(sim.step())


def dax_pixels(view: WorldView, centre: tuple[int, int]) -> np.ndarray:
    """Pixels (y, x) where drawing Dax (and his crowd) changed the frame around `centre`."""
    offset = (centre[0] - VIEW[0] // 2, centre[1] - VIEW[1] // 2)
    with_him, without = pygame.Surface(VIEW), pygame.Surface(VIEW)
    view.draw(with_him, offset, 0)
    view.dax.active = False
    view.draw(without, offset, 0)
    view.dax.active = True
    a = pygame.surfarray.array3d(with_him).astype(int)
    b = pygame.surfarray.array3d(without).astype(int)
    xs, ys = np.nonzero(np.abs(a - b).sum(axis=2) > 30)
    return np.stack([ys + offset[1], xs + offset[0]], axis=1)


@pytest.mark.parametrize("name", ["03_the_mural.tmx", "05_the_coop.tmx"])
def test_dax_joins_walks_and_rallies_at_the_district(name):
    sim = Simulation(load_level(CAMPAIGN_DIR / name))
    view = WorldView(sim)
    assert view.dax.active and not view.dax.joined()
    until_joined(sim, view)
    assert view.dax.pose(sim.tick)[3] == "arriving", "he walks in from the map's edge"
    for _ in range(900):
        view.observe(sim.step())
    x0, y0, _, doing = view.dax.pose(sim.tick)
    assert doing == "rounds"
    for _ in range(120):
        view.observe(sim.step())
    assert (x0, y0) != view.dax.pose(sim.tick)[:2], "on his rounds he keeps walking"
    # Rally: the sim picks the district; he hurries there and the crowd gathers at him
    events = sim.step([Rally()])
    view.observe(events)
    rallied = [e for e in events if e.kind == ev.RALLIED]
    assert rallied
    district = rallied[0].data["district"]
    for _ in range(view.dax.rally.dash_ticks + 100):
        view.observe(sim.step())
    x, y, _, doing = view.dax.pose(sim.tick)
    assert doing == "rallying"
    layout = build_layout(sim.level)
    assert layout.index[int(y) // TILE_PX, int(x) // TILE_PX] == district
    changed = dax_pixels(view, (int(x), int(y)))
    near = (np.abs(changed[:, 0] - y) < 40) & (np.abs(changed[:, 1] - x) < 48)
    assert near.sum() > 400, "Dax, his crowd and his words are drawn at the district"
    sim.close()


def test_he_steps_aside_for_elara():
    sim = Simulation(load_level(CAMPAIGN_DIR / "03_the_mural.tmx"))
    view = WorldView(sim)
    until_joined(sim, view)
    for _ in range(900):
        view.observe(sim.step())
    x, y, _, _ = view.dax.pose(sim.tick)
    for _, (_p, pos) in sim.query(type(sim.player()[0]), Position):
        pos.x, pos.y = int(x) * SUBPX, int(y) * SUBPX  # Elara stands where he walks
    (_, img, (sx, _)), = view.dax.sprites((0, 0), 0)[0][:1]
    assert abs(sx + 8 - x) >= 8, "he is drawn beside her, never on her"
    sim.close()


def test_levels_without_rally_have_no_dax():
    for name in ("01_scavengers_dawn.tmx", "04_confrontation.tmx"):
        sim = Simulation(load_level(CAMPAIGN_DIR / name))
        assert not WorldView(sim).dax.active
        sim.close()


@pytest.mark.parametrize("name", ["03_the_mural.tmx", "05_the_coop.tmx"])
def test_drawing_the_story_people_changes_no_state_hash(name):
    """The same pilot's run, drawn (Dax, revival, plot marks) or never."""
    hashes = []
    for draw in (True, False):
        sim = Simulation(load_level(CAMPAIGN_DIR / name))
        pilot = pilot_for(sim)
        view = WorldView(sim) if draw else None
        surf = pygame.Surface((640, 360))
        for tick in range(3600):
            commands = list(pilot.decide())
            if tick % 700 == 699:
                commands.append(Rally())
            events = sim.step(commands)
            if view is not None:
                view.observe(events)
            if view is not None and tick % 3 == 0:
                pos = sim.player()[1]
                view.draw(surf, (pos.x // SUBPX - 320, pos.y // SUBPX - 180), tick * 16)
        hashes.append(sim.state_hash())
        sim.close()
    assert hashes[0] == hashes[1]


def test_the_replay_viewer_shows_dax_and_still_verifies(tmp_path):
    """Level 3's golden replay in the viewer: Dax joins and rallies as often as the run
    did, and the replay still ends on its recorded hash."""
    from game.app import App
    from game.scenes.replay_viewer import open_viewer
    from game.speedrun.replay import from_bytes

    golden = Path(__file__).parent / "replays" / "03_the_mural.rpl"
    replay = from_bytes(golden.read_bytes())
    sim = Simulation(load_level(CAMPAIGN_DIR / "03_the_mural.tmx"), replay.header["seed"])
    rallied = sum(e.kind == ev.RALLIED for tick in replay.ticks for e in sim.step(tick))
    sim.close()
    app = App(tmp_path, headless=True)
    assert open_viewer(app, golden) == ""
    viewer = app.scene
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_4, mod=0, unicode=""))
    while not viewer.finished:
        app.frame(fixed_ticks=8)
    assert viewer.sim.state_hash() == replay.final["state_sha256"]
    assert viewer.view.dax.join_tick is not None, "he joined on screen"
    assert rallied > 0 and viewer.view.dax.rallies == rallied
    pygame.quit()
