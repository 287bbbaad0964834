"""Command line: `python -m game [SUBCOMMAND] ...` (subcommands in game/cli/).

Exit codes: 0 ok, 1 failed, 2 bad usage or unreadable input. A user mistake prints a
one-line message, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from game.cli import SUBCOMMANDS, headless
from game.cli.common import EXIT_OK, EXIT_USAGE, use_dummy_video
from game.paths import default_data_dir


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _module(name: str):
    return importlib.import_module(f"game.cli.{name}")


def _global_options(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    """--data-dir and --maps, accepted before the subcommand and after it (the
    subcommand's copies land in `sub_*` and are merged in `main`)."""
    parser.add_argument("--data-dir", type=Path, default=None, dest=f"{prefix}data_dir",
                        help="where saves and settings live (default: the platform's user "
                             "data dir, or $RECLAIM_DATA_DIR)")
    parser.add_argument("--maps", type=Path, action="append", default=[], metavar="DIR",
                        dest=f"{prefix}map_dirs",
                        help="also list the .tmx maps in DIR on the Custom maps screen "
                             "(repeatable)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m game", description="Reclaim 2147")
    _global_options(parser)
    headless.add_options(parser, screenshot=False)  # the title screen, for tests
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in SUBCOMMANDS:
        _module(name).add_parser(sub)
    for sub_parser in sub.choices.values():
        _global_options(sub_parser, "sub_")
    return parser


def parse_args(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """Parsed arguments, global options merged from either side of the subcommand."""
    args = parser.parse_args(argv)
    args.data_dir = getattr(args, "sub_data_dir", None) or args.data_dir or default_data_dir()
    args.map_dirs = [*args.map_dirs, *getattr(args, "sub_map_dirs", [])]
    return args


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parse_args(parser, argv)
    if args.command:
        sub_parser = parser._subparsers._group_actions[0].choices[args.command]
        return _module(args.command).run(args, sub_parser)
    headless.check_options(args, parser)
    return _title(args)


def _title(args: argparse.Namespace) -> int:
    if args.headless:
        use_dummy_video()
    from game.app import App
    from game.scenes.crash import install as install_crash_screen
    from game.scenes.title import TitleScene

    app = App(args.data_dir, headless=args.headless, custom_map_dirs=list(args.map_dirs),
              sound=args.sound or None)
    install_crash_screen(app)  # a crash: report in the data dir, then back to the title
    app.push(TitleScene(app))
    if args.headless:
        return headless.run(app, args)
    app.run()
    return EXIT_OK
