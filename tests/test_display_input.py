"""Display, frame pacing and input, driven by posted events like a player's hands and
pad: fullscreen toggles, fit/pixel-perfect scaling after a resize, the frame cap, key
rebinding with conflicts, settings round-trip and broken files, a hot-plugged gamepad
in menus and in play, focus loss pausing the level, Esc stepping back, prompts that
follow the last device, and presentation timers that count time, not frames."""

from __future__ import annotations

import json

import pygame
import pytest

from game import display
from game.app import App
from game.content.text import keys
from game.input import bindings_for
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.scenes.confirm import ConfirmScene
from game.scenes.controls import ControlsScene
from game.scenes.pause import PauseScene
from game.scenes.play import MESSAGE_MS, PlayScene
from game.scenes.settings import SettingsPage, SettingsScene
from game.scenes.title import TitleScene
from game.settings import FIELDS, Settings, SettingsStore
from game.sim.commands import Build, Interact

LEVEL1 = CAMPAIGN_DIR / "01_scavengers_dawn.tmx"
AXIS_MAX = 32767


def post(kind: int, **data) -> None:
    pygame.event.post(pygame.event.Event(kind, **data))


def key(app: App, k: int, mod: int = 0, up: bool = False) -> None:
    post(pygame.KEYUP if up else pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)
    app.frame(fixed_ticks=0)


def button(app: App, b: int, ticks: int = 0) -> None:
    post(pygame.CONTROLLERBUTTONDOWN, instance_id=0, button=b)
    app.frame(fixed_ticks=ticks)
    post(pygame.CONTROLLERBUTTONUP, instance_id=0, button=b)
    app.frame(fixed_ticks=0)


def axis(app: App, a: int, value: float, ticks: int = 0) -> None:
    post(pygame.CONTROLLERAXISMOTION, instance_id=0, axis=a, value=int(value * AXIS_MAX))
    app.frame(fixed_ticks=ticks)


def play_level1(app: App) -> PlayScene:
    play = PlayScene(app, load_level(LEVEL1))
    app.push(play)
    app.frame(fixed_ticks=0)
    while app.scene is not play:  # an opening line of dialogue: skipped
        app.scene.finish()
    return play


# -- display ---------------------------------------------------------------------------
def test_f11_and_alt_enter_toggle_fullscreen_and_it_is_remembered(app, tmp_path):
    app.push(TitleScene(app))
    key(app, pygame.K_F11)
    assert app.settings.fullscreen is True
    assert json.loads((tmp_path / "settings.json").read_text())["fullscreen"] is True
    key(app, pygame.K_RETURN, mod=pygame.KMOD_LALT)
    assert app.settings.fullscreen is False
    assert isinstance(app.scene, TitleScene)  # Alt+Enter did not choose a menu row
    assert SettingsStore(tmp_path).settings.fullscreen is False


def test_fit_fills_the_window_and_pixel_perfect_keeps_whole_steps(app):
    app.push(TitleScene(app))
    app.window = pygame.display.set_mode((900, 560))
    post(pygame.WINDOWRESIZED, x=900, y=560)
    post(pygame.VIDEORESIZE, size=(900, 560), w=900, h=560)
    app.frame(fixed_ticks=0)
    assert app.scale == pytest.approx(900 / 640)  # fit: width-bound, letterbox above/below
    assert app._scale_rect.size == (900, 506) and app._scale_rect.centery == 280
    assert app.to_logical(app.to_window((100, 50))) == (100, 50)
    page = SettingsPage(app, "display")
    app.push(page)
    page.index = page.rows.index("scaling")
    key(app, pygame.K_RETURN)  # fit -> pixel perfect, applied at once
    assert app.settings.scaling == "pixel perfect" and app.scale == 1
    assert app._scale_rect.size == (640, 360)
    # the picture really is scaled: the title's name fills more pixels under fit
    key(app, pygame.K_LEFT)
    assert app.settings.scaling == "fit" and app.scale > 1.4


def test_frame_cap_setting_and_vsync_flags():
    s = Settings()
    assert display.frame_cap(s) == 60  # the default: an idle title does not spin
    s.frame_cap = "uncapped"
    assert display.frame_cap(s) == 0
    s.fullscreen = True
    assert display.window_flags(s) & pygame.FULLSCREEN


# -- settings files --------------------------------------------------------------------
def test_settings_round_trip_every_field(tmp_path):
    store = SettingsStore(tmp_path)
    s = store.settings
    s.fullscreen, s.scaling, s.frame_cap, s.vsync = True, "pixel perfect", "144", False
    s.pause_on_focus_loss, s.screen_shake = False, False
    s.keys = {"paint": ["h"], "up": ["i", "up"]}
    assert store.save() == ""
    again = SettingsStore(tmp_path)
    assert again.problems == [] and again.settings == s
    assert not list(tmp_path.glob("*.tmp*"))  # written whole, through a temporary file


def test_a_broken_settings_file_falls_back_and_names_the_bad_entry(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({
        "format": 1, "scaling": "stretchy", "frame_cap": 75, "fullscreen": "yes",
        "keys": {"paint": ["not a key"], "rally": ["h"], "jump": ["j"],
                 "aegis": ["h"], "up": ["escape"]}}))
    store = SettingsStore(tmp_path)
    text = "\n".join(store.problems)
    for bad in ("'scaling'", "'frame_cap'", "'fullscreen'", "entry 'paint'", "entry 'jump'",
                "entry 'aegis'", "entry 'up'"):
        assert bad in text, bad
    s = store.settings
    assert (s.scaling, s.frame_cap, s.fullscreen) == ("fit", "60", False)
    assert s.keys == {"rally": ["h"]}  # the good entry is kept
    bindings = bindings_for(s)
    assert bindings["paint"] == (pygame.K_f,) and bindings["rally"] == (pygame.K_h,)


def test_a_settings_file_that_is_not_json_gives_defaults_and_a_message(tmp_path, app):
    (tmp_path / "settings.json").write_text("{fullscreen: yes")
    store = SettingsStore(tmp_path)
    assert store.settings == Settings()
    assert any("settings.json" in p for p in store.problems)


# -- key rebinding ---------------------------------------------------------------------
def test_rebinding_a_key_with_conflicts_and_reset(app, tmp_path):
    controls = ControlsScene(app)
    app.push(controls)
    controls.index = controls.rows.index("paint")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_h)
    assert app.settings.keys["paint"] == ["h"]
    controls.index = controls.rows.index("rally")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_h)  # already painting: refused, and the screen says by what
    assert "Paint mural" in controls.notice and "rally" not in app.settings.keys
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)  # Esc while waiting: nothing changes, the screen stays
    assert app.scene is controls
    key(app, pygame.K_RETURN)
    key(app, pygame.K_TAB)  # a menu key is never taken
    assert "kept for menus" in controls.notice
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved["keys"] == {"paint": ["h"]}
    # the level uses it: H paints, F no longer does
    play = PlayScene(app, load_level(LEVEL1))
    assert play.input.key_down(pygame.K_h) == "paint"
    assert play.input.key_down(pygame.K_f) is None
    assert keys("hold <paint>") == "hold H"  # the hints name the player's key
    controls.index = controls.rows.index("__reset__")
    key(app, pygame.K_RETURN)
    assert app.settings.keys == {} and keys("hold <paint>") == "hold F"


def test_restart_and_pause_rows_keep_their_rules(app):
    controls = ControlsScene(app)
    app.push(controls)
    controls.index = controls.rows.index("restart")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_k)
    assert app.settings.restart_key == "k"
    controls.index = controls.rows.index("pause")
    key(app, pygame.K_RETURN)  # slot 1 of pause is Esc: fixed
    assert "Esc always pauses" in controls.notice and not controls.waiting
    key(app, pygame.K_ESCAPE)
    assert not isinstance(app.scene, ControlsScene)  # Esc: one screen back


# -- gamepad ---------------------------------------------------------------------------
def test_hot_plugged_pad_drives_the_menus(app):
    app.push(TitleScene(app))
    post(pygame.CONTROLLERDEVICEADDED, device_index=0)
    app.frame(fixed_ticks=0)
    assert "Gamepad" in app.pad.notice  # told, whether or not SDL could open it
    button(app, pygame.CONTROLLER_BUTTON_DPAD_DOWN)
    axis(app, pygame.CONTROLLER_AXIS_LEFTY, 0.9)  # the stick moves one row, once
    axis(app, pygame.CONTROLLER_AXIS_LEFTY, 0.95)
    axis(app, pygame.CONTROLLER_AXIS_LEFTY, 0.0)
    assert app.scene.menu.index == 2
    button(app, pygame.CONTROLLER_BUTTON_DPAD_DOWN)  # Settings
    button(app, pygame.CONTROLLER_BUTTON_A)
    assert isinstance(app.scene, SettingsScene)
    button(app, pygame.CONTROLLER_BUTTON_A)  # Display
    assert isinstance(app.scene, SettingsPage)
    button(app, pygame.CONTROLLER_BUTTON_B)
    button(app, pygame.CONTROLLER_BUTTON_B)
    assert isinstance(app.scene, TitleScene)
    assert app.last_device == "pad" and keys("<choose>") == "A"
    post(pygame.CONTROLLERDEVICEREMOVED, instance_id=0)
    app.frame(fixed_ticks=0)
    assert app.pad.notice == "Gamepad disconnected"


def test_pad_plays_walk_deposit_build_with_cursor(app):
    play = play_level1(app)
    x0 = play.sim.player()[1].x
    axis(app, pygame.CONTROLLER_AXIS_LEFTX, 1.0, ticks=20)
    assert play.sim.player()[1].x > x0  # the left stick walks
    axis(app, pygame.CONTROLLER_AXIS_LEFTX, 0.0, ticks=1)
    x1 = play.sim.player()[1].x
    app.frame(fixed_ticks=5)
    assert play.sim.player()[1].x == x1  # and lets go
    sent = []
    real = play.input.commands
    play.input.commands = lambda: sent.extend(c := real()) or c
    button(app, pygame.CONTROLLER_BUTTON_A, ticks=1)
    assert any(isinstance(c, Interact) for c in sent)
    assert keys("<interact> deposit") == "A deposit"  # prompts follow the pad
    button(app, pygame.CONTROLLER_BUTTON_X)  # build mode: the right stick aims
    assert play.ui.build_mode and play.pad_context == "aim"
    start = tuple(app.pad.cursor)
    axis(app, pygame.CONTROLLER_AXIS_RIGHTX, 1.0)
    for _ in range(30):
        app.frame(fixed_ticks=0)
    axis(app, pygame.CONTROLLER_AXIS_RIGHTX, 0.0)
    assert app.pad.cursor[0] > start[0] + 50
    assert play.mouse_tile == play._tile_at(app.to_window(app.pad.cursor))
    button(app, pygame.CONTROLLER_BUTTON_A, ticks=1)  # place at the cursor
    assert any(isinstance(c, Build) and (c.tx, c.ty) == play.mouse_tile for c in sent)
    if play.ui.build_mode:  # refused (an empty bag): B leaves build mode
        button(app, pygame.CONTROLLER_BUTTON_B)
    assert not play.ui.build_mode and play.pad_context == "play"
    button(app, pygame.CONTROLLER_BUTTON_START)
    assert isinstance(app.scene, PauseScene)


def test_pad_and_keys_give_the_same_state_hash(tmp_path):
    """The pad only stands for keys: the same presses give the same simulation."""
    hashes = []
    for use_pad in (False, True):
        app = App(tmp_path / str(use_pad), headless=True)
        play = play_level1(app)
        if use_pad:
            axis(app, pygame.CONTROLLER_AXIS_LEFTY, 1.0, ticks=30)
            axis(app, pygame.CONTROLLER_AXIS_LEFTY, 0.0, ticks=10)
            button(app, pygame.CONTROLLER_BUTTON_A, ticks=10)
        else:
            post(pygame.KEYDOWN, key=pygame.K_s, mod=0)
            app.frame(fixed_ticks=30)
            post(pygame.KEYUP, key=pygame.K_s, mod=0)
            app.frame(fixed_ticks=10)
            key(app, pygame.K_e)
            app.frame(fixed_ticks=10)
            app.frame(fixed_ticks=0)
        hashes.append((play.sim.state_hash(), play.sim.igt_ticks))
        pygame.display.quit()
    assert hashes[0] == hashes[1]


# -- focus, Esc, quitting --------------------------------------------------------------
def test_losing_focus_pauses_the_level_and_the_timer(app):
    play = play_level1(app)
    app.frame(fixed_ticks=10)
    igt = play.sim.igt_ticks
    post(pygame.WINDOWFOCUSLOST)
    app.frame(fixed_ticks=0)
    assert isinstance(app.scene, PauseScene)
    for _ in range(30):
        app.frame(fixed_ticks=1)
    assert play.sim.igt_ticks == igt
    key(app, pygame.K_ESCAPE)  # back to the level
    assert app.scene is play
    app.settings.pause_on_focus_loss = False
    post(pygame.WINDOWFOCUSLOST)
    app.frame(fixed_ticks=3)
    assert app.scene is play and play.sim.igt_ticks == igt + 3


def test_quitting_from_the_title_asks_first(app):
    app.push(TitleScene(app))
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, ConfirmScene) and app.running
    key(app, pygame.K_ESCAPE)  # no: one step back
    assert isinstance(app.scene, TitleScene) and app.running
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)  # the first answer is the harmless one
    assert isinstance(app.scene, TitleScene) and app.running
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert not app.running


def test_esc_steps_back_one_screen_through_settings(app):
    app.push(TitleScene(app))
    app.scene.settings()
    app.frame(fixed_ticks=0)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # Controls
    assert isinstance(app.scene, ControlsScene)
    for expected in (SettingsScene, TitleScene, ConfirmScene):
        key(app, pygame.K_ESCAPE)
        assert isinstance(app.scene, expected)


def test_every_field_has_a_page_and_shows_on_it(app):
    shown = set()
    for page in {f.page for f in FIELDS.values()} - {"controls"}:
        shown |= set(SettingsPage(app, page).rows)
    assert set(FIELDS) - {"keys"} <= shown


# -- frame rate independence -----------------------------------------------------------
def _ends(dt: float, tmp_path) -> dict:
    """When a message, an effect and the camera's glide end, at frames of `dt` seconds."""
    app = App(tmp_path / f"{dt}", headless=True)
    play = play_level1(app)
    play.ui.message, play.ui.message_ms = "Build on a marked plot.", MESSAGE_MS
    play.effects.burst(100, 100, (255, 255, 255), n=20, life_ms=600)
    play.effects.label(100, 80, "+1 alloy", (255, 255, 255))
    play.camera.x += 120  # the camera glides back to Elara
    ends: dict[str, float] = {}
    clock = 0.0
    ticks0 = app.ticks_run
    for _ in range(round(3.0 / dt)):
        app.frame(dt=dt)
        clock += dt
        if play.ui.message_ms <= 0:
            ends.setdefault("message", clock)
        if not play.effects.particles:
            ends.setdefault("particles", clock)
        if not play.effects.labels:
            ends.setdefault("label", clock)
        if clock >= 0.25 - 1e-9:
            ends.setdefault("camera_x_at_quarter_second", play.camera.x)
    ends["ticks"] = app.ticks_run - ticks0
    ends["hash"] = play.sim.state_hash()
    pygame.display.quit()
    return ends


def test_a_message_and_an_effect_end_at_the_same_time_at_60_and_240_fps(tmp_path):
    slow, fast = _ends(1 / 60, tmp_path), _ends(1 / 240, tmp_path)
    assert slow["message"] == pytest.approx(2.5, abs=1 / 60)
    for name in ("message", "particles", "label"):
        assert fast[name] == pytest.approx(slow[name], abs=1 / 60), name
    assert fast["camera_x_at_quarter_second"] == pytest.approx(
        slow["camera_x_at_quarter_second"], abs=1.0)
    assert slow["ticks"] == fast["ticks"] == 180  # the sim steps 60 times a second either way
    assert slow["hash"] == fast["hash"]


def test_pad_x_and_y_reach_the_extra_keys_of_list_screens(app):
    from game.scenes.level_select import LevelSelectScene

    app.push(TitleScene(app))
    app.push(LevelSelectScene(app))
    app.frame(fixed_ticks=0)
    button(app, pygame.CONTROLLER_BUTTON_Y)  # Tab: every saved replay
    assert type(app.scene).__name__ == "ReplayBrowserScene"
    assert keys("<menu_x>: verify") == "X: verify"
    button(app, pygame.CONTROLLER_BUTTON_B)
    assert isinstance(app.scene, LevelSelectScene)


def test_pad_sells_fast_forwards_and_moves_the_camera_on_a_wave_level(app):
    """Level 4 from a controller: B sells the defence under the cursor, Back
    fast-forwards, the cursor on a screen edge looks that way, R3 brings the view back
    to Elara, A on the minimap looks there; the prompts name those buttons."""
    from tests.dronekit import put_structure

    play = PlayScene(app, load_level(CAMPAIGN_DIR / "04_confrontation.tmx"))
    app.push(play)
    app.frame(fixed_ticks=0)
    while app.scene is not play:
        app.scene.finish()
    assert play.pad_context == "waves"
    tx, ty = 23, 13
    put_structure(play.sim, "emitter", tx, ty)
    ox, oy = play.camera.offset
    app.pad.cursor = [tx * 16 + 8 - ox, ty * 16 + 8 - oy]
    axis(app, pygame.CONTROLLER_AXIS_RIGHTX, 0.25)  # a nudge: the cursor points
    axis(app, pygame.CONTROLLER_AXIS_RIGHTX, 0.0)
    tile = play.mouse_tile
    assert play.confront.ui.hover_tile == tile
    sent = []
    real = play.input.commands
    play.input.commands = lambda: sent.extend(c := real()) or c
    button(app, pygame.CONTROLLER_BUTTON_B, ticks=1)
    assert any(type(c).__name__ == "Sell" and (c.tx, c.ty) == tile for c in sent)
    assert keys("<sell>") == "B" and keys("<fast_forward>") == "Back"
    button(app, pygame.CONTROLLER_BUTTON_BACK)
    assert play.confront.ui.speed == 2 and isinstance(app.scene, PlayScene)
    x0 = play.camera.x
    app.pad.cursor = [float(app.screen.get_width() - 1), 150.0]
    axis(app, pygame.CONTROLLER_AXIS_RIGHTX, 0.25)  # pushed against the right edge
    for _ in range(20):
        app.frame(fixed_ticks=0)
    axis(app, pygame.CONTROLLER_AXIS_RIGHTX, 0.0)
    assert play.freecam.free and play.camera.x > x0 + 20
    app.pad.cursor = [320.0, 150.0]
    axis(app, pygame.CONTROLLER_AXIS_RIGHTX, -0.25)
    axis(app, pygame.CONTROLLER_AXIS_RIGHTX, 0.0)
    button(app, pygame.CONTROLLER_BUTTON_RIGHTSTICK)  # back to Elara
    for _ in range(5):
        app.frame(fixed_ticks=0)
    assert not play.freecam.free and abs(play.camera.x - x0) < 2
    mini = play.confront.minimap.rect
    app.pad.cursor = [float(mini.right - 3), float(mini.centery)]
    axis(app, pygame.CONTROLLER_AXIS_RIGHTY, 0.25)
    axis(app, pygame.CONTROLLER_AXIS_RIGHTY, 0.0)
    assert play.pad_context == "aim"  # A clicks the minimap
    button(app, pygame.CONTROLLER_BUTTON_A)
    assert play.freecam.free and play.camera.x > x0 + 20  # looking east of the plaza
