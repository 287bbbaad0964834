"""`kit DIR`: install (or update) the map maker's kit into DIR/kit/: the Tiled project
with the Check/Play commands and the extension, templates and the game's tileset.
A kit file you changed is kept, and the new version written beside it."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.common import EXIT_FAILED, EXIT_OK


def add_parser(sub) -> None:
    p = sub.add_parser("kit", help="install the map maker's kit (Tiled project) into a folder")
    p.add_argument("folder", type=Path, nargs="?", default=None,
                   help="your maps folder (default: DATA_DIR/maps)")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from game.level.kit_install import install_kit

    folder = args.folder or Path(args.data_dir) / "maps"
    try:
        report = install_kit(folder)
    except OSError as exc:
        print(f"{folder}: error: cannot install the kit ({exc.strerror or exc})")
        return EXIT_FAILED
    for note in getattr(report, "kept", []):
        print(note)
    print(f"kit installed in {folder / 'kit'}; open {folder / 'kit' / 'reclaim.tiled-project'}"
          " in Tiled")
    return EXIT_OK
