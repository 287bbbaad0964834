"""Command line: `python -m game [SUBCOMMAND] ...` (subcommands in game/cli/).

Exit codes: 0 ok, 1 failed, 2 bad usage or unreadable input. A user mistake prints a
one-line message, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from game.cli import SUBCOMMANDS
from game.cli.common import EXIT_OK, EXIT_USAGE
from game.paths import default_data_dir


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _module(name: str):
    return importlib.import_module(f"game.cli.{name}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m game", description="Reclaim 2147")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="where saves and settings live (default: the platform's user "
                             "data dir, or $RECLAIM_DATA_DIR)")
    parser.add_argument("--maps", type=Path, action="append", default=[], metavar="DIR",
                        dest="map_dirs",
                        help="also list the .tmx maps in DIR on the Custom maps screen "
                             "(repeatable)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in SUBCOMMANDS:
        _module(name).add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.data_dir = args.data_dir or default_data_dir()
    if args.command:
        sub_parser = parser._subparsers._group_actions[0].choices[args.command]
        return _module(args.command).run(args, sub_parser)
    return _title(args.data_dir, args.map_dirs)


def _title(data_dir: Path, maps: list[Path] | None = None) -> int:
    from game.app import App
    from game.scenes.crash import install as install_crash_screen
    from game.scenes.title import TitleScene

    app = App(data_dir, custom_map_dirs=list(maps or []))
    install_crash_screen(app)  # a crash: report in the data dir, then back to the title
    app.push(TitleScene(app))
    app.run()
    return EXIT_OK
