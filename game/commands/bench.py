"""`bench [--quick]`: performance figures as one JSON object (see benchmarks/README.md)."""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    bench = sub.add_parser("bench", help="print performance figures as one JSON object")
    bench.add_argument("--quick", action="store_true", help="fewer repetitions")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from game.bench import run_bench

    return run_bench(quick=args.quick)
