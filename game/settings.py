"""Player settings, stored as settings.json in the data dir.

The fields and their defaults are a table (`FIELDS`), so the settings screens, the file
check and the docs all read the same data; each field names the page it is shown on
(`PAGES`). An unknown key is dropped and a bad value falls back to its default, each
reported once and by name; a file that is not JSON at all is backed up by `game.save`
and reported, never silently replaced. Key bindings (`keys`) are checked entry by entry
here without pygame: `game.input` turns the names into key codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
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
    page: str = "game"  # which settings screen shows it (PAGES)
    choices: tuple[str, ...] = ()  # a str field that cycles through these
    step: int = 0  # an int field that Left/Right change by this much (volumes)


# The settings screens, in the order the main Settings screen lists them.
PAGES: dict[str, str] = {"display": "Display", "controls": "Controls", "sound": "Sound",
                         "game": "Game", "speedrun": "Speedrun and LiveSplit"}
SCALINGS = ("fit", "pixel perfect")
FRAME_CAPS = ("60", "120", "144", "uncapped")
MAX_KEYS_PER_ACTION = 3


FIELDS: dict[str, Field] = {
    "fullscreen": Field(bool, "Fullscreen", "fill the screen (F11 or Alt+Enter)",
                        page="display"),
    "scaling": Field(str, "Scaling", "fit: as large as the window allows; pixel perfect: "
                     "whole steps", page="display", choices=SCALINGS),
    "frame_cap": Field(str, "Frame cap", "frames drawn per second at most (saves power)",
                       page="display", choices=FRAME_CAPS),
    "vsync": Field(bool, "Vsync", "wait for the display's refresh where the system "
                   "offers it", page="display"),
    "pause_on_focus_loss": Field(bool, "Pause when inactive",
                                 "pause the level when the window loses focus",
                                 page="display"),
    "keys": Field(dict, "Keys", "your key bindings", page="controls"),
    "master_volume": Field(int, "Master volume", "everything you hear (Left/Right: 10 %)",
                           minimum=0, maximum=100, page="sound", step=10),
    "music_volume": Field(int, "Music", "the music's level", minimum=0, maximum=100,
                          page="sound", step=10),
    "effects_volume": Field(int, "Effects", "sounds of the world, menus and voices",
                            minimum=0, maximum=100, page="sound", step=10),
    "screen_shake": Field(bool, "Screen shake", "shake and flash when drones hit a mural"),
    "show_level_timer": Field(bool, "Level timer", "in-game time of the current level",
                              page="speedrun"),
    "show_campaign_timer": Field(bool, "Campaign timer",
                                 "in-game time of the whole campaign run", page="speedrun"),
    "show_rta": Field(bool, "Real-time timer", "wall-clock time of the run (RTA)",
                      page="speedrun"),
    "show_delta": Field(bool, "Delta vs PB", "live comparison with your personal best",
                        page="speedrun"),
    "restart_key": Field(str, "Restart key", "instant restart (a pygame key name)",
                         page="speedrun"),
    "player_name": Field(str, "Player name", "written into your replays", page="speedrun"),
    "ghost": Field(bool, "Ghost", "race your personal best as a translucent Elara",
                   page="speedrun"),
    "save_every_replay": Field(bool, "Keep every replay",
                               "save each finished attempt, not only personal bests",
                               page="speedrun"),
    "livesplit": Field(bool, "LiveSplit", "push the timer to LiveSplit's TCP server",
                       page="speedrun"),
    "livesplit_host": Field(str, "LiveSplit host", "where LiveSplit Server runs",
                            page="speedrun"),
    "livesplit_port": Field(int, "LiveSplit port", "LiveSplit Server's port",
                            minimum=1, maximum=65535, page="speedrun"),
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
    ghost: bool = False  # race the PB's re-simulated Elara (game/speedrun/ghost.py)
    livesplit: bool = False
    livesplit_host: str = "localhost"
    livesplit_port: int = 16834
    screen_shake: bool = True
    fullscreen: bool = False
    scaling: str = "fit"
    frame_cap: str = "60"
    vsync: bool = True
    pause_on_focus_loss: bool = True
    master_volume: int = 80  # per cent; applied live (game/audio)
    music_volume: int = 70
    effects_volume: int = 80
    # action -> key names (pygame's), only the actions the player rebound
    keys: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> dict:
        out: dict = {"format": FORMAT}
        out.update({f.name: getattr(self, f.name) for f in fields(self)})
        return out


def valid_value(name: str, value: object) -> bool:
    spec = FIELDS[name]
    if spec.choices:
        return value in spec.choices
    if spec.type is dict:
        return isinstance(value, dict)
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
        elif key == "keys" and isinstance(value, dict):
            settings.keys, bad = checked_keys(value)
            notes += bad
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


# (action, key name) -> is it a real action and a key it may have. Registered by
# game.input, which knows pygame's key names; this module stays headless.
KEY_CHECK: list = []


def checked_keys(raw: dict) -> tuple[dict[str, list[str]], list[str]]:
    """The `keys` entries that name a known action and keys not bound elsewhere; one
    note per entry dropped (that action keeps its default keys)."""
    def known(action: str, name: str = "") -> bool:
        return not KEY_CHECK or KEY_CHECK[0](action, name)

    out: dict[str, list[str]] = {}
    notes: list[str] = []
    taken: dict[str, str] = {}
    for action, names in raw.items():
        where = f"setting 'keys' entry {action!r}"
        if not known(action):
            notes.append(f"{where}: no such action; ignored")
            continue
        if not isinstance(names, list) or len(names) > MAX_KEYS_PER_ACTION or not all(
                isinstance(n, str) and 0 < len(n) <= 32 and known(action, n)
                for n in names):
            notes.append(f"{where} = {names!r} is not a list of key names; using the "
                         "default keys")
            continue
        clash = next((taken[n] for n in names if n in taken), None)
        if clash or len(set(names)) != len(names):
            notes.append(f"{where}: a key is also bound to {clash or action!r}; using the "
                         "default keys")
            continue
        taken.update(dict.fromkeys(names, action))
        out[action] = list(names)
    return out, notes


def _check(data: object) -> str:
    return "" if isinstance(data, dict) else "the top level is not an object"
