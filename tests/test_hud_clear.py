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


def level4_with_an_emitter(app, tile=(20, 23)):
    """Level 4 with an emitter standing on one of the south plots, selected."""
    from game.sim.commands import Build

    play = start(app, CAMPAIGN_DIR / "04_confrontation.tmx")
    for res in play.sim.state.stock:  # room to build: what is drawn is the question
        play.sim.state.stock[res] = 99
    play.sim.step([Build("emitter", *tile)])
    play.confront.ui.selected = tile
    return play


def put_elara(app, play, tx: int, ty: int) -> None:
    pos = play.sim.player()[1]
    pos.x, pos.y = (tx * TILE_PX + 8) * SUBPX, (ty * TILE_PX + 8) * SUBPX
    play.camera.snap_to(tx * TILE_PX + 8, ty * TILE_PX + 8)
    for _ in range(2):
        app.frame(fixed_ticks=0)


def test_the_defence_panel_covers_nothing_with_elara_beside_the_south_plots(app):
    """The emitter's panel (range, mode, upgrade, selling) is open while Elara walks
    round level 4's south plots, down to the south gate: it covers no plot, spawn or
    Elara (it used to float over the plaza's bottom centre, where she stood)."""
    play = level4_with_an_emitter(app)
    walk = ~play.sim.grid.static_solid
    spots = [(tx, ty) for ty in range(22, 30) for tx in range(16, 32, 2) if walk[ty, tx]]
    assert len(spots) > 20
    problems = []
    for tx, ty in spots:
        put_elara(app, play, tx, ty)
        assert play.confront.hud.inspect is not None, "the panel was not drawn"
        problems += [f"Elara at {(tx, ty)}: {p}" for p in covered(app, play)]
    assert not problems, "\n".join(problems[:20])


def test_the_dialogue_box_reads_the_same_with_a_defence_panel_open(app):
    """A dialogue over level 4 while an emitter is selected: the box's pixels are those
    of the same frame with nothing selected (no panel over it or showing through)."""
    from game.scenes.dialogue import DialogueScene

    play = level4_with_an_emitter(app)
    put_elara(app, play, 22, 27)
    assert play.confront.hud.inspect is not None  # open before the dialogue comes up
    script = next(iter(play.story.scenes.values()))
    talk = DialogueScene(app, script, lambda: None)
    talk.line_start = -10**9  # the whole line shown, in both frames
    app.push(talk)
    w, h = app.screen.get_size()
    box = pygame.Rect(8, h - 84, w - 16, 76)  # DialogueScene's box at scale 1

    def frame() -> bytes:
        for _ in range(2):
            app._clock_ms = 60_000.0  # the same moment: blinks and animations agree
            app.frame(fixed_ticks=0)
        return pygame.image.tobytes(app.screen.subsurface(box), "RGB")

    open_ = frame()
    play.confront.ui.selected = play.confront.ui.hover_tile = None
    closed = frame()
    assert play.confront.hud.inspect is None
    assert open_ == closed
