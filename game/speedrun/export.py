"""Write the splits as LiveSplit .lss files: one for the campaign, one per level (IL)."""

from __future__ import annotations

from pathlib import Path

from game.save import SaveError, atomic_write_bytes
from game.speedrun.campaign import campaign_levels, level_id
from game.speedrun.lss import campaign_lss, level_lss
from game.speedrun.splits import SplitsStore


def export_splits(store: SplitsStore, folder: Path,
                  levels: list[Path] | None = None) -> list[Path]:
    """Write campaign.lss and LEVEL.lss for each campaign level; raises SaveError."""
    levels = campaign_levels() if levels is None else levels
    named = [(level_id(p), store.data["levels"].get(level_id(p), {}).get("title", p.stem))
             for p in levels]
    written = []
    path = Path(folder) / "campaign.lss"
    atomic_write_bytes(path, campaign_lss(store, named))
    written.append(path)
    for lid, title in named:
        path = Path(folder) / f"{lid}.lss"
        atomic_write_bytes(path, level_lss(store, lid, title))
        written.append(path)
    return written


def export_all(app) -> tuple[list[Path], str]:
    try:
        return export_splits(app.services.splits, Path(app.data_dir) / "splits"), ""
    except SaveError as exc:
        return [], exc.short()
