"""Nothing drawn on the map hides Elara: with her just north of a depot its counter moves
below (or beside) it, plot marks, mural progress, the depots' counters, Dax's and
Talin's words and the gates' countdowns never cover her pixels, and a speech bubble or
a countdown steps aside from her. Each
frame is drawn by the real play scene and compared, on Elara's own pixels, with the
same frame drawn without those labels and marks."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.app import App
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.render.alerts import Alerts
from game.render.bubble import bubble
from game.render.dax import DaxView
from game.render.effects import Effects
from game.render.guide import Guide
from game.render.murals import CivicView
from game.render.plots import PlotMarks
from game.render.story_view import StoryView
from game.render.talin import TalinView
from game.render.walkers import centre
from game.scenes.bag_controls import BagControls
from game.scenes.play import PlayScene
from game.sim.commands import CallWave
from game.sim.components import Depot, Mural, Position
from game.sim.constants import SUBPX, TILE_PX

LEVELS = sorted(CAMPAIGN_DIR.glob("*.tmx"))
# every layer drawn over the world after its sprites and light: labels, marks, words
OVERLAYS = [(PlotMarks, "draw"), (CivicView, "overlay"), (StoryView, "overlay"),
            (DaxView, "overlay"), (TalinView, "overlay"), (Effects, "draw"),
            (Guide, "draw"), (BagControls, "draw_world"), (Alerts, "draw")]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    application = App(tmp_path_factory.mktemp("elara"), headless=True)
    yield application
    pygame.quit()


def start(app, name: str) -> PlayScene:
    play = PlayScene(app, load_level(CAMPAIGN_DIR / name))
    app.reset_to(play)
    app.frame(fixed_ticks=0)
    return play


def put_elara(app, play, tx: int, ty: int) -> None:
    """Elara on tile (tx, ty), standing still, with the camera on her (no ticks), and
    the frames drawn until they settle (the crowd at level 4's mural eases aside)."""
    pos = play.sim.player()[1]
    pos.x, pos.y = (tx * TILE_PX + 8) * SUBPX, (ty * TILE_PX + 8) * SUBPX
    play.camera.snap_to(tx * TILE_PX + 8, ty * TILE_PX + 8)
    last = frame(app)
    for _ in range(60):
        now = frame(app)
        if np.array_equal(now, last):
            return
        last = now


def elara_on_screen(play) -> tuple[pygame.Rect, np.ndarray]:
    """Her sprite's rect on screen and its opaque pixels (x, y), worked out from the
    simulation and the camera, not from what the world view says."""
    player, pos = play.sim.player()
    img = play.view.elara[player.facing][0]  # standing still: the first frame
    ox, oy = play.camera.offset
    bottom = pos.y // SUBPX + play.sim.rules.hitbox_px[1] // 2
    rect = pygame.Rect(pos.x // SUBPX - 8 - ox, bottom - 24 - oy, 16, 24)
    xs, ys = np.nonzero(pygame.surfarray.array_alpha(img) > 0)
    keep = play.camera.viewport.collidepoint
    pts = np.array([(rect.x + x, rect.y + y) for x, y in zip(xs, ys, strict=True)
                    if keep(rect.x + x, rect.y + y)])
    return rect, pts


def frame(app, bare: bool = False) -> np.ndarray:
    """One frame at a fixed moment (blinks and pulses agree), with or without the
    overlays; the screen's pixels [x, y]."""
    with pytest.MonkeyPatch.context() as mp:
        if bare:
            for cls, name in OVERLAYS:
                mp.setattr(cls, name, lambda *a, **k: None)
        app._clock_ms = 90_000.0
        app.frame(fixed_ticks=0)
    return pygame.surfarray.array3d(app.screen).copy()


def hidden(app, play) -> int:
    """How many of Elara's pixels the overlays change in this frame."""
    _, pts = elara_on_screen(play)
    assert len(pts) > 100, "Elara is in view"
    drawn, bare = frame(app), frame(app, bare=True)
    return int(np.any(drawn[pts[:, 0], pts[:, 1]] != bare[pts[:, 0], pts[:, 1]], axis=1).sum())


def test_a_depot_counter_moves_off_elara_just_north_of_it(app):
    play = start(app, "02_shortages.tmx")
    walk = ~play.sim.grid.static_solid
    depots = [d for _, (d, _p) in play.sim.query(Depot, Position)]
    north = [d for d in depots if walk[d.ty - 1, d.tx]]
    assert len(north) >= 2
    for d in north:
        put_elara(app, play, d.tx, d.ty - 1)
        me, _ = elara_on_screen(play)
        labels = play.view.story.labels
        assert len(labels) == len(depots), "every counter is still drawn"
        ox, oy = play.camera.offset
        tile = pygame.Rect(d.tx * TILE_PX - ox, d.ty * TILE_PX - oy, TILE_PX, TILE_PX)
        mine = min(labels, key=lambda r: abs(r.centerx - tile.centerx) +
                   abs(r.centery - tile.centery))
        assert mine.colliderect(tile.inflate(40, 48)), "it stays by its depot"
        assert not any(r.colliderect(me) for r in labels), f"a counter on Elara at {d}"
        assert not hidden(app, play)


def test_a_depot_counter_sits_above_its_depot_when_elara_is_elsewhere(app):
    play = start(app, "02_shortages.tmx")
    d = next(d for _, (d, _p) in play.sim.query(Depot, Position) if d.ty > 6)
    put_elara(app, play, d.tx - 4, d.ty + 2)
    ox, oy = play.camera.offset
    x, y = d.tx * TILE_PX - ox, d.ty * TILE_PX - oy
    assert any(r.bottom <= y - 8 and r.left < x + 8 < r.right for r in play.view.story.labels)


def spots_around(play) -> list[tuple[int, int]]:
    """Walkable tiles on and just south of every plot, and around depots and murals."""
    sim = play.sim
    walk = ~sim.grid.static_solid
    h, w = walk.shape
    things = [(int(x), int(y)) for y, x in zip(*np.nonzero(sim.grid.buildable), strict=True)]
    things += [(d.tx, d.ty) for _, (d, _p) in sim.query(Depot, Position)]
    things += [(p.x // SUBPX // TILE_PX, p.y // SUBPX // TILE_PX)
               for _, (_m, p) in sim.query(Mural, Position)]
    out, seen = [], set()
    for tx, ty in things:
        for dx, dy in ((0, 0), (0, 1), (0, -1), (1, 1), (-1, 1)):
            x, y = tx + dx, ty + dy
            if 0 <= x < w and 0 <= y < h and walk[y, x] and (x // 3, y // 3) not in seen:
                seen.add((x // 3, y // 3))
                out.append((x, y))
    return out


@pytest.mark.parametrize("path", LEVELS, ids=[p.stem for p in LEVELS])
def test_no_mark_or_label_hides_elara_beside_plots_depots_and_murals(app, path):
    play = start(app, path.name)
    spots = spots_around(play)
    assert spots
    problems = []
    for tx, ty in spots:
        put_elara(app, play, tx, ty)
        n = hidden(app, play)
        if n:
            problems.append(f"{n} of Elara's pixels covered at tile {(tx, ty)}")
    assert not problems, "\n".join(problems[:15])


def test_talins_order_steps_aside_from_elara_beside_him(app):
    play = start(app, "04_confrontation.tmx")
    talin = play.view.talin
    events = play.sim.step([CallWave()])
    play.view.observe(events)
    assert talin.pose(app.time_ms)[4] == "ordering"
    px, py = centre(talin.post)
    walk = ~play.sim.grid.static_solid
    tx, ty = px // TILE_PX, py // TILE_PX
    near = [(tx + dx, ty + dy) for dy in range(-3, 2) for dx in range(-3, 4)
            if walk[ty + dy, tx + dx] and (dx, dy) != (0, 0)]
    assert len(near) > 8  # the bubble used to sit on her two tiles up and to his right
    for spot in near:
        put_elara(app, play, *spot)
        assert talin.pose(app.time_ms)[4] == "ordering"
        assert talin.said is not None, "he says it"
        assert not talin.said.colliderect(elara_on_screen(play)[0]), f"on Elara at {spot}"
        assert not hidden(app, play), f"Talin's words on Elara at {spot}"


def test_a_gates_countdown_steps_aside_from_elara_beside_the_gate(app):
    play = start(app, "04_confrontation.tmx")
    sim = play.sim
    sim.conf.next_wave_tick = sim.tick + 600  # ten seconds to go: the gates are marked
    alerts = play.confront.alerts
    (gx, gy), = alerts.next_spawns()
    walk = ~sim.grid.static_solid
    tx, ty = gx // TILE_PX, gy // TILE_PX
    near = [(tx + dx, ty + dy) for dy in range(-3, 2) for dx in range(0, 4)
            if 0 <= tx + dx < walk.shape[1] and walk[ty + dy, tx + dx]]
    assert len(near) > 4
    for spot in near:
        put_elara(app, play, *spot)
        assert len(alerts.countdowns) == 1, "the countdown is drawn"
        assert not alerts.countdowns[0].colliderect(elara_on_screen(play)[0]), spot
        assert not hidden(app, play), f"the gate's marks on Elara at {spot}"


def test_a_bubble_moves_off_the_rect_it_must_keep_clear():
    surf = pygame.Surface((640, 360))
    plain = bubble(surf, "Hold the line at the east gate!", 300, 200, (255, 146, 190))
    for dx in range(-40, 41, 10):
        for dy in range(-20, 21, 10):
            elara = pygame.Rect(0, 0, 16, 24)
            elara.center = (plain.centerx + dx, plain.centery + dy)
            box = bubble(surf, "Hold the line at the east gate!", 300, 200, (255, 146, 190),
                         keep_clear=elara)
            assert not box.colliderect(elara), (dx, dy)
            assert surf.get_rect().contains(box)
