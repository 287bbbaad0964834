"""CPU share of one core used by the game in a real window: the idle title screen and
level 1 with nobody at the keys, each for a stretch of wall time in a fresh process.

Share = the process's CPU time (user + system) / wall time. It needs a display (a
desktop, or Xvfb with DISPLAY set); without one the figure is None and says why. The
frame cap and vsync come from the default settings (a fresh, empty data dir).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from game.paths import PACKAGE_DIR

ROOT_DIR = PACKAGE_DIR.parent
TARGET_SHARE = 0.15
# The player's own video driver, read before the other benchmarks switch this process
# to SDL's dummy driver for their off-screen frames.
USER_DRIVER = os.environ.get("SDL_VIDEODRIVER", "")


def has_display() -> bool:
    if USER_DRIVER in ("dummy", "offscreen"):
        return False
    return sys.platform in ("win32", "darwin") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cpu_share(scene: str, seconds: float) -> float | None:
    """Run `scene` ("title" or "level1") in a child process; its CPU share."""
    if not has_display():
        return None
    with tempfile.TemporaryDirectory() as data:
        out = subprocess.run(
            [sys.executable, "-m", "game.dev.bench_cpu", scene, str(seconds), data],
            cwd=ROOT_DIR, capture_output=True, text=True, timeout=seconds + 120,
            env=_child_env())
    if out.returncode != 0:
        raise RuntimeError(f"cpu bench {scene} failed: {out.stderr.strip()[-400:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])["share"]


def _child_env() -> dict[str, str]:
    env = {**os.environ, "SDL_AUDIODRIVER": "dummy"}
    env.pop("SDL_VIDEODRIVER", None)
    if USER_DRIVER:
        env["SDL_VIDEODRIVER"] = USER_DRIVER
    return env


def cpu_figures(seconds: float = 10.0) -> dict:
    if not has_display():
        return {"cpu_share_note": "no display (set DISPLAY, e.g. to an Xvfb): not measured"}
    return {"cpu_share_title_10s": cpu_share("title", seconds),
            "cpu_share_level1_10s": cpu_share("level1", seconds),
            "cpu_share_target": TARGET_SHARE}


def _child(scene: str, seconds: float, data_dir: str) -> None:
    import time

    from game.app import App
    from game.level import load_level
    from game.paths import CAMPAIGN_DIR
    from game.scenes.play import PlayScene
    from game.scenes.title import TitleScene

    app = App(Path(data_dir))
    if scene == "title":
        app.push(TitleScene(app))
    else:
        play = PlayScene(app, load_level(CAMPAIGN_DIR / "01_scavengers_dawn.tmx"))
        app.push(play)
        app.frame()
        while app.scene is not play and hasattr(app.scene, "finish"):
            app.scene.finish()  # an opening line of dialogue: the level itself is measured
    for _ in range(30):  # settle: first frames load and bake
        app.frame()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    frames = 0
    while time.perf_counter() - wall0 < seconds and app.running:
        app.frame()
        frames += 1
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    print(json.dumps({"share": round(cpu / wall, 4), "fps": round(frames / wall, 1)}))


if __name__ == "__main__":
    _child(sys.argv[1], float(sys.argv[2]), sys.argv[3])
