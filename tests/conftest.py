"""Headless test setup: SDL's dummy drivers before anything imports pygame."""

import os
import sys
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def toy_maps(monkeypatch, tmp_path):
    """For tests of one mechanic or file format on tiny maps that were never meant to be
    won: leave out `check`'s can-it-be-won rules, and give the tests' tileset (t.png
    beside the map) a real image, as a missing one is an error."""
    from mapkit import write_png

    monkeypatch.setattr("game.level.loader.check_winnable", lambda *a, **k: None)
    write_png(tmp_path / "t.png")


@pytest.fixture
def campaign_sim():
    """Start a simulation of a campaign map by file name; every one is closed after."""
    from game.level import load_level
    from game.paths import CAMPAIGN_DIR
    from game.sim.world import Simulation

    sims = []

    def start(name: str) -> Simulation:
        sims.append(Simulation(load_level(CAMPAIGN_DIR / name)))
        return sims[-1]

    yield start
    for sim in sims:
        sim.close()


@pytest.fixture
def app(tmp_path):
    """A headless game on a fresh data dir (a test file may define its own `app`)."""
    import pygame

    from game.app import App

    application = App(tmp_path, headless=True)
    yield application
    pygame.display.quit()
