"""`play MAP [--seed N] [--headless --ticks N [--screenshot OUT.png] [--script FILE]
[--sound] [--realtime] [--sound-log FILE]]` (headless options: game/cli/headless.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli import headless
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
    play.add_argument("map", help="a Tiled .tmx/.tmj map, or a campaign level by number or "
                      "id (1, scavengers_dawn)")
    play.add_argument("--at", type=non_negative, default=None, metavar="OBJECT_ID",
                      help="start Elara at this object (Tiled's Play from here); such "
                           "test runs keep no records")
    play.add_argument("--seed", type=non_negative, default=None,
                      help="simulation seed (default: the map's official seed)")
    play.add_argument("--ghost", type=Path, default=None, metavar="REPLAY",
                      help="race this replay (of the same map) as a translucent Elara")
    headless.add_options(play)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    headless.check_options(args, parser)
    path = resolve_map(args.map)
    if path is None:
        return EXIT_USAGE
    level = load_or_report(path)
    if level is None:
        return EXIT_USAGE
    scratch = None
    if args.at is not None:
        import tempfile

        from game.level import MapError
        from game.level.start_at import start_at

        try:
            level = start_at(level, args.at)
        except MapError as exc:
            print(exc.format(), file=sys.stderr)
            return EXIT_USAGE
        scratch = tempfile.TemporaryDirectory(prefix="reclaim-at-")
    if args.headless:
        use_dummy_video()
    from game.app import App
    from game.scenes.play import PlayScene

    app = App(args.data_dir, headless=args.headless, custom_map_dirs=args.map_dirs,
              sound=args.sound or None)
    app.skip_story = args.headless  # nobody reads dialogue headless: --ticks N simulates N
    run = None
    if scratch is not None:  # a test start: splits and replays go to a scratch folder
        from game.speedrun.run import Run
        from game.speedrun.splits import SplitsStore

        run = Run("custom", [level.path], SplitsStore(Path(scratch.name)),
                  app.services.settings, app.services.livesplit(),
                  Path(scratch.name) / "replays")
    app.push(PlayScene(app, level, args.seed, run=run, ghost=args.ghost))
    if not args.headless:
        from game.scenes.crash import install

        install(app)  # a crash: report in the data dir, friendly screen, the title
        app.run()
        return EXIT_OK
    code = headless.run(app, args)
    if code != EXIT_OK:
        return code
    sim = app.scenes[0].sim if app.scenes else None
    if args.screenshot:
        try:
            app.save_screenshot(args.screenshot)
        except Exception as exc:  # OSError, or pygame.error for unwritable paths
            print(f"{args.screenshot}: error: cannot save screenshot ({exc})", file=sys.stderr)
            return EXIT_FAILED
    if sim is not None:
        reason = f" reason={sim.loss_reason}" if sim.loss_reason else ""
        print(f"ticks={sim.tick} outcome={sim.outcome}{reason} state={sim.state_hash()[:16]}")
    return EXIT_OK
