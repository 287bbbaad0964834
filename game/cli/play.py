"""`play MAP [--seed N] [--headless --ticks N [--screenshot OUT.png]]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    load_or_report,
    non_negative,
    resolve_map,
    use_dummy_video,
)


def add_parser(sub) -> None:
    play = sub.add_parser("play", help="play a map straight away")
    play.add_argument("map", help="a Tiled .tmx map, or a campaign level by number or id "
                      "(1, scavengers_dawn)")
    play.add_argument("--seed", type=non_negative, default=None,
                      help="simulation seed (default: the map's official seed)")
    play.add_argument("--headless", action="store_true",
                      help="no window: run --ticks ticks of the real game loop")
    play.add_argument("--ticks", type=non_negative, default=None,
                      help="with --headless: how many simulation ticks to run")
    play.add_argument("--screenshot", type=Path, default=None,
                      help="with --headless: save the last frame to this PNG")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.headless and args.ticks is None:
        parser.error("--headless needs --ticks N")
    if (args.ticks is not None or args.screenshot) and not args.headless:
        parser.error("--ticks and --screenshot only make sense with --headless")
    path = resolve_map(args.map)
    if path is None:
        return EXIT_USAGE
    level = load_or_report(path)
    if level is None:
        return EXIT_USAGE
    if args.headless:
        use_dummy_video()
    from game.app import App
    from game.scenes.play import PlayScene

    app = App(args.data_dir, headless=args.headless, custom_map_dirs=args.map_dirs)
    app.push(PlayScene(app, level, args.seed))
    if not args.headless:
        app.run()
        return EXIT_OK
    app.frame(fixed_ticks=0)
    while app.running and app.ticks_run < args.ticks:
        app.frame(fixed_ticks=1)
    sim = app.scenes[0].sim if app.scenes else None
    if args.screenshot:
        try:
            app.save_screenshot(args.screenshot)
        except Exception as exc:  # OSError, or pygame.error for unwritable paths
            print(f"{args.screenshot}: error: cannot save screenshot ({exc})", file=sys.stderr)
            return EXIT_FAILED
    if sim is not None:
        print(f"ticks={sim.tick} outcome={sim.outcome} state={sim.state_hash()[:16]}")
    return EXIT_OK
