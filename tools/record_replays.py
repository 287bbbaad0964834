"""Record the golden replays in tests/replays/: the autopilot plays every campaign level
and its run is saved as LEVEL.rpl. Tests verify them, so a change to the simulation, the
rules or a campaign map that alters a run shows up as a failing test; when the change
is intended, run this again and commit the new files.

Run: python tools/record_replays.py [--out DIR] [--only LEVEL_ID ...]
The date in these files is fixed, so re-recording an unchanged run changes no bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.dev.bot import play_to_win  # noqa: E402
from game.level import MapError, load_level  # noqa: E402
from game.sim import Simulation  # noqa: E402
from game.speedrun.campaign import campaign_levels, level_id  # noqa: E402
from game.speedrun.record import record_run  # noqa: E402
from game.speedrun.replay import EXTENSION, to_bytes  # noqa: E402

FIXED_DATE = "2147-01-01T00:00:00Z"
PLAYER = "autopilot"


def record(path: Path) -> tuple[bytes, str]:
    """The replay of the autopilot's run and its outcome (a lost run is still a golden
    replay: it pins the simulation down just as well)."""
    level = load_level(path)
    sim = Simulation(level)
    try:
        log = play_to_win(sim)
        outcome = sim.outcome
    finally:
        sim.close()
    replay = record_run(path, level, log, "practice", PLAYER)
    replay.header["date"] = FIXED_DATE
    return to_bytes(replay), outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "replays")
    parser.add_argument("--only", action="append", default=[], metavar="LEVEL",
                        help="record only this level id (e.g. 03_the_mural); repeatable")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    status = 0
    for path in campaign_levels():
        if args.only and level_id(path) not in args.only:
            continue
        try:
            data, outcome = record(path)
        except MapError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
            continue
        target = args.out / f"{level_id(path)}{EXTENSION}"
        changed = not target.exists() or target.read_bytes() != data
        target.write_bytes(data)
        print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
              f"{'written' if changed else 'unchanged'} ({len(data)} bytes, {outcome})")
        if outcome != "won":
            print(f"warning: the autopilot does not win {path.name} ({outcome})",
                  file=sys.stderr)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
