"""The mixer and its wiring: caps, volumes, cross-fade, no-device fallback, positional
hum, event cues, and proof that sound never changes the simulation."""

from __future__ import annotations

import numpy as np
import pygame
import pytest
from runkit import AMOUNTS, LEVEL_A, autopilot, play_out, to_results

from game.app import App
from game.audio import bank, music_for_level
from game.audio.cues import cue_for
from game.audio.level import HEAR_PX, hum_voices, placement
from game.audio.mixer import FADE_MS, MUSIC_CHANNELS, RESERVED, Audio, pan_gains
from game.level import load_level
from game.paths import CAMPAIGN_DIR, asset
from game.settings import Settings, from_json
from game.sim import events as ev
from game.sim.constants import SUBPX
from game.sim.swarm import events as sev


@pytest.fixture
def audio():
    a = Audio(Settings())  # conftest: SDL's dummy audio driver, a real mixer
    assert a.enabled, a.problem
    yield a
    a.close()


def busy(name: str, a: Audio) -> int:
    sound = a.sounds.get(name)
    return sum(pygame.mixer.Channel(i).get_sound() is sound and
               pygame.mixer.Channel(i).get_busy() for i in range(pygame.mixer.get_num_channels()))


def test_no_device_is_silent_with_one_line(monkeypatch):
    monkeypatch.setenv("SDL_AUDIODRIVER", "no_such_driver")
    lines = []
    a = Audio(Settings(), log=lines.append)
    assert not a.enabled and len(lines) == 1 and "plays silently" in lines[0]
    assert a.play("zap") is False
    a.update(16, "title")
    a.loop(2, "hum_scout", 1.0)  # every call is a no-op, never an exception


def test_a_sound_is_capped_and_spaced(audio):
    started = 0
    for _ in range(200):  # a ×8 replay: hundreds of zaps in a few frames
        started += audio.play("zap")
        audio.update(5, None)
    assert busy("zap", audio) <= bank.SOUNDS["zap"].cap
    assert started < 200 * 5 / bank.SOUNDS["zap"].gap_ms + 1


def test_total_voices_are_capped_and_never_take_the_music(audio):
    audio.update(FADE_MS + 50, "tense")
    music = pygame.mixer.Channel(MUSIC_CHANNELS[audio.music.active])
    started = 0
    for _ in range(40):
        for name in bank.SOUNDS:
            started += audio.play(name)
        audio.update(50, "tense")
    assert started >= 32 - RESERVED  # every effects channel was filled...
    assert sum(pygame.mixer.Channel(i).get_busy() for i in range(32)) <= 32  # ...within 32
    assert music.get_busy() and music.get_sound() is audio.sounds["tense"]
    assert music.get_volume() > 0.1


def test_volumes_apply_live(audio):
    audio.settings.master_volume, audio.settings.effects_volume = 100, 100
    full = audio.effects_gain
    audio.settings.effects_volume = 30
    assert audio.effects_gain == pytest.approx(full * 0.3)
    audio.settings.music_volume = 100
    audio.update(FADE_MS + 100, "calm")
    loud = pygame.mixer.Channel(MUSIC_CHANNELS[audio.music.active]).get_volume()
    audio.settings.music_volume = 20
    audio.update(16, "calm")
    quiet = pygame.mixer.Channel(MUSIC_CHANNELS[audio.music.active]).get_volume()
    assert quiet == pytest.approx(loud * 0.2, abs=0.01)
    audio.settings.master_volume = 0
    assert audio.play("menu_select") is False  # muted: nothing starts


def test_music_cross_fades(audio):
    audio.update(FADE_MS + 50, "title")
    old = MUSIC_CHANNELS[audio.music.active]
    audio.update(16, "calm")
    new = MUSIC_CHANNELS[audio.music.active]
    assert old != new
    audio.update(FADE_MS / 2, "calm")
    assert pygame.mixer.Channel(old).get_busy() and pygame.mixer.Channel(new).get_busy()
    assert 0 < audio.music.levels[0] < 1 and 0 < audio.music.levels[1] < 1
    audio.update(FADE_MS, "calm")
    assert not pygame.mixer.Channel(old).get_busy()
    assert audio.music.levels[MUSIC_CHANNELS.index(new)] == 1.0


def test_levels_pick_their_act_music(tmp_path):
    from mapkit import write_map

    want = {"01_scavengers_dawn": "calm", "02_shortages": "calm", "03_the_mural": "civic",
            "04_confrontation": "tense", "05_the_coop": "civic"}
    for stem, music in want.items():
        assert music_for_level(load_level(CAMPAIGN_DIR / f"{stem}.tmx")) == music
        assert asset("music", f"{music}.ogg").is_file()
    custom = load_level(write_map(tmp_path, LEVEL_A, AMOUNTS, objective_amount=5, seed=1))
    assert music_for_level(custom) == "calm"


def test_drone_hum_uses_a_few_voices_for_the_nearest():
    rng = np.random.default_rng(3)
    n = 2000
    x = rng.integers(0, 2000 * SUBPX, n).astype(np.int32)
    y = rng.integers(0, 2000 * SUBPX, n).astype(np.int32)
    kind = rng.integers(0, 4, n).astype(np.int8)
    centre = (1000.0, 1000.0)
    voices = hum_voices(x, y, kind, centre, 320)
    assert 0 < len(voices) <= 4
    dist = np.hypot(x / SUBPX - 1000, y / SUBPX - 1000)
    nearest = np.sort(dist)[: len(voices)]
    gains = [g for _, g, _ in voices]
    assert gains == sorted(gains, reverse=True)  # nearest first, louder
    assert gains[0] == pytest.approx((1 - nearest[0] / HEAR_PX) ** 2)
    assert hum_voices(x[:1], y[:1], kind[:1], (-5000.0, -5000.0), 320) == []  # out of earshot


def test_placement_pans_and_attenuates():
    assert placement(None, (0, 0), 320) == (1.0, 0.0)
    gain, pan = placement((300, 0), (0, 0), 320)
    assert gain == 1.0 and pan > 0.5
    far_gain, far_pan = placement((-2000, 0), (0, 0), 320)
    assert far_gain < 0.5 and far_pan == -0.8
    left, right = pan_gains(1.0, -1.0)
    assert left == pytest.approx(1.0) and right == pytest.approx(0.0, abs=1e-9)


def test_events_have_sounds_that_exist():
    samples = [
        ev.Event(ev.WASTE_COLLECTED, 1, {"kind": k, "amount": 1}) for k in
        ("organic", "polymer", "alloy")] + [
        ev.Event(ev.BUILT, 1, {"tx": 1, "ty": 2}), ev.Event(ev.DEPOSITED, 1, {"waste": {}}),
        ev.Event(ev.PRODUCED, 1, {}), ev.Event(ev.BUILD_REFUSED, 1, {}),
        ev.Event(ev.MURAL_PAINTED, 1, {}), ev.Event(ev.SMEAR_WARNING, 1, {}),
        ev.Event(ev.SMEAR_STARTED, 1, {}), ev.Event(ev.DISTRICT_RALLIED, 1, {}),
        ev.Event(ev.RALLIED, 1, {}), ev.Event(sev.WAVE_STARTED, 1, {}),
        ev.Event(sev.ZAP, 1, {"x0": 0, "y0": 0, "x1": 5, "y1": 6}),
        ev.Event(sev.DRONES_DOWN, 1, {"count": 1, "at": [(3, 4)]}),
        ev.Event(sev.MURAL_HIT, 1, {"x": 1, "y": 1}),
        ev.Event(sev.MURAL_DESTROYED, 1, {"x": 1, "y": 1}),
        ev.Event(sev.BARRIER_HIT, 1, {"tx": 1, "ty": 1}),
        ev.Event(sev.ABILITY_USED, 1, {"ability": "aegis", "x": 1, "y": 1}),
        ev.Event(sev.ABILITY_USED, 1, {"ability": "override", "x": 1, "y": 1})]
    names = set()
    for e in samples:
        cue = cue_for(e)
        assert cue is not None, e.kind
        names.add(cue.name)
    assert {"pickup_organic", "pickup_polymer", "pickup_alloy", "node_built", "deposit",
            "harvest", "refused", "stage_complete", "smear_warning", "support_lost",
            "support_gained", "rally", "wave_horn", "zap", "drone_down", "mural_hit",
            "mural_falls", "barrier_hit", "aegis", "override"} <= names
    for name in [*bank.SOUNDS, *bank.LOOPS]:
        assert asset("sound", f"{name}.wav").is_file(), name
    for name in bank.MUSIC:
        assert asset("music", f"{name}.ogg").is_file(), name


def test_volume_settings_round_trip_and_reject_bad_values():
    s, notes = from_json({"master_volume": 40, "music_volume": 0, "effects_volume": 100})
    assert (s.master_volume, s.music_volume, s.effects_volume) == (40, 0, 100) and not notes
    s, notes = from_json({"music_volume": 150, "effects_volume": "loud"})
    assert (s.music_volume, s.effects_volume) == (Settings().music_volume,
                                                  Settings().effects_volume)
    assert len(notes) == 2 and "music_volume" in notes[0]


def test_settings_page_changes_volume_live(tmp_path):
    from game.scenes.settings import SettingsPage

    app = App(tmp_path, headless=True, sound=True)
    page = SettingsPage(app, "sound")
    app.push(page)
    page.index = page.rows.index("music_volume")
    before = app.audio.music_gain
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_LEFT, mod=0, unicode=""))
    assert app.settings.music_volume == Settings().music_volume - 10
    assert app.audio.music_gain < before
    assert '"music_volume": 60' in (tmp_path / "settings.json").read_text()
    app.audio.close()


def _won_run(tmp_path, sound: bool) -> tuple[str, list[str]]:
    from mapkit import write_map

    from game.scenes.play import PlayScene

    level = load_level(write_map(tmp_path, LEVEL_A, AMOUNTS, objective_amount=5, seed=11))
    app = App(tmp_path / ("on" if sound else "off"), headless=True, sound=sound)
    play = PlayScene(app, level)
    app.push(play)
    autopilot(play)
    play_out(app, play)
    to_results(app)
    heard = [name for _, name in app.audio.log]
    app.audio.close()
    return play.sim.state_hash(), heard


def test_sound_never_changes_the_simulation(tmp_path):
    with_sound, heard = _won_run(tmp_path, True)
    without, silent = _won_run(tmp_path, False)
    assert with_sound == without
    assert not silent
    assert {"pickup_organic", "node_built", "deposit", "win"} <= set(heard), heard


def test_menus_dialogue_and_back_make_their_sounds(tmp_path):
    from game.campaign.catalog import Line, Script
    from game.scenes.dialogue import DialogueScene
    from game.scenes.title import TitleScene

    app = App(tmp_path, headless=True, sound=True)
    app.push(TitleScene(app))
    key = {"mod": 0, "unicode": "", "scancode": 0}
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, **key))
    app.frame(fixed_ticks=1)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, **key))
    app.frame(fixed_ticks=1)  # Practice: the level select opens
    app.audio.update(100, "title")  # past the menu sounds' gap
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, **key))
    app.frame(fixed_ticks=1)
    assert isinstance(app.scene, TitleScene)
    app.push(DialogueScene(app, Script("s", (Line("kora", "Welcome back to the plaza, "
                                                  "Elara. The city is listening."),)),
                           lambda: None))
    for _ in range(60):
        app.frame(fixed_ticks=1)
    heard = [name for _, name in app.audio.log]
    assert heard[:3] == ["menu_move", "menu_select", "menu_back"], heard
    voices = [n for n in heard[3:] if n.startswith("voice_")]
    assert len(voices) >= 3 and all(n.startswith("voice_kora_") for n in voices), heard
    app.audio.close()


def test_the_replay_viewer_sounds_like_play(tmp_path):
    from pathlib import Path

    from game.scenes.replay_viewer import open_viewer

    app = App(tmp_path, headless=True, sound=True)
    replays = Path(__file__).parent / "replays"
    assert open_viewer(app, replays / "01_scavengers_dawn.rpl") == ""
    assert app.music_track() == "calm"
    viewer = app.scene
    while viewer.cursor < 3000 and not viewer.finished:
        app.frame(fixed_ticks=1)
        app.audio.update(1000, "calm")  # let the gaps pass: every cue may sound
    heard = {name for _, name in app.audio.log}
    assert {"pickup_organic", "node_built", "deposit"} <= heard, heard
    app.audio.close()


def test_a_stinger_ducks_the_music_smoothly(audio):
    audio.update(FADE_MS + 50, "calm")
    music = pygame.mixer.Channel(MUSIC_CHANNELS[audio.music.active])
    full = music.get_volume()
    audio.duck(1000)
    levels = []
    for _ in range(90):  # 1.5 s of frames
        audio.update(1000 / 60, "calm")
        levels.append(music.get_volume())
    steps = np.abs(np.diff([full, *levels]))
    assert steps.max() < 0.1 * full  # no jump a listener hears as a click
    assert min(levels) == pytest.approx(full * 0.35, abs=0.01)
    assert levels[-1] == pytest.approx(full, abs=0.01)  # back up after the stinger
