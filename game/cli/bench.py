"""`bench [--quick]`: performance figures as one JSON object (see benchmarks/README.md)."""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    bench = sub.add_parser("bench", help="print performance figures as one JSON object")
    bench.add_argument("--quick", action="store_true", help="fewer repetitions")
    bench.add_argument("--drones", type=int, metavar="N", default=0,
                       help="the confrontation's figures with N drones (and 2,000/10,000)")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.drones:
        from game.dev.bench_drones import run_drone_bench

        return run_drone_bench(args.drones, quick=args.quick)
    from game.dev.bench import run_bench

    return run_bench(quick=args.quick)
