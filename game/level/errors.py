"""MapError: the one error type for anything wrong with a map. It names the file, the
element (layer or object) and says how to fix it in Tiled."""

from __future__ import annotations

from pathlib import Path


class MapError(Exception):
    def __init__(self, file: Path | str, message: str, element: str = "", hint: str = ""):
        self.file = str(file)
        self.element = element
        self.message = message
        self.hint = hint
        super().__init__(self.format())

    def format(self) -> str:
        where = f"[{self.element}] " if self.element else ""
        fix = f" — {self.hint}" if self.hint else ""
        return f"{self.file}: error: {where}{self.message}{fix}"
