"""Write the splits as LiveSplit .lss files: one for the campaign, one per level (IL).

An existing file is merged into, never wiped: LiveSplit's own history in it stays (see
lss.py). A file that cannot be merged (not a LiveSplit file, other segments) is left
as it is and reported.
"""

from __future__ import annotations

from pathlib import Path

from game.save import SaveError, atomic_write_bytes
from game.speedrun.campaign import campaign_levels, level_id
from game.speedrun.lss import MAX_LSS_BYTES, LssError, campaign_lss, level_lss
from game.speedrun.splits import SplitsStore


def _existing(path: Path) -> bytes | None:
    """The current file's bytes (None if there is none); a size cap, regular files only."""
    if not path.exists():
        return None
    if not path.is_file():
        raise LssError("is not a regular file")
    with path.open("rb") as fh:
        data = fh.read(MAX_LSS_BYTES + 1)
    if len(data) > MAX_LSS_BYTES:
        raise LssError(f"larger than {MAX_LSS_BYTES} bytes")
    return data


def export_splits(store: SplitsStore, folder: Path, levels: list[Path] | None = None,
                  problems: list[str] | None = None) -> list[Path]:
    """Write (or merge into) campaign.lss and LEVEL.lss for each campaign level.
    Files that cannot be merged are skipped and described in `problems`; raises
    SaveError when a file cannot be written."""
    levels = campaign_levels() if levels is None else levels
    named = [(level_id(p), store.data["levels"].get(level_id(p), {}).get("title", p.stem))
             for p in levels]
    jobs = [(Path(folder) / "campaign.lss", lambda old: campaign_lss(store, named, old))]
    for lid, title in named:
        jobs.append((Path(folder) / f"{lid}.lss",
                     lambda old, lid=lid, title=title: level_lss(store, lid, title, old)))
    written = []
    for path, make in jobs:
        try:
            data = make(_existing(path))
        except (LssError, OSError) as exc:
            if problems is not None:
                problems.append(f"{path}: not changed: {exc} (move it away to export anew)")
            continue
        atomic_write_bytes(path, data)
        written.append(path)
    return written


def export_all(app) -> tuple[list[Path], str]:
    problems: list[str] = []
    try:
        written = export_splits(app.services.splits, Path(app.data_dir) / "splits",
                                problems=problems)
    except SaveError as exc:
        return [], exc.short()
    return written, "; ".join(problems)
