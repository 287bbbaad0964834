"""`verify REPLAY... [--json] [--map MAP]`: re-simulate replays headlessly.

Prints one line per file (`FILE: valid outcome=won igt=1:23.456 ticks=5014`, or why it
is not valid). Exit 0 when every file is valid, 1 when any is not, 2 when a file could
not be read at all.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from game.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE


def add_parser(sub) -> None:
    p = sub.add_parser("verify", help="re-simulate replays and check they are genuine")
    p.add_argument("replays", nargs="+", type=Path, metavar="REPLAY", help="replay files")
    p.add_argument("--json", action="store_true", help="one JSON array on stdout")
    p.add_argument("--map", action="append", type=Path, default=[], metavar="PATH",
                   help="a custom map (or a folder of maps) the replays may be played on; "
                        "campaign maps and DATA_DIR/maps are always searched")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from game.speedrun.verify import UNREADABLE, verify_file

    maps = [*args.map, *[d for d in [args.data_dir / "maps"] if d.is_dir()]]  # custom maps
    results = [verify_file(path, maps) for path in args.replays]
    if args.json:
        print(json.dumps([r.to_json() for r in results], indent=1))
    else:
        for r in results:
            print(r.line())
    if any(r.kind == UNREADABLE for r in results):
        return EXIT_USAGE
    return EXIT_OK if all(r.valid for r in results) else EXIT_FAILED
