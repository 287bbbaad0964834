"""How many times faster than real time `verify` re-simulates the golden replays.

Run: python benchmarks/verify_speed.py [--runs N]
Prints one JSON object: per replay, the median seconds of the re-simulation (map load
excluded) and the ratio to the run's real length. The issue's floor is 50x.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.level import load_level  # noqa: E402
from game.sim.constants import TICK_RATE  # noqa: E402
from game.speedrun.verify import check_replay, find_map, read_replay  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    out = {}
    for path in sorted((ROOT / "tests" / "replays").glob("*.rpl")):
        replay = read_replay(path)
        level = load_level(find_map(replay.header, []))
        samples = []
        for _ in range(args.runs):
            start = time.perf_counter()
            check_replay(replay, level)
            samples.append(time.perf_counter() - start)
        seconds = statistics.median(samples)
        game_seconds = len(replay.ticks) / TICK_RATE
        out[path.stem] = {"ticks": len(replay.ticks), "seconds": round(seconds, 4),
                          "x_realtime": round(game_seconds / seconds, 1)}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
