"""Rendered frames of level 1: not blank, the HUD has text, scenes respond to input."""

from __future__ import annotations

import numpy as np
import pygame

from game.app import App
from game.dev.bot import Autopilot
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.render import palette
from game.scenes.pause import PauseScene
from game.scenes.play import PlayScene
from game.scenes.results import ResultsScene
from game.scenes.title import TitleScene

LEVEL1 = CAMPAIGN_DIR / "01_scavengers_dawn.tmx"


def pixels(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array3d(surface).swapaxes(0, 1)


def distinct_colours(arr: np.ndarray) -> int:
    flat = arr.reshape(-1, 3).astype(np.int64)
    return len(np.unique(flat[:, 0] << 16 | flat[:, 1] << 8 | flat[:, 2]))


def key(app: App, k: int, up: bool = True) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=""))
    app.frame(fixed_ticks=0)
    if up:
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode=""))
        app.frame(fixed_ticks=0)


def test_level1_frame_is_a_real_picture_with_a_hud(app, tmp_path):
    scene = PlayScene(app, load_level(LEVEL1))
    app.push(scene)
    pilot = Autopilot(scene.sim)
    for _ in range(700):
        scene.sim.step(pilot.decide())
    app.frame(fixed_ticks=1)
    pygame.image.save(app.window, str(tmp_path / "frame.png"))
    # a frame that was never drawn (the loop left early) or drawn under another scene
    # (pause, dialogue) says so, rather than only "too few colours"
    assert app.running and app.scenes == [scene], \
        (app.running, [type(s).__name__ for s in app.scenes])
    arr = pixels(app.screen)
    assert distinct_colours(arr) > 200, f"{distinct_colours(arr)} colours: {tmp_path}/frame.png"
    # the timer panel (top right) holds light text pixels on a dark panel
    timer = arr[4:30, -110:-4]
    text_like = np.all(np.abs(timer.astype(int) - palette.UI_TEXT) < 40, axis=-1)
    assert text_like.sum() > 30
    # the objective panel (top centre) too
    objective = arr[4:30, 200:440]
    assert np.all(np.abs(objective.astype(int) - palette.UI_TEXT) < 40, axis=-1).sum() > 60


def test_window_scales_by_whole_numbers_when_pixel_perfect(app):
    app.push(PlayScene(app, load_level(LEVEL1)))
    app.settings.scaling = "pixel perfect"
    for size, scale in (((1280, 720), 2), ((1920, 1080), 3), ((1000, 700), 1)):
        app.window = pygame.display.set_mode(size)
        app._layout()
        assert app.scale == scale
        app.frame(fixed_ticks=0)
        x, y = app.to_logical((app._scale_rect.x + 10 * scale, app._scale_rect.y + 5 * scale))
        assert (x, y) == (10, 5)


def test_title_enter_starts_level_1_and_keys_move_elara(app):
    app.push(TitleScene(app))
    app.frame(fixed_ticks=0)
    key(app, pygame.K_RETURN)  # Campaign
    key(app, pygame.K_RETURN)  # New campaign: the briefing first
    assert type(app.scene).__name__ == "BriefingScene"
    key(app, pygame.K_ESCAPE)  # skip it
    assert isinstance(app.scene, PlayScene)
    play = app.scene
    x0 = play.sim.player()[1].x
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_d, mod=0, unicode="d"))
    for _ in range(20):
        app.frame(fixed_ticks=1)
    assert play.sim.player()[1].x > x0
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_d, mod=0, unicode="d"))
    app.frame(fixed_ticks=1)
    x1 = play.sim.player()[1].x
    app.frame(fixed_ticks=5)
    assert play.sim.player()[1].x == x1


def test_escape_pauses_time_and_restart_resets(app):
    play = PlayScene(app, load_level(LEVEL1))
    app.push(play)
    app.frame(fixed_ticks=30)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, PauseScene)
    tick = play.sim.tick
    app.frame(fixed_ticks=30)
    assert play.sim.tick == tick  # paused: no ticks
    first_hash = None
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # "Restart level"
    assert app.scene is play and play.sim.tick == 0
    from game.sim import Simulation

    fresh = Simulation(play.level)
    first_hash = fresh.state_hash()
    assert play.sim.state_hash() == first_hash


def test_build_mode_click_places_a_node(app):
    play = PlayScene(app, load_level(LEVEL1))
    app.push(play)
    pilot = Autopilot(play.sim, nodes_wanted=0)
    # walk the autopilot until it can afford a node, then build it by mouse
    pilot.nodes_wanted = 1
    for _ in range(3000):
        if not play.sim.missing_for("node"):
            break
        play.sim.step(pilot.decide())
    key(app, pygame.K_b)
    assert play.ui.build_mode
    me = play.sim.player()[1]
    play.camera.snap_to(me.x / 16, me.y / 16)  # the autopilot walked without the camera
    ox, oy = play.camera.offset
    free = [(int(x), int(y)) for y, x in zip(*np.nonzero(play.sim.grid.buildable), strict=True)
            if play.sim.placement_problem("node", int(x), int(y)) is None]
    on_screen = [p for p in free if 0 <= p[0] * 16 + 8 - ox < 640 and
                 0 <= p[1] * 16 + 8 - oy < 360]
    assert on_screen, "level 1 shows a free plot around Elara"
    plot = on_screen[0]
    lx, ly = plot[0] * 16 + 8 - ox, plot[1] * 16 + 8 - oy
    wx = app._scale_rect.x + lx * app.scale
    wy = app._scale_rect.y + ly * app.scale
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(wx, wy), rel=(0, 0),
                                         buttons=(0, 0, 0)))
    app.frame(fixed_ticks=0)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(wx, wy), button=1))
    app.frame(fixed_ticks=1)
    from game.sim.components import Structure

    assert [(s.tx, s.ty) for _, s in play.sim.query(Structure)] == [plot]
    assert not play.ui.build_mode


def test_winning_shows_results_with_the_in_game_time(app):
    play = PlayScene(app, load_level(LEVEL1))
    app.push(play)
    pilot = Autopilot(play.sim)
    while play.sim.outcome == "playing":
        play.sim.step(pilot.decide())
    for _ in range(100):
        app.frame(fixed_ticks=1)
    assert type(app.scene).__name__ == "DialogueScene"  # the closing scene comes first
    key(app, pygame.K_ESCAPE)
    for _ in range(5):
        app.frame(fixed_ticks=1)
    assert isinstance(app.scene, ResultsScene)
    assert app.scene.igt == play.sim.igt_ticks
    key(app, pygame.K_r)
    assert app.scene is play and play.sim.tick == 0


def test_leaving_from_the_pause_menu_asks_first(app, tmp_path):
    """Quit to title (and Quit game) lose the attempt: one Enter too many must not."""
    from game.scenes.confirm import ConfirmScene

    play = PlayScene(app, load_level(LEVEL1))
    app.push(play)
    app.frame(fixed_ticks=30)
    key(app, pygame.K_ESCAPE)
    for _ in range(4):
        key(app, pygame.K_DOWN)  # Resume, Restart, Settings, Level briefing, -> Quit to title
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ConfirmScene)
    app.frame(fixed_ticks=1)
    pygame.image.save(app.screen, tmp_path / "confirm.png")
    key(app, pygame.K_RETURN)  # the harmless answer comes first
    assert isinstance(app.scene, PauseScene) and play.sim.tick == 30
    key(app, pygame.K_RETURN)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # now "Quit to title" for real
    assert isinstance(app.scene, TitleScene)
    assert app.running
    key(app, pygame.K_ESCAPE)  # the title's own quit question, answered no
    key(app, pygame.K_ESCAPE)
    assert app.running
