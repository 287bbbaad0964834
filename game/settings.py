"""Player settings, stored as settings.json in the data dir.

The fields and their defaults are a table (`FIELDS`), so the settings screen, the file
check and the docs all read the same data. An unknown key is dropped and a bad value
falls back to its default, each reported once; a file that is not JSON at all is backed
up by `game.save` and reported, never silently replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from game.save import SaveError, atomic_write_json, load_json

FILE_NAME = "settings.json"
FORMAT = 1


@dataclass(frozen=True, slots=True)
class Field:
    type: type
    label: str
    doc: str
    minimum: int | None = None
    maximum: int | None = None


FIELDS: dict[str, Field] = {
    "show_level_timer": Field(bool, "Level timer", "in-game time of the current level"),
    "show_campaign_timer": Field(bool, "Campaign timer",
                                 "in-game time of the whole campaign run"),
    "show_rta": Field(bool, "Real-time timer", "wall-clock time of the run (RTA)"),
    "show_delta": Field(bool, "Delta vs PB", "live comparison with your personal best"),
    "restart_key": Field(str, "Restart key", "instant restart (a pygame key name)"),
    "player_name": Field(str, "Player name", "written into your replays"),
    "save_every_replay": Field(bool, "Keep every replay",
                               "save each finished attempt, not only personal bests"),
    "livesplit": Field(bool, "LiveSplit", "push the timer to LiveSplit's TCP server"),
    "livesplit_host": Field(str, "LiveSplit host", "where LiveSplit Server runs"),
    "livesplit_port": Field(int, "LiveSplit port", "LiveSplit Server's port",
                            minimum=1, maximum=65535),
    "screen_shake": Field(bool, "Screen shake", "shake and flash when drones hit a mural"),
}


@dataclass(slots=True)
class Settings:
    show_level_timer: bool = True
    show_campaign_timer: bool = True
    show_rta: bool = False
    show_delta: bool = True
    restart_key: str = "r"
    player_name: str = "Player"
    save_every_replay: bool = False
    livesplit: bool = False
    livesplit_host: str = "localhost"
    livesplit_port: int = 16834
    screen_shake: bool = True

    def to_json(self) -> dict:
        out: dict = {"format": FORMAT}
        out.update({f.name: getattr(self, f.name) for f in fields(self)})
        return out


def valid_value(name: str, value: object) -> bool:
    spec = FIELDS[name]
    if spec.type is bool:
        return isinstance(value, bool)
    if spec.type is int:
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        return (spec.minimum is None or value >= spec.minimum) and (
            spec.maximum is None or value <= spec.maximum)
    return isinstance(value, str) and 0 < len(value) <= 64 and value.isprintable()


def from_json(raw: dict) -> tuple[Settings, list[str]]:
    """Settings from a parsed file, plus one line per value that was ignored."""
    settings = Settings()
    notes = []
    for key, value in raw.items():
        if key == "format":
            continue
        if key not in FIELDS:
            notes.append(f"unknown setting {key!r} ignored")
        elif not valid_value(key, value):
            notes.append(f"setting {key!r} = {value!r} is not valid; using "
                         f"{getattr(settings, key)!r}")
        else:
            setattr(settings, key, value)
    return settings, notes


class SettingsStore:
    """Loads once, saves atomically on every change. `problems` lists what was wrong."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILE_NAME
        self.problems: list[str] = []
        loaded = load_json(self.path, dict, _check)
        self.writable = loaded.writable
        if loaded.problem:
            self.problems.append(loaded.problem)
        self.settings, notes = from_json(loaded.data)
        self.problems += [f"{self.path.name}: {n}" for n in notes]

    def save(self) -> str:
        """Write the file; returns "" or what went wrong (shown to the player)."""
        if not self.writable:
            return f"{self.path}: not saved, the existing file could not be read"
        try:
            atomic_write_json(self.path, self.settings.to_json())
        except SaveError as exc:
            return exc.short()
        return ""


def _check(data: object) -> str:
    return "" if isinstance(data, dict) else "the top level is not an object"


def store_for(app) -> SettingsStore:
    """The app's settings, loaded on first use (one store per app)."""
    store = getattr(app, "settings_store", None)
    if store is None:
        store = SettingsStore(app.data_dir)
        app.settings_store = store
    return store
