"""Which levels make the campaign, in order.

The order is data: game/content/campaign.toml (see game/campaign/catalog.py).
"""

from __future__ import annotations

from pathlib import Path

from game.paths import CAMPAIGN_DIR


def campaign_levels(folder: Path = CAMPAIGN_DIR) -> list[Path]:
    """The campaign's maps in story order (game/content/campaign.toml), then any other
    map in the folder by file name (a level being made before it is listed)."""
    found = sorted(Path(folder).glob("*.tmx"))
    if Path(folder).resolve() != CAMPAIGN_DIR.resolve():
        return found
    from game.campaign.catalog import campaign

    listed = [e.path for e in campaign().levels if e.path.is_file()]
    names = {p.name for p in listed}
    return listed + [p for p in found if p.name not in names]


def level_id(path: Path) -> str:
    """Stable key of a level in splits and replay names: the map's file stem."""
    return Path(path).stem
