"""The one way the game reads a file it did not write itself: regular files only, with a
size cap.

A FIFO would block `open()` for ever, `/dev/zero` would fill memory, a socket or a
terminal has no end: `read_capped` checks the kind of file before opening it, opens
without blocking (a FIFO swapped in between cannot stall the open), checks again on the
open descriptor, and never reads more than `cap` + 1 bytes. Both refusals are OSErrors,
so every existing `except OSError` turns them into the caller's clear message.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | \
    getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """A device, FIFO, socket or folder where a file was expected."""


class FileTooLarge(OSError):
    """Larger than the cap for files of its kind."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular(path: str | os.PathLike, cap: int) -> int:
    """The size of `path` if it is a regular file (symlinks followed) within `cap` bytes;
    raises NotRegularFile / FileTooLarge / OSError otherwise. Never opens the file."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(errno.EINVAL, f"{_kind(st.st_mode)}, not a regular file")
    if st.st_size > cap:
        raise FileTooLarge(errno.EFBIG, f"{st.st_size} bytes, over the {cap} byte limit")
    return st.st_size


def read_capped(path: str | os.PathLike, cap: int) -> bytes:
    """All bytes of the regular file `path`, at most `cap` of them."""
    check_regular(path, cap)
    fd = os.open(path, _FLAGS)
    try:
        st = os.fstat(fd)  # what was opened, in case the path was swapped since the stat
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(errno.EINVAL, f"{_kind(st.st_mode)}, not a regular file")
        chunks, total = [], 0
        while total <= cap:
            chunk = os.read(fd, min(1 << 20, cap + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    if total > cap:  # grew since the stat
        raise FileTooLarge(errno.EFBIG, f"over the {cap} byte limit")
    return b"".join(chunks)


def is_regular(path: str | os.PathLike) -> bool:
    """True for an existing regular file (symlinks followed); never opens it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def read_text_capped(path: Path, cap: int) -> str:
    return read_capped(path, cap).decode("utf-8")
