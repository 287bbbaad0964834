"""`splits [--lss DIR] [--json]`: your personal bests, golds and sum of best; optionally
export them as LiveSplit .lss files (campaign.lss and one per level)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.cli.common import EXIT_FAILED, EXIT_OK


def add_parser(sub) -> None:
    p = sub.add_parser("splits", help="show personal bests; export LiveSplit .lss files")
    p.add_argument("--lss", type=Path, default=None, metavar="DIR",
                   help="write campaign.lss and LEVEL.lss files into DIR")
    p.add_argument("--json", action="store_true", help="print the splits file as JSON")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from game.save import SaveError
    from game.speedrun.campaign import campaign_levels, level_id
    from game.speedrun.export import export_splits
    from game.speedrun.splits import SplitsStore
    from game.speedrun.timefmt import format_ticks

    store = SplitsStore(args.data_dir)
    if store.problem:
        print(f"warning: {store.problem}", file=sys.stderr)
    if args.json:
        print(json.dumps(store.data, indent=1, sort_keys=True))
    else:
        ids = [level_id(p) for p in campaign_levels()]
        for lid in ids:
            pb = store.level_pb(lid)
            gold = store.gold(lid)
            print(f"{lid}: PB {format_ticks(pb['igt_ticks']) if pb else '-'}"
                  f"  gold {format_ticks(gold) if gold is not None else '-'}")
        camp = store.campaign_pb()
        best = store.sum_of_best(ids)
        print(f"campaign: PB {format_ticks(camp['igt_ticks']) if camp else '-'}"
              f"  sum of best {format_ticks(best) if best is not None else '-'}")
    if args.lss:
        problems: list[str] = []
        try:
            for path in export_splits(store, args.lss, problems=problems):
                print(f"wrote {path}")
        except SaveError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_FAILED
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
        if problems:
            return EXIT_FAILED
    return EXIT_OK
