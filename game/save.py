"""Files in the user data dir: atomic writes, and corrupt files kept, never lost.

A write goes to a temporary file in the same folder, is flushed to disk, then replaces
the target with `os.replace`, so a crash or power cut leaves either the old file or the
new one, never half of each. A file that cannot be read back is moved aside as
`NAME.corrupt-YYYYMMDD-HHMMSS` and reported; the caller then starts from defaults, and
the player still has the old data to repair or send us.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.fileio import FileTooLarge, NotRegularFile, read_capped

MAX_JSON_BYTES = 8 * 1024 * 1024  # no save file of ours comes near this


class SaveError(Exception):
    """Writing failed (disk full, read-only folder …); the old file is untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: cannot save ({reason})")
        self.path = Path(path)
        self.reason = reason

    def short(self) -> str:
        """For the screen: the file name, not the whole path."""
        return f"cannot save {self.path.name} ({self.reason})"


@dataclass
class Loaded:
    """What `load_json` found: the data, and a message if the file had to be set aside."""

    data: Any
    problem: str = ""
    backup: Path | None = None
    writable: bool = True  # False: the file exists but could not be read; don't replace it


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise SaveError(path, exc.strerror or str(exc)) from None


def atomic_write_json(path: Path, data: Any) -> None:
    text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))


def backup_corrupt(path: Path) -> Path | None:
    """Move a damaged file aside (never overwrite an earlier backup); None if it can't."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    for n in range(100):
        suffix = f".corrupt-{stamp}" + (f"-{n}" if n else "")
        target = path.with_name(path.name + suffix)
        if not target.exists():
            try:
                os.replace(path, target)
            except OSError:
                return None
            return target
    return None


def load_json(path: Path, default: Callable[[], Any],
              check: Callable[[Any], str] | None = None) -> Loaded:
    """Read a JSON save file. Missing: `default()`. Unreadable, not JSON, or refused by
    `check` (which returns "" when the data is fine, else what is wrong): the file is
    backed up, the problem is reported in `Loaded.problem`, and `default()` is returned.
    """
    path = Path(path)
    if not os.path.lexists(path):
        return Loaded(default())
    problem = ""
    data: Any = None
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            problem = f"file is larger than {MAX_JSON_BYTES} bytes"
        else:
            data = json.loads(read_capped(path, MAX_JSON_BYTES).decode("utf-8"))
            problem = check(data) if check else ""
            if not problem:
                json.dumps(data, ensure_ascii=False).encode("utf-8")  # can it be saved?
    except UnicodeEncodeError:  # a lone surrogate ("\ud800") loads but cannot be written
        problem = "it holds text with an invalid character"
    except (NotRegularFile, FileTooLarge) as exc:
        problem = str(exc.strerror)
    except OSError as exc:
        # unreadable but maybe fine (permissions): report, do not move it
        return Loaded(default(), f"{path}: cannot read ({exc.strerror or exc}); "
                                 "using defaults and not saving over it", writable=False)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        problem = f"not valid JSON ({exc})"
    except RecursionError:
        problem = "not valid JSON (nested too deeply)"
    except ValueError as exc:  # e.g. an integer of thousands of digits
        problem = f"not valid JSON ({str(exc)[:80]})"
    if not problem:
        return Loaded(data)
    backup = backup_corrupt(path)
    where = f"kept as {backup.name}" if backup else "could not be moved aside"
    return Loaded(default(), f"{path.name} is damaged: {problem}. The damaged file was "
                             f"{where} in {path.parent}; starting fresh.", backup)


ORPHAN_AGE_SECONDS = 60.0  # older than any write in progress (a write takes milliseconds)


def clean_orphans(folder: Path, now: float | None = None) -> list[Path]:
    """Remove temporary files left by a save that was killed mid-write (`.NAME.*.tmp`,
    see atomic_write_bytes) in `folder` and its subfolders one level down. Only our own
    pattern, only regular files, only ones older than a minute (another running copy of
    the game may be writing one now). Returns what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    folders = [Path(folder)]
    try:
        folders += [p for p in Path(folder).iterdir() if p.is_dir() and not p.is_symlink()]
    except OSError:
        return removed
    for where in folders:
        try:
            candidates = list(where.glob(".*.tmp"))
        except OSError:
            continue
        for path in candidates:
            try:
                st = path.lstat()
                if stat.S_ISREG(st.st_mode) and now - st.st_mtime > ORPHAN_AGE_SECONDS:
                    path.unlink()
                    removed.append(path)
            except OSError:
                continue
    return removed
