"""Headless runs of the real game loop (title or a level): `--headless --ticks N`, with
scripted key presses (`--script FILE`), sound (`--sound`, for SDL's disk audio driver),
real-time pacing (`--realtime`) and a log of every sound started (`--sound-log FILE`).

A script is plain text, one key event a line, `#` starts a comment:

    30 down right      # at tick 30 press the Right arrow (pygame key names)
    75 up right
    120 press e        # down at tick 120, up one tick later
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path

from game.cli.common import non_negative

MAX_SCRIPT_BYTES = 256 * 1024


class ScriptError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class KeyStep:
    tick: int
    down: bool
    key: int


def add_options(parser: argparse.ArgumentParser, screenshot: bool = True) -> None:
    parser.add_argument("--headless", action="store_true",
                        help="no window: run --ticks ticks of the real game loop")
    parser.add_argument("--ticks", type=non_negative, default=None,
                        help="with --headless: how many simulation ticks to run")
    if screenshot:
        parser.add_argument("--screenshot", type=Path, default=None,
                            help="with --headless: save the last frame to this PNG")
    parser.add_argument("--script", type=Path, default=None,
                        help="with --headless: key presses by tick (see game/cli/headless.py)")
    parser.add_argument("--sound", action="store_true",
                        help="with --headless: open the sound device (headless runs are "
                             "silent otherwise); SDL_AUDIODRIVER=disk records it")
    parser.add_argument("--realtime", action="store_true",
                        help="with --headless: pace the loop at 60 ticks a second")
    parser.add_argument("--sound-log", type=Path, default=None,
                        help="with --headless: write '<seconds> <sound>' for every sound "
                             "started, seconds since the sound device opened")


def check_options(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    if args.headless and args.ticks is None:
        parser.error("--headless needs --ticks N")
    extra = [name for name in ("ticks", "screenshot", "script", "sound_log")
             if getattr(args, name, None) is not None]
    extra += [name for name in ("sound", "realtime") if getattr(args, name, False)]
    if extra and not args.headless:
        parser.error(f"--{extra[0].replace('_', '-')} only makes sense with --headless")


def read_script(path: Path) -> list[KeyStep]:
    """The key steps of a script file, in tick order; ScriptError names the bad line."""
    import pygame

    try:
        if not path.is_file():
            raise ScriptError(f"{path}: error: not a regular file")
        with path.open("rb") as f:
            raw = f.read(MAX_SCRIPT_BYTES + 1)
    except OSError as exc:
        raise ScriptError(f"{path}: error: cannot read ({exc.strerror or exc})") from exc
    if len(raw) > MAX_SCRIPT_BYTES:
        raise ScriptError(f"{path}: error: larger than {MAX_SCRIPT_BYTES // 1024} KiB")
    steps: list[KeyStep] = []
    for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        where = f"{path}:{number}"
        if len(words) != 3 or not words[0].isdigit() or words[1] not in ("down", "up", "press"):
            raise ScriptError(f"{where}: error: expected 'TICK down|up|press KEY', "
                              f"got {line.strip()!r}")
        try:
            key = pygame.key.key_code(words[2])
        except (ValueError, pygame.error):
            raise ScriptError(f"{where}: error: unknown key {words[2]!r} (use pygame key "
                              "names: right, e, space, return...)") from None
        tick = int(words[0])
        if words[1] in ("down", "press"):
            steps.append(KeyStep(tick, True, key))
        if words[1] in ("up", "press"):
            steps.append(KeyStep(tick + (words[1] == "press"), False, key))
    return sorted(steps, key=lambda s: s.tick)


def run(app, args: argparse.Namespace) -> int:
    """The headless loop for parsed options; the script is read once the app has opened
    SDL (key names need it). Returns an exit code (2: a bad script)."""
    import sys

    from game.cli.common import EXIT_OK, EXIT_USAGE

    try:
        steps = read_script(args.script) if args.script else []
    except ScriptError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    run_loop(app, args.ticks, steps, args.realtime, args.sound_log)
    return EXIT_OK


def run_loop(app, ticks: int, steps: list[KeyStep], realtime: bool = False,
             sound_log: Path | None = None) -> None:
    """Frames of one tick each until `ticks` ticks ran (or the app quit); before the
    frame that runs tick T, the script's key events for T are posted."""
    import pygame

    started = app.audio.elapsed()
    begin = time.perf_counter()
    pending = list(steps)
    app.frame(fixed_ticks=0)
    frames = 0
    while app.running and app.ticks_run < ticks:
        while pending and pending[0].tick <= app.ticks_run:
            step = pending.pop(0)
            kind = pygame.KEYDOWN if step.down else pygame.KEYUP
            pygame.event.post(pygame.event.Event(kind, key=step.key, mod=0, unicode="",
                                                 scancode=0))
        app.frame(fixed_ticks=1)
        frames += 1
        if realtime:
            wait = begin + frames / 60 - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
    ended = app.audio.elapsed()
    app.audio.close()  # the recording ends here, so its length matches `ended`
    if sound_log is not None:
        lines = [f"{started:.4f} start"] + [f"{s:.4f} {name}" for s, name in app.audio.log]
        lines.append(f"{ended:.4f} end")
        sound_log.write_text("\n".join(lines) + "\n", encoding="utf-8")
