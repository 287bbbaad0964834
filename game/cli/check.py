"""`check MAP... [--json]`: validate maps (format and game rules), list every problem.

Lines read `FILE: error: [object #12 "north wall"] what is wrong — how to fix`. Exit 0
when no map has errors (warnings are fine), 1 when one has, 2 when a file cannot be read.
A folder checks every .tmx inside it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from game.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, escape


def add_parser(sub) -> None:
    check = sub.add_parser("check", help="validate Tiled maps and explain every problem")
    check.add_argument("maps", type=Path, nargs="+", help=".tmx maps or folders of maps")
    check.add_argument("--json", action="store_true",
                       help="print one JSON document instead of lines")


def _expand(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.tmx"))
            out.extend(found or [path])
        else:
            out.append(path)
    return out


def check_one(path: Path) -> tuple[int, dict]:
    """(exit code for this map, its JSON record)."""
    from game.level.errors import ERROR, Problem
    from game.level.loader import inspect_map

    start = time.perf_counter()
    record: dict = {"file": str(path), "title": None, "problems": []}
    if path.is_dir() or not path.is_file() or not os.access(path, os.R_OK):
        problems = [Problem(str(path), "cannot read the file (it does not exist, is a folder "
                            "or is not readable)", hint="check the path")]
        code = EXIT_USAGE
    else:
        try:
            level, problems = inspect_map(path)
        except Exception as exc:  # a loader bug must still not print a traceback
            level, problems = None, [Problem(str(path), f"internal error while reading the "
                                             f"map: {type(exc).__name__}: {exc}",
                                             hint="please report this map as a bug")]
        if level is not None:
            record["title"] = level.title
            record["size"] = [level.width, level.height]
        code = EXIT_FAILED if any(p.severity == ERROR for p in problems) else EXIT_OK
        if problems and problems[0].message.startswith("cannot read the file") and \
                problems[0].file == str(path):
            code = EXIT_USAGE
    record["problems"] = [p.as_dict() for p in problems]
    record["ok"] = code == EXIT_OK
    record["ms"] = round((time.perf_counter() - start) * 1000, 1)
    return code, record


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from game.level.errors import Problem

    worst = EXIT_OK
    records = []
    for path in _expand(args.maps):
        code, record = check_one(path)
        records.append(record)
        worst = max(worst, code)
        if args.json:
            continue
        for p in record["problems"]:
            print(escape(Problem(p["file"], p["message"], p["element"], p["hint"],
                                 p["severity"]).format()))
        if record["ok"]:
            warnings = len(record["problems"])
            extra = f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
            print(escape(f"{path}: ok ({record['title']}{extra})"))
    if args.json:
        json.dump({"maps": records, "exit": worst}, sys.stdout, indent=1, ensure_ascii=False)
        print()
    return worst
