"""The one place that knows where files live.

Everything the game reads at run time (art, campaign maps, tilesets, templates, the map
maker's kit, dialogue, balance) is package data under `game/`, found through
`importlib.resources`, so a source checkout, `pip install .` and a wheel all work from any
folder. Packaging the game differently later (a frozen build) should only change this
module.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

# A regular (not zipped) install: the package's resources are real files on disk.
PACKAGE_DIR = Path(str(files("game")))
ASSETS_DIR = PACKAGE_DIR / "assets"
MAPS_DIR = PACKAGE_DIR / "maps"
CAMPAIGN_DIR = MAPS_DIR / "campaign"
CONTENT_DIR = PACKAGE_DIR / "content"

APP_NAME = "reclaim2147"


def default_data_dir() -> Path:
    """The per-user data directory (saves, settings, custom maps).

    `RECLAIM_DATA_DIR` wins; otherwise the platform's convention through platformdirs.
    """
    env = os.environ.get("RECLAIM_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def asset(*parts: str) -> Path:
    return ASSETS_DIR.joinpath(*parts)
