"""A custom map's own story: briefing, trigger dialogue and closing scene in a file
beside the map, in the campaign's dialogue format.

`garden_walk.tmx` reads `garden_walk.story.toml` (a map in a pack also falls back on the
pack's `story` file, scene by scene). Scenes are TOML tables with `lines = [[who, text],
...]` and an optional `title`; `briefing` plays before the level, `closing` after a win,
any other id when a Trigger names it. Speakers are the campaign's four (elara, kora,
dax, talin) or the file's own `[cast.<id>]` with `name`, `colour` and `portrait`: one of
the four's portraits, or a PNG beside the map (same folder rules as tilesets).

Headless and defensive like the map reader: problems are listed for `check`, never
raised; an unusable file gives an empty story.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from game.campaign.catalog import Line, Script, Speaker, campaign, parse_scenes
from game.level import png
from game.level.data import LevelData, LevelObject
from game.level.errors import ERROR, WARNING, MapError, Problem
from game.level.loader import inspect_map
from game.level.safexml import Files, read_bytes

SUFFIX = ".story.toml"
MAX_STORY_BYTES = 256 * 1024
MAX_SCENES = 200
MAX_LINES = 200  # per scene
MAX_LINE_CHARS = 400
MAX_PORTRAIT_SIDE = 256
CAMPAIGN_FACES = ("elara", "kora", "dax", "talin")
FORMAT_HINT = 'each scene is a table: [briefing] lines = [["kora", "Hello."], ...]'


@dataclass
class MapStory:
    file: Path | None = None  # the map's story file, when it has one
    scenes: dict[str, Script] = field(default_factory=dict)
    cast: dict[str, Speaker] = field(default_factory=dict)
    faces: dict[str, Path] = field(default_factory=dict)  # speaker id -> own portrait PNG
    problems: list[Problem] = field(default_factory=list)

    def speaker(self, who: str) -> Speaker:
        return self.cast.get(who) or Speaker(who, who.capitalize() if who else "", who,
                                             "stone_4")


def story_file(map_path: Path) -> Path:
    return map_path.with_name(map_path.name.rsplit(".", 1)[0] + SUFFIX)


def pack_story_file(map_path: Path) -> tuple[Path, str] | None:
    """(pack.toml, the story file it names) for a map in a pack's folder."""
    manifest = map_path.parent / "pack.toml"
    try:
        if manifest.is_file() and manifest.stat().st_size <= MAX_STORY_BYTES:
            raw = tomllib.loads(manifest.read_text(encoding="utf-8"))
            name = raw.get("story")
            if isinstance(name, str) and name:
                return manifest, name
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None  # the pack's own check reports a broken pack.toml
    return None


def load_story(map_path: Path) -> MapStory:
    """The map's story (its own file first, then its pack's), with every problem."""
    story = MapStory(cast=dict(campaign().cast))
    files = Files(map_path)
    sources = [story_file(map_path)]
    pack = pack_story_file(map_path)
    if pack is not None:
        try:
            sources.append(files.resolve(pack[0], pack[1], "pack.toml", "story file"))
        except MapError as exc:
            story.problems.append(exc.problem)
    for path in sources:
        if not path.is_file():
            if path != sources[0]:
                story.problems.append(Problem(str(path), "the pack's story file is missing",
                                              "pack.toml", "create it, or remove the story "
                                              "line from pack.toml", WARNING))
            continue
        story.file = story.file or path
        _read(story, path, files)
    return story


def _read(story: MapStory, path: Path, files: Files) -> None:
    def problem(message: str, element: str = "", hint: str = "",
                severity: str = ERROR) -> None:
        story.problems.append(Problem(str(path), message, element, hint, severity))

    try:
        if path.stat().st_size > MAX_STORY_BYTES:
            problem(f"the story file is over {MAX_STORY_BYTES} bytes", hint="split it")
            return
        raw = tomllib.loads(read_bytes(path, MAX_STORY_BYTES).decode("utf-8"))
    except MapError as exc:
        story.problems.append(exc.problem)
        return
    except (OSError, UnicodeDecodeError) as exc:
        problem(f"cannot read the story file ({exc})", hint="save it as UTF-8 text")
        return
    except tomllib.TOMLDecodeError as exc:
        problem(f"not valid TOML: {exc}", hint="fix the line it names")
        return
    cast = raw.pop("cast", {})
    if not isinstance(cast, dict):
        problem("[cast] must be a table of speakers", "cast",
                '[cast.mira] name = "Mira", portrait = "mira.png"')
        cast = {}
    for sid, table in cast.items():
        _speaker(story, path, files, str(sid), table, problem)
    if len(raw) > MAX_SCENES:
        problem(f"more than {MAX_SCENES} scenes", hint="split the story")
        raw = dict(list(raw.items())[:MAX_SCENES])
    found: list[str] = []
    scenes = parse_scenes(raw, path.name, found)
    for text in found:
        problem(text.split(": ", 1)[-1], hint=FORMAT_HINT)
    for sid, scene in scenes.items():
        if sid in story.scenes:
            continue  # the map's own file wins over its pack's
        lines = scene.lines[:MAX_LINES]
        if len(scene.lines) > MAX_LINES:
            problem(f"more than {MAX_LINES} lines", f"scene {sid}", "split the scene")
        for n, line in enumerate(lines, 1):
            if line.who and line.who not in story.cast:
                hint = _suggest(line.who, list(story.cast))
                problem(f"line {n} is spoken by {line.who!r}, who is not in the cast",
                        f"scene {sid}", hint or "add [cast." + line.who + "] with a name, "
                        "or use elara, kora, dax or talin")
            if len(line.text) > MAX_LINE_CHARS:
                problem(f"line {n} has {len(line.text)} characters, more than "
                        f"{MAX_LINE_CHARS}", f"scene {sid}", "split it into two lines")
        if not lines:
            problem("the scene has no lines", f"scene {sid}", FORMAT_HINT, WARNING)
        story.scenes[sid] = replace(scene, lines=tuple(Line(ln.who, ln.text[:MAX_LINE_CHARS])
                                                       for ln in lines),
                                    title=scene.title[:80])


def _speaker(story: MapStory, path: Path, files: Files, sid: str, table: object,
             problem) -> None:
    element = f"cast.{sid}"
    if not isinstance(table, dict):
        problem("a speaker must be a table", element, 'name = "…", portrait = "…"')
        return
    name = table.get("name", sid.capitalize())
    portrait = table.get("portrait", sid)
    colour = table.get("colour", "stone_4")
    if not all(isinstance(v, str) for v in (name, portrait, colour)):
        problem("name, portrait and colour must be text", element)
        return
    story.cast[sid] = Speaker(sid, name[:40], portrait, colour)
    if portrait in CAMPAIGN_FACES or not portrait:
        return
    try:
        image = files.resolve(path, portrait, element, "portrait")
    except MapError as exc:
        story.problems.append(exc.problem)
        return
    if not image.is_file():
        problem(f"portrait {portrait!r} not found", element,
                "put the PNG next to the story file, or use one of: "
                + ", ".join(CAMPAIGN_FACES))
        return
    try:  # checked whole, as every image a map uses (game.level.png)
        info = png.inspect(read_bytes(image, png.MAX_IMAGE_BYTES))
    except (png.PngError, MapError) as exc:
        problem(f"portrait {portrait!r} is not a sound PNG image ({exc})", element,
                "save it as PNG")
        return
    if not (0 < info.width <= MAX_PORTRAIT_SIDE and 0 < info.height <= MAX_PORTRAIT_SIDE):
        problem(f"portrait {portrait!r} is {info.width}×{info.height} pixels, more than "
                f"{MAX_PORTRAIT_SIDE} a side", element, "use a 48×48 picture")
        return
    story.faces[sid] = image


def _suggest(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.7)
    return f'did you mean "{close[0]}"?' if close else ""


def inspect_with_story(path: Path | str) -> tuple[LevelData | None, list[Problem]]:
    """loader.inspect_map, then the map's story: what `check`, the Custom maps screen and
    packs report. A story with errors makes the map unusable there too."""
    level, problems = inspect_map(path)
    if level is None:
        return None, problems
    extra = check_story(Path(path), list(level.objects))
    if any(p.severity == ERROR for p in extra):
        return None, problems + extra
    return level, problems + extra


def check_story(map_path: Path, objects: list[LevelObject]) -> list[Problem]:
    """The story file's own problems, and Trigger dialogue ids it does not hold."""
    from game.campaign.catalog import entry_for_path

    if entry_for_path(map_path) is not None:
        return []  # campaign maps: their dialogue lives in game/content/dialogue
    story = load_story(map_path)
    out = list(story.problems)
    for obj in objects:
        if obj.cls != "Trigger":
            continue
        did = str(obj.properties.get("dialogue", "") or "")
        if not did or did in story.scenes:
            continue
        if story.file is None:
            out.append(Problem(str(map_path), f"the Trigger plays dialogue {did!r}, but the "
                               "map has no story file", obj.label(),
                               f"write the scene [{did}] into "
                               f"{story_file(map_path).name} beside the map", WARNING))
        else:
            hint = _suggest(did, list(story.scenes))
            out.append(Problem(str(map_path), f"the Trigger plays dialogue {did!r}, which "
                               f"{story.file.name} does not have", obj.label(),
                               hint or f"add a scene [{did}] to {story.file.name}"))
    return out
