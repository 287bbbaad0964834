"""`replay FILE [--map MAP] [--speed N] [--headless [--ticks N] [--screenshot OUT.png]]`:
watch a replay in a window, or run it headless and save the last frame."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, non_negative, use_dummy_video


def add_parser(sub) -> None:
    p = sub.add_parser("replay", help="watch a replay (pause, x2/x4/x8, timer shown)")
    p.add_argument("file", type=Path, help="a .rpl replay file")
    p.add_argument("--map", action="append", type=Path, default=[], metavar="PATH",
                   help="a custom map (or folder) the replay may be played on")
    p.add_argument("--speed", type=int, choices=(1, 2, 4, 8), default=1,
                   help="playback speed to start with")
    p.add_argument("--headless", action="store_true", help="no window")
    p.add_argument("--ticks", type=non_negative, default=None,
                   help="with --headless: stop after this many replay ticks (default: end)")
    p.add_argument("--screenshot", type=Path, default=None,
                   help="with --headless: save the last frame to this PNG")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if (args.ticks is not None or args.screenshot) and not args.headless:
        parser.error("--ticks and --screenshot only make sense with --headless")
    from game.speedrun.replay import ReplayError
    from game.speedrun.verify import UNREADABLE, read_replay

    try:
        read_replay(args.file)
    except ReplayError as exc:
        print(f"{args.file}: error: {exc.format()}", file=sys.stderr)
        return EXIT_USAGE if exc.kind == UNREADABLE else EXIT_FAILED
    if args.headless:
        use_dummy_video()
    from game.app import App
    from game.scenes.replay_viewer import SPEEDS, open_viewer

    app = App(args.data_dir, headless=args.headless)
    custom = [d for d in [args.data_dir / "maps"] if d.is_dir()]
    problem = open_viewer(app, args.file, [*args.map, *custom])
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_FAILED
    viewer = app.scene
    viewer.speed_index = SPEEDS.index(args.speed)
    if not args.headless:
        app.run()
        return EXIT_OK
    limit = len(viewer.replay.ticks) if args.ticks is None else args.ticks
    app.frame(fixed_ticks=0)
    while viewer.cursor < limit and not viewer.finished:
        before = viewer.cursor
        app.frame(fixed_ticks=1)
        if viewer.cursor == before:
            break
    if args.screenshot:
        try:
            app.save_screenshot(args.screenshot)
        except Exception as exc:  # OSError, or pygame.error for unwritable paths
            print(f"{args.screenshot}: error: cannot save screenshot ({exc})", file=sys.stderr)
            return EXIT_FAILED
    print(f"ticks={viewer.cursor} igt={viewer.sim.igt_ticks} {viewer.status or 'playing'}")
    return EXIT_OK if "desync" not in viewer.status and "differs" not in viewer.status \
        else EXIT_FAILED
