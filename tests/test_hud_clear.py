"""HUD panels never hide what the player needs: every campaign level is rendered by the
real play scene at its start and with Elara beside each depot, plot, mural and spawn,
and no panel drawn (the rects the panels report) may cover a mural, a depot or its
counter, a plot, a drone spawn or Elara in view. The world is framed between the HUD's
top and bottom bars (and drawn only there), so what the bars hold never covers it; the
test checks that, and that the panels floating over the world keep clear."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.scenes.play import PlayScene
from game.sim.components import Depot, Position
from game.sim.constants import SUBPX, TILE_PX

LEVELS = sorted(CAMPAIGN_DIR.glob("*.tmx"))


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    application = App(tmp_path_factory.mktemp("hud"), headless=True)
    yield application
    pygame.quit()


def key_objects(play) -> list[tuple[str, pygame.Rect]]:
    """(what, rect in world pixels) of everything the player must see."""
    sim, level = play.sim, play.level
    out = []
    for o in level.objects_of("MuralWall"):  # the painting stands 32 px on the wall's foot
        out.append(("mural", pygame.Rect(o.x, o.y + o.height - 32, o.width, 32)))
    for o in level.objects_of("DroneSpawn"):
        out.append(("spawn", pygame.Rect(o.x, o.y, TILE_PX, TILE_PX)))
    for _, (d, _p) in sim.query(Depot, Position):
        out.append(("depot", pygame.Rect(d.tx * TILE_PX, d.ty * TILE_PX - 8, TILE_PX, 24)))
    ys, xs = sim.grid.buildable.nonzero()
    out += [("plot", pygame.Rect(x * TILE_PX, y * TILE_PX, TILE_PX, TILE_PX))
            for x, y in zip(xs, ys, strict=True)]
    return out


def elara(play) -> pygame.Rect:
    pos = play.sim.player()[1]
    w, h = play.sim.rules.hitbox_px
    return pygame.Rect(pos.x // SUBPX - 8, pos.y // SUBPX - 24 + h // 2, 16, 24)


def covered(app, play) -> list[str]:
    """What is on screen under a HUD panel in the frame just drawn."""
    ox, oy = play.camera.offset
    view = play.camera.viewport  # the world is drawn between the HUD's bars
    assert view.height >= app.screen.get_height() * 7 // 10  # and the bars stay thin
    things = [(what, r.move(-ox, -oy)) for what, r in key_objects(play)]
    things.append(("Elara", elara(play).move(-ox, -oy)))
    things += [("depot counter", r) for r in play.view.story.labels]
    panels = play.hud_rects()
    assert panels, "the HUD reported no panels"
    screen = app.screen.get_rect()
    assert all(screen.contains(p) for p in panels), "a panel drawn off the screen"
    out = []
    for what, rect in things:
        on_screen = rect.clip(view)
        if on_screen.width * on_screen.height * 2 < rect.width * rect.height:
            continue  # mostly out of view: the camera shows it once Elara is near
        hit = [p for p in panels if p.colliderect(on_screen)]
        if hit:
            out.append(f"{what} at {rect} under {hit}")
    return out


def start(app, path):
    play = PlayScene(app, load_level(path))
    app.reset_to(play)
    for _ in range(2):
        app.frame(fixed_ticks=0)
    return play


def stand_at(app, play, x: float, y: float) -> None:
    """Put Elara at world pixel (x, y) and let the camera settle on her (no ticks)."""
    pos = play.sim.player()[1]
    pos.x, pos.y = int(x * SUBPX), int(y * SUBPX)
    for _ in range(90):
        app.frame(fixed_ticks=0)


@pytest.mark.parametrize("path", LEVELS, ids=[p.stem for p in LEVELS])
def test_no_panel_covers_a_key_object_at_the_start(app, path):
    play = start(app, path)
    assert not covered(app, play)


@pytest.mark.parametrize("path", LEVELS, ids=[p.stem for p in LEVELS])
def test_no_panel_covers_a_key_object_with_elara_beside_each(app, path):
    play = start(app, path)
    seen = set()
    problems = []
    for what, rect in key_objects(play):
        spot = (rect.centerx // 48, rect.centery // 48)  # one visit per neighbourhood
        if spot in seen:
            continue
        seen.add(spot)
        stand_at(app, play, rect.centerx, rect.bottom + 10)
        problems += [f"beside {what} {rect.topleft}: {p}" for p in covered(app, play)]
    assert not problems, "\n".join(problems[:20])


def test_the_wave_line_fits_during_a_live_wave_with_cooldowns(app):
    """A live wave, the next one's make-up, the early-call bonus, fast-forward and both of
    Kora's cooldowns: the line drops the make-up rather than run off the screen."""
    from game.dev.bot_confront import ConfrontPilot

    play = PlayScene(app, load_level(CAMPAIGN_DIR / "04_confrontation.tmx"))
    app.reset_to(play)
    sim, pilot = play.sim, ConfrontPilot.newcomer(play.sim)
    while not len(sim.conf.swarm) and sim.outcome == "playing":
        sim.step(pilot.decide())
    assert len(sim.conf.swarm)
    for kind in sim.conf.cooldowns:  # as right after both abilities were used
        sim.conf.cooldowns[kind] = 3600
    play.confront.ui.speed = 3
    app.frame(fixed_ticks=0)
    strip = play.confront.ui.rects[0]
    assert strip.right <= app.screen.get_width()
    assert strip.width > 100  # drawn, not skipped
