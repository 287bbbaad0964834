"""Reading a folder of maps off the frame loop: a worker thread describes one map at a
time and keeps only its summary row, so the screen stays responsive and memory stays
that of one map however many are in the folder.

The worker never touches pygame; the scene reads `rows` (a list the worker only appends
to) each frame and shows progress until `done`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

Row = TypeVar("Row")


class Scanner(Generic[Row]):
    def __init__(self, paths: list[Path], describe: Callable[[Path], Row]) -> None:
        self.paths = paths
        self.rows: list[Row] = []
        self.done = False
        self._cancel = threading.Event()
        self._describe = describe
        self._thread = threading.Thread(target=self._run, name="map-scan", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for path in self.paths:
                if self._cancel.is_set():
                    return
                self.rows.append(self._describe(path))  # a summary; the level is dropped
        finally:
            self.done = True

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the scan ends (tests, tools); True if it did."""
        self._thread.join(timeout)
        return self.done
