"""campaign.toml and the dialogue files, read into plain values.

Bad content never crashes the game: a broken campaign.toml or dialogue file yields what
could be read plus a list of problems (file, what, how to fix), which the title and
level screens show. Tests hold the shipped files to zero problems.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from game.paths import CAMPAIGN_DIR, CONTENT_DIR

CAMPAIGN_FILE = CONTENT_DIR / "campaign.toml"
DIALOGUE_DIR = CONTENT_DIR / "dialogue"
MAX_FILE_BYTES = 512 * 1024


MUSIC_LOOPS = ("", "calm", "civic", "tense")  # game/assets/music/<name>.ogg


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str
    name: str
    portrait: str  # assets/portraits/<portrait>.png
    colour: str  # a game.render.palette name, e.g. "amber_2"


@dataclass(frozen=True, slots=True)
class Line:
    who: str  # a Speaker id ("" for a narrator line)
    text: str


@dataclass(frozen=True, slots=True)
class Script:
    id: str
    lines: tuple[Line, ...]
    title: str = ""
    # when it plays (game/campaign/cues.py): `cue` shows it when that condition first
    # holds; `needs` must hold when it is due, else `otherwise` (a scene id) plays in its
    # place, or nothing; `lead` puts it first among scenes that come at the same moment
    cue: str = ""
    needs: str = ""
    otherwise: str = ""
    lead: bool = False


@dataclass(frozen=True, slots=True)
class LevelEntry:
    id: str
    map: str
    seed: int
    par_seconds: int
    dialogue: str
    briefing: str
    closing: str
    cast: tuple[str, ...]
    music: str = ""  # a loop in assets/music/ ("calm", "civic", "tense"); "" = by the map

    @property
    def path(self) -> Path:
        return CAMPAIGN_DIR / self.map


@dataclass
class Campaign:
    levels: list[LevelEntry] = field(default_factory=list)
    cast: dict[str, Speaker] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def entry(self, level_id: str) -> LevelEntry | None:
        return next((e for e in self.levels if e.id == level_id), None)

    def index(self, level_id: str) -> int:
        return next((i for i, e in enumerate(self.levels) if e.id == level_id), -1)


def _read_toml(path: Path, problems: list[str]) -> dict:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(f"{path.name}: larger than {MAX_FILE_BYTES} bytes; ignored")
            return {}
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        problems.append(f"{path.name}: cannot read ({exc.strerror or exc})")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(f"{path.name}: not valid TOML ({exc}); fix the line it names")
    return {}


def _text(table: dict, key: str, default: str = "") -> str:
    value = table.get(key, default)
    return value if isinstance(value, str) else default


def parse_campaign(raw: dict, problems: list[str], where: str = "campaign.toml") -> Campaign:
    camp = Campaign(problems=problems)
    cast = raw.get("cast", {})
    for sid, t in (cast.items() if isinstance(cast, dict) else []):
        if isinstance(t, dict):
            camp.cast[sid] = Speaker(sid, _text(t, "name", sid), _text(t, "portrait", sid),
                                     _text(t, "colour", "stone_4"))
    levels = raw.get("level", [])
    for i, t in enumerate(levels if isinstance(levels, list) else []):
        if not isinstance(t, dict) or not _text(t, "id") or not _text(t, "map"):
            problems.append(f"{where}: [[level]] #{i + 1} needs an id and a map; skipped")
            continue
        seed, par = t.get("seed", 0), t.get("par_seconds", 0)
        if type(seed) is not int or type(par) is not int or seed < 0 or par < 0:
            problems.append(f"{where}: level {t['id']!r}: seed and par_seconds must be "
                            "whole numbers; using 0")
            seed, par = (seed if type(seed) is int and seed >= 0 else 0,
                         par if type(par) is int and par >= 0 else 0)
        cast_ids = t.get("cast", [])
        cast_ids = tuple(c for c in cast_ids if isinstance(c, str)) \
            if isinstance(cast_ids, list) else ()
        for c in cast_ids:
            if c not in camp.cast:
                problems.append(f"{where}: level {t['id']!r} names unknown speaker {c!r}")
        music = _text(t, "music")
        if music not in MUSIC_LOOPS:
            problems.append(f"{where}: level {t['id']!r}: music {music!r} is not one of "
                            f"{', '.join(MUSIC_LOOPS[1:])}; chosen by the map instead")
            music = ""
        camp.levels.append(LevelEntry(
            _text(t, "id"), _text(t, "map"), seed, par, _text(t, "dialogue"),
            _text(t, "briefing", "briefing"), _text(t, "closing", "closing"), cast_ids,
            music))
    return camp


@cache
def campaign() -> Campaign:
    problems: list[str] = []
    return parse_campaign(_read_toml(CAMPAIGN_FILE, problems), problems)


def parse_scenes(raw: dict, where: str, problems: list[str]) -> dict[str, Script]:
    scenes: dict[str, Script] = {}
    for sid, table in raw.items():
        if not isinstance(table, dict) or not isinstance(table.get("lines"), list):
            problems.append(f"{where}: [{sid}] needs a list `lines = [[who, text], ...]`")
            continue
        lines = []
        for n, item in enumerate(table["lines"], 1):
            if (isinstance(item, list) and len(item) == 2 and
                    all(isinstance(v, str) for v in item)):
                lines.append(Line(item[0], item[1]))
            else:
                problems.append(f"{where}: [{sid}] line {n} is not [\"who\", \"text\"]; "
                                "skipped")
        scenes[sid] = Script(sid, tuple(lines), _text(table, "title"),
                             *_timing(table, f"{where}: [{sid}]", problems))
    for script in scenes.values():
        if script.otherwise and script.otherwise not in scenes:
            problems.append(f"{where}: [{script.id}] otherwise = {script.otherwise!r} "
                            "names no scene in this file")
    return scenes


def _timing(table: dict, where: str, problems: list[str]) -> tuple[str, str, str, bool]:
    """A scene's `cue`, `needs`, `otherwise` and `lead`; an unknown condition is reported
    and left out (the scene then plays as a plain one)."""
    from game.campaign.cues import CONDITIONS

    found = []
    for key in ("cue", "needs"):
        name = _text(table, key)
        if name and name not in CONDITIONS:
            problems.append(f"{where} {key} = {name!r} is not a condition; use one of "
                            f"{', '.join(sorted(CONDITIONS))}")
            name = ""
        found.append(name)
    return found[0], found[1], _text(table, "otherwise"), table.get("lead") is True


@cache
def _dialogue_file(name: str) -> tuple[dict[str, Script], tuple[str, ...]]:
    problems: list[str] = []
    path = DIALOGUE_DIR / name
    if not name or Path(name).name != name or not path.is_file():
        return {}, (f"dialogue file {name!r} not found in game/content/dialogue",) if name \
            else ()
    return parse_scenes(_read_toml(path, problems), name, problems), tuple(problems)


def scenes_for(entry: LevelEntry | None) -> tuple[dict[str, Script], tuple[str, ...]]:
    """The level's dialogue scenes by id, and problems reading them."""
    if entry is None:
        return {}, ()
    return _dialogue_file(entry.dialogue)


def entry_for_path(path: Path) -> LevelEntry | None:
    """The campaign entry of a map file, if it is one of ours."""
    try:
        resolved = Path(path).resolve()
    except OSError:
        return None
    return next((e for e in campaign().levels if e.path.resolve() == resolved), None)
