"""A small schema for our JSON save files: every field's type and range, declared once.

`problem(value, spec)` returns "" when the data fits, else the first thing wrong with
its path ("levels.l1.medal: [] is not one of ...") for the player's message. Save
loaders (profile, splits) declare their shape with these specs instead of scattered
isinstance checks, so a value of the wrong type is refused on load, never met later as a
TypeError in the middle of a level.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_INT = 1 << 53  # JSON numbers other programs can round-trip exactly
MAX_ITEMS = 10_000
MAX_TEXT = 256


def _join(where: str, key: object) -> str:
    return f"{where}.{key}" if where else str(key)


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class Spec:
    def check(self, value: object, where: str) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass(frozen=True)
class Int(Spec):
    lo: int = 0
    hi: int = MAX_INT

    def check(self, value: object, where: str) -> str:
        if type(value) is not int:
            return f"{where}: {_show(value)} is not a whole number"
        if not self.lo <= value <= self.hi:
            return f"{where}: {value} is outside {self.lo}..{self.hi}"
        return ""


@dataclass(frozen=True)
class Str(Spec):
    max_len: int = MAX_TEXT
    choices: tuple[str, ...] = ()

    def check(self, value: object, where: str) -> str:
        if not isinstance(value, str):
            return f"{where}: {_show(value)} is not text"
        if self.choices and value not in self.choices:
            return f"{where}: {_show(value)} is not one of {', '.join(map(repr, self.choices))}"
        if len(value) > self.max_len:
            return f"{where}: text longer than {self.max_len} characters"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate ("\ud800"): loads, cannot be saved
            return f"{where}: text holds an invalid character"
        return ""


@dataclass(frozen=True)
class Bool(Spec):
    def check(self, value: object, where: str) -> str:
        return "" if isinstance(value, bool) else f"{where}: {_show(value)} is not true/false"


@dataclass(frozen=True)
class Maybe(Spec):
    """`inner`, or null."""

    inner: Spec

    def check(self, value: object, where: str) -> str:
        return "" if value is None else self.inner.check(value, where)


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec
    max_len: int = MAX_ITEMS

    def check(self, value: object, where: str) -> str:
        if not isinstance(value, list):
            return f"{where}: {_show(value)} is not a list"
        if len(value) > self.max_len:
            return f"{where}: more than {self.max_len} entries"
        for i, item in enumerate(value):
            if bad := self.item.check(item, f"{where}[{i}]"):
                return bad
        return ""


@dataclass(frozen=True)
class TableOf(Spec):
    """A JSON object whose keys are names (e.g. level ids) and values all `value`."""

    value: Spec
    key: Str = Str(128)
    max_len: int = MAX_ITEMS

    def check(self, value: object, where: str) -> str:
        if not isinstance(value, dict):
            return f"{where}: {_show(value)} is not a table"
        if len(value) > self.max_len:
            return f"{where}: more than {self.max_len} entries"
        for key, item in value.items():
            if (bad := self.key.check(key, f"{where or 'top level'} key")) or \
                    (bad := self.value.check(item, _join(where, key))):
                return bad
        return ""


@dataclass(frozen=True)
class Record(Spec):
    """A JSON object with known fields; `required` must be there, others may be. Unknown
    fields are kept (a newer game may add some) but must be plain JSON within `Any`."""

    fields: dict[str, Spec]
    required: frozenset[str] = field(default_factory=frozenset)

    def check(self, value: object, where: str) -> str:
        if not isinstance(value, dict):
            return f"{where}: {_show(value)} is not a table"
        for name in self.required:
            if name not in value:
                return f"{where}: '{name}' is missing"
        for key, item in value.items():
            spec = self.fields.get(key, ANY) if isinstance(key, str) else None
            if spec is None:
                return f"{where}: a key is not text"
            if bad := spec.check(item, _join(where, key)):
                return bad
        return ""


@dataclass(frozen=True)
class Any(Spec):
    """Any plain JSON value within a depth and size, its texts valid."""

    depth: int = 8

    def check(self, value: object, where: str) -> str:
        return _plain(value, where, self.depth, [MAX_ITEMS])


ANY = Any()


def _plain(value: object, where: str, depth: int, budget: list[int]) -> str:
    budget[0] -= 1
    if budget[0] < 0:
        return f"{where}: too many values"
    if isinstance(value, str):
        return Str(1 << 20).check(value, where)
    if value is None or isinstance(value, (bool, float)):
        return ""
    if isinstance(value, int):
        return Int(-MAX_INT, MAX_INT).check(value, where)
    if depth <= 0:
        return f"{where}: nested too deeply"
    if isinstance(value, list):
        items = enumerate(value)
    elif isinstance(value, dict):
        items = value.items()  # type: ignore[assignment]
    else:
        return f"{where}: {_show(value)} is not plain JSON"
    for key, item in items:
        if bad := _plain(item, _join(where, key), depth - 1, budget):
            return bad
    return ""


def problem(value: object, spec: Spec) -> str:
    """"" if `value` fits `spec`, else what is wrong (with where)."""
    return spec.check(value, "")
