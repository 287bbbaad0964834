"""When the game loop crashes: a crash report in the data dir, a friendly screen, and back
to the title.

The report (`crashes/crash-<time>.json`) holds the error and its traceback, the game
version, the scene, and for a level: the map, its SHA-256, the seed, the tick and the
current attempt's replay (`crash-<time>.rpl`, every tick's commands up to and including
the one that crashed), so `reproduce()` — or the replay viewer, for a crash in drawing —
runs into the same error again.
"""

from __future__ import annotations

import time
import traceback
from pathlib import Path

import pygame

import game
from game.app import App, Scene
from game.render import palette
from game.save import SaveError, atomic_write_bytes, atomic_write_json

CRASH_DIR = "crashes"


def install(app: App) -> None:
    """Route crashes of `app`'s loop (App.run) here."""
    app.crash_handler = handle


def handle(app: App, exc: BaseException) -> bool:
    """Write the report, show the crash screen; False (re-raise) if the crash screen or
    the title itself is what crashes, so a broken game cannot loop here for ever."""
    if isinstance(app.scene, CrashScene) or getattr(app, "_crashes", 0) >= 3:
        return False
    app._crashes = getattr(app, "_crashes", 0) + 1  # type: ignore[attr-defined]
    report, saved = write_report(app, exc)
    app.reset_to(CrashScene(app, report, saved))
    return True


def _play_scene(app: App):
    from game.scenes.play import PlayScene

    return next((s for s in reversed(app.scenes) if isinstance(s, PlayScene)), None)


def write_report(app: App, exc: BaseException) -> tuple[Path, str]:
    """(report path, "" or why it could not be saved)."""
    from game.speedrun.maphash import level_digest
    from game.speedrun.replay import Replay, to_bytes

    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    folder = Path(app.data_dir) / CRASH_DIR
    path = folder / f"crash-{stamp}.json"
    n = 1
    while path.exists():
        path = folder / f"crash-{stamp}-{n}.json"
        n += 1
    report: dict = {
        "game_version": game.__version__, "time": stamp,
        "error": f"{type(exc).__name__}: {exc}"[:2000],
        "traceback": "".join(traceback.format_exception(exc))[-20_000:],
        "scene": type(app.scene).__name__ if app.scene else "",
    }
    why = ""
    play = _play_scene(app)
    if play is not None:
        sim = play.sim
        report.update(map=str(play.level.path), map_sha256=level_digest(play.level).sha256,
                      seed=play.seed, tick=sim.tick, carry=sim.carry or {})
        attempt = getattr(play.run, "attempt", None)
        if attempt is not None:
            try:
                replay = attempt.recorder.replay(sim, play.run.category, "crash")
                pending = getattr(play, "pending", None)
                ticks = replay.ticks + ([list(pending)] if pending is not None else [])
                replay = Replay(replay.header | {"crash": True}, ticks, replay.checkpoints)
                rpl = path.with_suffix(".rpl")
                atomic_write_bytes(rpl, to_bytes(replay))
                report["replay"] = rpl.name
                report["replay_ticks"] = len(ticks)
            except (SaveError, Exception) as err:  # the report matters more than the replay
                report["replay_error"] = f"{type(err).__name__}: {err}"[:500]
    try:
        atomic_write_json(path, report)
    except SaveError as err:
        why = err.short()
    return path, why


def reproduce(replay, level) -> tuple[int, BaseException] | None:
    """Re-run a crash replay's commands in a fresh simulation: (tick, the error) when it
    crashes again, None when it runs through."""
    from game.sim.world import Simulation

    sim = Simulation(level, replay.header["seed"], carry=replay.header.get("carry"))
    try:
        for tick, commands in enumerate(replay.ticks, 1):
            try:
                sim.step(commands)
            except Exception as exc:
                return tick, exc
    finally:
        sim.close()
    return None


class CrashScene(Scene):
    """The friendly screen: what happened, where the report is, Enter for the title."""

    def __init__(self, app: App, report: Path, problem: str = "") -> None:
        super().__init__(app)
        self.report = report
        self.problem = problem

    def handle_event(self, event: pygame.event.Event) -> None:
        if (event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_SPACE,
                                                           pygame.K_ESCAPE, pygame.K_KP_ENTER)
                or event.type == pygame.MOUSEBUTTONDOWN):
            self.back_to_title()

    def back_to_title(self) -> None:
        from game.scenes.title import TitleScene

        self.app.reset_to(TitleScene(self.app))

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        font = self.app.font
        surface.fill(palette.UI_PANEL)
        font.draw(surface, "Something went wrong", (w // 2, 60), palette.UI_ACCENT, scale=2,
                  shadow=(0, 0, 0), align="center")
        lines = ["The game ran into an error and stopped what it was doing.",
                 "Nothing you saved before is lost."]
        if self.problem:
            lines += ["The crash report could not be saved:", self.problem]
        else:
            lines += ["A crash report (with the replay of this attempt) is in:",
                      str(self.report.parent), self.report.name,
                      "Sending it to us helps fix the bug."]
        for i, line in enumerate(lines):
            font.draw(surface, line[-100:], (w // 2, 110 + i * 14), palette.UI_TEXT,
                      align="center")
        font.draw(surface, "Press Enter to return to the title", (w // 2, h - 40),
                  palette.UI_DIM, align="center")
