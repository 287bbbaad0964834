"""The one place that knows where files live.

Packaging the game differently later (a wheel, a frozen build, a browser build) should
only change this module.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT_DIR = PACKAGE_DIR.parent
ASSETS_DIR = ROOT_DIR / "assets"
MAPS_DIR = ROOT_DIR / "maps"
CAMPAIGN_DIR = MAPS_DIR / "campaign"
CONTENT_DIR = PACKAGE_DIR / "content"

APP_NAME = "reclaim2147"


def default_data_dir() -> Path:
    """The platform's per-user data directory (saves, settings, custom maps)."""
    env = os.environ.get("RECLAIM_DATA_DIR")
    if env:
        return Path(env).expanduser()
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def asset(*parts: str) -> Path:
    return ASSETS_DIR.joinpath(*parts)
