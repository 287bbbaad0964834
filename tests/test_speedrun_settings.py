"""The settings screen changes and saves settings (restart key capture included), and
damaged speedrun files are reported on the title screen."""

from __future__ import annotations

import json

import pygame

from game.app import App
from game.scenes.settings import SettingsPage
from game.scenes.title import TitleScene
from game.settings import FIELDS, SettingsStore


def key(app: App, k: int, unicode: str = "") -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=unicode))
    app.frame(fixed_ticks=0)


def select(app: App, scene: SettingsPage, name: str) -> None:
    scene.index = scene.rows.index(name)
    app.frame(fixed_ticks=0)


def test_toggles_rebinding_and_text_fields_are_saved(app, tmp_path):
    scene = SettingsPage(app, "speedrun")
    app.push(scene)
    select(app, scene, "show_rta")
    key(app, pygame.K_RETURN)
    select(app, scene, "restart_key")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_BACKSPACE)
    select(app, scene, "livesplit_port")
    key(app, pygame.K_RETURN)
    for _ in range(5):
        key(app, pygame.K_BACKSPACE)
    for ch in "16835":
        key(app, ord(ch), ch)
    key(app, pygame.K_RETURN)
    select(app, scene, "player_name")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_a, "\x00")  # not printable: ignored
    key(app, pygame.K_RETURN)
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved["show_rta"] is True and saved["restart_key"] == "backspace"
    assert saved["livesplit_port"] == 16835 and saved["player_name"] == "Player"
    again = SettingsStore(tmp_path)
    assert again.problems == [] and again.settings.livesplit_port == 16835
    speedrun = [n for n, f in FIELDS.items() if f.page == "speedrun"]
    assert scene.rows == [*speedrun, "__export__", "__back__"]


def test_bad_port_is_refused_with_a_message(app):
    scene = SettingsPage(app, "speedrun")
    app.push(scene)
    select(app, scene, "livesplit_port")
    key(app, pygame.K_RETURN)
    key(app, ord("9"), "9")  # 168349: out of range
    key(app, pygame.K_RETURN)
    assert "not valid" in scene.notice and scene.store.settings.livesplit_port == 16834


def test_damaged_files_are_reported_on_the_title_screen(app, tmp_path):
    (tmp_path / "splits.json").write_text("{broken")
    title = TitleScene(app)
    assert "splits.json is damaged" in title.error
    assert list(tmp_path.glob("splits.json.corrupt-*"))
