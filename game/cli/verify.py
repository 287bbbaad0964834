"""`verify REPLAY... [--run DIR_OR_SEGMENT]... [--json] [--map MAP] [--jobs N]`:
re-simulate replays headlessly.

Prints one line per file (`FILE: valid outcome=won igt=1:23.456 ticks=5014
category=practice map=official`, or why it is not valid) and, for each `--run`, its
segments and the run's verdict and total. Exit 0 when everything is valid, 1 when
anything is not, 2 when a file could not be read at all.
"""

from __future__ import annotations

import argparse
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from game.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE

MAX_JOBS = 64


def add_parser(sub) -> None:
    p = sub.add_parser("verify", help="re-simulate replays and check they are genuine")
    p.add_argument("replays", nargs="*", type=Path, metavar="REPLAY", help="replay files")
    p.add_argument("--run", action="append", type=Path, default=[], metavar="PATH",
                   help="a whole campaign run: the folder of its segment replays, or one "
                        "segment (its run's other segments are found beside it)")
    p.add_argument("--json", action="store_true", help="one JSON array on stdout")
    p.add_argument("--map", action="append", type=Path, default=[], metavar="PATH",
                   help="a custom map (or a folder of maps) the replays may be played on; "
                        "campaign maps and DATA_DIR/maps are always searched")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="verify N files at once in separate processes (default 1)")


def _verify(job: tuple[Path, list[Path]]):
    from game.speedrun.verify import verify_file

    return verify_file(*job)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from game.speedrun.verify import UNREADABLE
    from game.speedrun.verify_run import verify_run

    if not args.replays and not args.run:
        parser.error("give replay files, or --run with a run's folder")
    if not 1 <= args.jobs <= MAX_JOBS:
        parser.error(f"--jobs must be between 1 and {MAX_JOBS}")
    maps = [*args.map, *[d for d in [args.data_dir / "maps"] if d.is_dir()]]  # custom maps
    jobs = [(path, maps) for path in args.replays]
    if args.jobs > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=min(args.jobs, len(jobs))) as pool:
            results = list(pool.map(_verify, jobs))  # in the order given
    else:
        results = [_verify(job) for job in jobs]
    runs = [verify_run(source, maps) for source in args.run]
    if args.json:
        print(json.dumps([r.to_json() for r in results] + [r.to_json() for r in runs],
                         indent=1))
    else:
        for r in results:
            print(r.line())
        for rr in runs:
            print("\n".join(rr.lines()))
    if any(r.kind == UNREADABLE for r in results):
        return EXIT_USAGE
    ok = all(r.valid for r in results) and all(rr.valid for rr in runs)
    return EXIT_OK if ok else EXIT_FAILED
