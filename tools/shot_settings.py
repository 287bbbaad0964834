"""Screenshots of the Settings screens for the docs, rendered by the game itself over
the title screen. Run: python tools/shot_settings.py [OUT_DIR]"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.app import App  # noqa: E402
from game.scenes.controls import ControlsScene  # noqa: E402
from game.scenes.settings import SettingsPage, SettingsScene  # noqa: E402
from game.scenes.title import TitleScene  # noqa: E402

ROOT_DIR = Path(__file__).resolve().parent.parent


def main(out: Path) -> None:
    app = App(Path(tempfile.mkdtemp()), headless=True)
    app.push(TitleScene(app))
    shots = {"settings.png": SettingsScene(app), "settings_display.png":
             SettingsPage(app, "display"), "settings_sound.png": SettingsPage(app, "sound"),
             "settings_controls.png": ControlsScene(app)}
    for name, scene in shots.items():
        app.push(scene)
        if isinstance(scene, ControlsScene):  # show a rebinding in progress
            scene.index, scene.slot, scene.waiting = scene.rows.index("paint"), 1, True
        app.frame(fixed_ticks=0)
        app.save_screenshot(out / name)
        app.pop()
        print(out / name)
    pygame.display.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT_DIR / "docs" / "screenshots")
