"""Problems with a map, and MapError: the one error type for anything wrong with a map.

A problem names the file, the element (layer or object) and says how to fix it in Tiled.
Printed as `FILE: error: [object #12 "north wall"] what is wrong — how to fix`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    message: str
    element: str = ""
    hint: str = ""
    severity: str = ERROR

    def format(self) -> str:
        where = f"[{self.element}] " if self.element else ""
        fix = f" — {self.hint}" if self.hint else ""
        return f"{self.file}: {self.severity}: {where}{self.message}{fix}"

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "severity": self.severity, "element": self.element,
                "message": self.message, "hint": self.hint}


class MapError(Exception):
    """A map cannot be used. `problems` holds every error found (the first is this one)."""

    def __init__(self, file: Path | str, message: str, element: str = "", hint: str = "",
                 problems: tuple[Problem, ...] = ()):
        self.file = str(file)
        self.element = element
        self.message = message
        self.hint = hint
        first = Problem(self.file, message, element, hint)
        self.problems: tuple[Problem, ...] = problems or (first,)
        super().__init__(self.format())

    @classmethod
    def from_problems(cls, problems: list[Problem] | tuple[Problem, ...]) -> MapError:
        first = problems[0]
        return cls(first.file, first.message, first.element, first.hint, tuple(problems))

    @property
    def problem(self) -> Problem:
        return Problem(self.file, self.message, self.element, self.hint)

    def format(self) -> str:
        return self.problem.format()
