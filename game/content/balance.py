"""Every balance number the simulation reads, as one immutable value.

`rules.toml` (Elara, structures, murals, support, Rally, artisans, collectors) and
`drones.toml` (the confrontation) are read once into a `Balance` handed to
`Simulation`. Nothing in the simulation reads a balance global, so a replay's
`rules_sha256` (the digest of the whole `Balance`) binds every number that can change a
run, and the per-table digests let `verify` name the table that differs.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from game.content.agents import CollectorRules, parse_collectors
from game.content.civic import CivicRules, parse_civic
from game.content.confront import DRONES_PATH, ConfrontRules, parse_confront
from game.content.rules import RULES_PATH, Rules, parse_rules

MAX_BALANCE_BYTES = 1024 * 1024


class BalanceError(ValueError):
    """A balance file that cannot be read or parsed (which file, what)."""


@dataclass(frozen=True, slots=True)
class Balance:
    rules: Rules  # Elara, structures, what waste becomes
    civic: CivicRules  # murals, support, smears, Rally, artisans
    collectors: CollectorRules  # Talin's collectors
    confront: ConfrontRules  # drones, waves, barriers, emitters, Kora's abilities
    tables: tuple[tuple[str, str], ...]  # ("rules.toml [support]", sha256 of its values)

    @property
    def sha256(self) -> str:
        """One digest over every table: what a replay's `rules_sha256` records."""
        text = "".join(f"{name}={sha}\n" for name, sha in self.tables)
        return hashlib.sha256(text.encode()).hexdigest()

    def table_digests(self) -> dict[str, str]:
        return dict(self.tables)

    def differing(self, recorded: object) -> list[str]:
        """Names of the tables whose values differ from a replay's `balance` record
        (tables only one side has count as differing)."""
        if not isinstance(recorded, dict):
            return [name for name, _ in self.tables]
        mine = self.table_digests()
        names = sorted(set(mine) | {str(k) for k in recorded})
        return [n for n in names if mine.get(n) != recorded.get(n)]


def _digest(value: object) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()


def table_digests(file: str, raw: dict) -> list[tuple[str, str]]:
    """One digest per top-level table of a parsed TOML file; its loose top-level keys
    (rules.toml's waste kinds and resources) make one more, "(top level)". The values
    as parsed count, so comments and layout never change a digest."""
    loose = {k: v for k, v in raw.items() if not isinstance(v, dict)}
    out = [(f"{file} [{k}]", _digest(v)) for k, v in raw.items() if isinstance(v, dict)]
    if loose:
        out.append((f"{file} (top level)", _digest(loose)))
    return sorted(out)


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BALANCE_BYTES + 1)
    except OSError as exc:
        raise BalanceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BALANCE_BYTES:
        raise BalanceError(f"{path}: larger than {MAX_BALANCE_BYTES} bytes")
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BalanceError(f"{path}: not valid TOML ({exc})") from None


def parse_balance(rules_raw: dict, drones_raw: dict) -> Balance:
    """Build the Balance from both parsed files (tests change one value of a copy)."""
    try:
        return Balance(
            rules=parse_rules(rules_raw), civic=parse_civic(rules_raw),
            collectors=parse_collectors(rules_raw), confront=parse_confront(drones_raw),
            tables=tuple(table_digests(RULES_PATH.name, rules_raw)
                         + table_digests(DRONES_PATH.name, drones_raw)))
    except (KeyError, TypeError, IndexError, ValueError) as exc:
        raise BalanceError(f"balance rules: {type(exc).__name__}: {exc}") from None


def load_balance(rules_path: Path = RULES_PATH, drones_path: Path = DRONES_PATH) -> Balance:
    return parse_balance(_read_toml(Path(rules_path)), _read_toml(Path(drones_path)))


DEFAULT_BALANCE = load_balance()
