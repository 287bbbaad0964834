"""Which levels make the campaign, in order.

For now: every map in maps/campaign/, sorted by file name. The campaign issue replaces
`campaign_levels` (and only it) when the campaign gets its own list.
"""

from __future__ import annotations

from pathlib import Path

from game.paths import CAMPAIGN_DIR


def campaign_levels(folder: Path = CAMPAIGN_DIR) -> list[Path]:
    return sorted(folder.glob("*.tmx"))


def level_id(path: Path) -> str:
    """Stable key of a level in splits and replay names: the map's file stem."""
    return Path(path).stem
