"""The controls line at the bottom of the HUD is never cut with "…": every campaign level
is drawn by the real play scene, walking and building, with keyboard and gamepad
prompts, and no line of text.toml's [controls] may be shortened to fit (on the wave
level it only has the room between the minimap and the build menu)."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.content import text
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.scenes.play import PlayScene

LEVELS = sorted(CAMPAIGN_DIR.glob("*.tmx"))


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    application = App(tmp_path_factory.mktemp("controls"), headless=True)
    yield application
    pygame.quit()


@pytest.mark.parametrize("device", ["keys", "pad"])
@pytest.mark.parametrize("path", LEVELS, ids=[p.stem for p in LEVELS])
def test_the_controls_line_is_never_cut(app, path, device):
    play = PlayScene(app, load_level(path))
    app.reset_to(play)
    app.last_device = device
    font = play.hud.font
    cut: list[str] = []
    fit = font.fit

    def recording_fit(line: str, width: int) -> str:
        out = fit(line, width)
        if out != line:
            cut.append(line)
        return out

    font.fit = recording_fit
    try:
        for build in (False, True):
            play.ui.build_mode = build
            for _ in range(2):
                app.frame(fixed_ticks=0)
    finally:
        font.fit = fit
    controls = {text.keys(line) for line in text.text()["controls"].values()}
    assert text.PROMPTS["interact"] == ("A" if device == "pad" else "E")  # prompts followed
    assert not [line for line in cut if line in controls], cut
