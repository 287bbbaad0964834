"""`pack DIR [--out FILE.zip]`: check a map pack and zip it to share;
`pack --install FILE.zip`: install a shared pack into the data dir's maps folder.

Exit 0 when done (warnings allowed), 1 when a map has errors or the archive is refused,
2 when a file cannot be read at all.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE


def add_parser(sub) -> None:
    p = sub.add_parser("pack", help="check and zip a map pack, or install one")
    p.add_argument("folder", type=Path, nargs="?", help="the pack's folder (with pack.toml)")
    p.add_argument("--out", type=Path, default=None, metavar="FILE.zip",
                   help="where to write the zip (default: beside the folder)")
    p.add_argument("--install", type=Path, default=None, metavar="FILE.zip",
                   help="install this pack into DATA_DIR/maps/")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from game.packs.archive import PackError, build_zip, install_zip

    if (args.folder is None) == (args.install is None):
        parser.error("give a pack folder to zip, or --install FILE.zip")
    try:
        if args.install is not None:
            from game.level.kit_install import install_kit

            maps = Path(args.data_dir) / "maps"
            pack = install_zip(args.install, maps)
            install_kit(maps)  # its maps use ../kit/: make sure it is there
            print(f"installed {pack.title!r} ({len(pack.maps)} maps) into {pack.folder}")
            return EXIT_OK
        built = build_zip(args.folder, args.out)
    except PackError as exc:
        print(f"error: {exc}")
        return EXIT_USAGE if "no such file" in str(exc) or "not a folder" in str(exc) \
            else EXIT_FAILED
    for problem in built.problems:
        print(problem.format())
    if not built.files:
        print(f"{args.folder}: not zipped: fix the errors above, then run this again")
        return EXIT_FAILED
    warnings = len(built.problems)
    print(f"{built.zip_path}: {len(built.files)} files, {len(built.pack.maps)} maps"
          + (f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""))
    return EXIT_OK
