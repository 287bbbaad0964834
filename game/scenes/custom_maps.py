"""Custom maps: every .tmx/.tmj in `<data dir>/maps/` (and in `--maps DIR`), then each
subfolder: a map pack (pack.toml: title, author, version, description, order) with its
maps, or a plain folder of maps. Each map shows its title, size and author, description
and warning count, or its first error instead of a crash; the selected one a thumbnail
drawn from the map. Enter plays one like a campaign level (its story's briefing first);
runs are filed as "custom". F5 rescans. Maps are read off the frame loop (`Scanner`),
and only a summary of each is kept.

Also home of `HotReload`, the play scene's F5: reload the map from disk; when the edit
broke it, show the errors and keep playing the version already loaded.
"""

from __future__ import annotations

import contextlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.app import App, Scene
from game.campaign.map_story import inspect_with_story as inspect_map
from game.level import LevelData, MapError, load_level
from game.level.errors import ERROR, Problem
from game.level.kit_install import install_kit
from game.packs.manifest import Pack, is_pack, map_files, read_pack
from game.render import palette
from game.render.font import MAX_TEXT_CHARS, BitmapFont
from game.render.thumbnail import thumbnail
from game.render.widgets import list_choice, panel
from game.scenes.map_scan import Scanner

MAX_MAPS = 200
ROW_H = 27
PANEL_W = 220
THUMB_H = 120


def map_dirs(app: App) -> list[Path]:
    """The data dir's maps/ folder first, then any --maps folders."""
    dirs = [Path(app.data_dir) / "maps"]
    dirs += app.services.custom_map_dirs
    return dirs


@dataclass(frozen=True, slots=True)
class MapRow:
    """A map's (or a pack's) summary for the list. The level itself is never kept: 200
    large maps once held 7 GB here."""

    path: Path
    title: str
    detail: str  # size and author, or the first error
    ok: bool
    warnings: int = 0
    description: str = ""  # the map's `description` property
    pack: str = ""  # the pack (or subfolder) it belongs to, "" for a loose map
    is_pack: bool = False  # a pack's own row: its title, author, version
    thumb: Path | None = None  # a pack's thumbnail PNG (None: drawn from its first map)
    first: Path | None = None  # a pack's first map

    @property
    def broken(self) -> bool:
        return not self.ok and not self.is_pack


@dataclass(frozen=True, slots=True)
class Entry:
    """One row to read: a map (in a pack or not), or a pack's or folder's own row."""

    path: Path
    pack: str = ""
    is_pack: bool = False


def map_paths(dirs: list[Path]) -> list[Entry]:
    """Loose maps of each folder, then each subfolder: a pack (pack.toml) with its maps
    in the pack's order, or a plain folder of maps; at most MAX_MAPS maps, each once.
    `kit/` and hidden folders are not maps."""
    out: list[Entry] = []
    seen: set[Path] = set()

    def add(path: Path, pack: str = "") -> None:
        key = path.resolve()
        if key in seen or sum(not e.is_pack for e in out) >= MAX_MAPS:
            return
        seen.add(key)
        out.append(Entry(path, pack))

    for folder in dirs:
        for path in map_files(folder):
            add(path)
        try:
            subs = sorted(p for p in folder.iterdir() if p.is_dir() and not
                          p.name.startswith(".") and p.name != "kit")
        except OSError:
            continue
        for sub in subs:
            if is_pack(sub):
                pack = read_pack(sub)
                maps, label = pack.maps, pack.title
            else:
                maps, label = map_files(sub), sub.name
            if not maps and not is_pack(sub):
                continue
            out.append(Entry(sub, label, is_pack=True))
            for path in maps:
                add(path, label)
    return out


def scan(dirs: list[Path]) -> list[MapRow]:
    return [describe_entry(entry) for entry in map_paths(dirs)]


def describe_entry(entry: Entry) -> MapRow:
    if not entry.is_pack:
        return describe(entry.path, entry.pack)
    if is_pack(entry.path):
        return pack_row(read_pack(entry.path))
    maps = map_files(entry.path)
    return MapRow(entry.path, entry.path.name, f"folder, {len(maps)} map(s)", True,
                  is_pack=True, first=maps[0] if maps else None)


def pack_row(pack: Pack) -> MapRow:
    bits = [f"v{pack.version}" if pack.version else "", f"by {pack.author}"
            if pack.author else "", f"{len(pack.maps)} map{'s' if len(pack.maps) != 1 else ''}"]
    errors = [p for p in pack.problems if p.severity == ERROR]
    detail = errors[0].message if errors else "  ".join(b for b in bits if b)
    return MapRow(pack.folder, pack.title, detail, not errors, len(pack.problems),
                  pack.description, is_pack=True, thumb=pack.thumbnail,
                  first=pack.maps[0] if pack.maps else None)


def describe(path: Path, pack: str = "") -> MapRow:
    try:
        level, problems = inspect_map(path)
    except Exception as exc:  # a loader bug must not take the menu down with it
        return MapRow(path, path.stem, f"internal error reading it: {exc!r}"[:200], False,
                      pack=pack)
    if level is None:
        first = next((p for p in problems if p.severity == ERROR), problems[0])
        where = f"[{first.element}] " if first.element else ""
        errors = sum(p.severity == ERROR for p in problems)
        return MapRow(path, path.stem, f"{where}{first.message}", False, errors, pack=pack)
    author = f" by {level.author}" if level.author else ""
    return MapRow(path, level.title, f"{level.width}×{level.height}{author}", True,
                  len(problems), str(level.properties.get("description", "") or ""),
                  pack=pack)


def wrap(font: BitmapFont, text: str, width: int) -> list[str]:
    lines: list[str] = []
    text = text[:MAX_TEXT_CHARS]  # a hostile map's megabyte of text: the start shows
    line = ""
    for word in text.split(" "):
        test = f"{line} {word}" if line else word
        if font.size(test)[0] <= width or not line:
            line = test
        else:
            lines.append(line)
            line = word
    return lines + ([line] if line else [])


def play_custom(app: App, level: LevelData) -> None:
    """A custom map: its own briefing first when its story has one, then play."""
    from game.scenes.briefing import BriefingScene
    from game.scenes.play import PlayScene
    from game.scenes.story import custom_story

    def play() -> None:
        app.reset_to(PlayScene(app, level))

    story = custom_story(level)
    if story is not None and story.scenes.get("briefing") is not None:
        app.reset_to(BriefingScene(app, level, None, play, story))
    else:
        play()


class CustomMapsScene(Scene):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.dirs = map_dirs(app)
        self.message = ""
        with contextlib.suppress(OSError, ET.ParseError):  # a read-only data dir: no kit
            kept = install_kit(self.dirs[0]).kept  # kit/ for making maps right there
            if kept:
                self.message = kept[0] + (f" (and {len(kept) - 1} more)" if len(kept) > 1
                                          else "")
        self.index = 0
        self.rects: list[pygame.Rect] = []
        self.thumbs: dict[Path, pygame.Surface | None] = {}
        self.scanner: Scanner[MapRow] = Scanner(map_paths(self.dirs), describe_entry)

    @property
    def rows(self) -> list[MapRow]:
        return self.scanner.rows

    def rescan(self) -> None:
        self.scanner.cancel()
        self.thumbs.clear()
        self.scanner = Scanner(map_paths(self.dirs), describe_entry)
        self.index = 0
        self.message = ""

    def start(self) -> None:
        if not self.rows:
            return
        row = self.rows[self.index]
        path = row.first if row.is_pack else row.path
        if path is None:
            self.message = "this pack has no maps yet"
            return
        try:
            level = load_level(path)  # fresh from disk: it may have changed
        except MapError as exc:
            if not row.is_pack:
                self.rows[self.index] = describe(path, row.pack)
            self.message = exc.message
            return
        play_custom(self.app, level)

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F5:
            self.rescan()
        else:
            self.index, chosen = list_choice(event, self.index, len(self.rows), self.rects,
                                             self.app.to_logical)
            if chosen:
                self.start()

    # -- drawing -------------------------------------------------------------------------
    def thumb(self, row: MapRow, size: tuple[int, int]) -> pygame.Surface | None:
        """The selected row's picture: a pack's own PNG, else drawn from the map (read
        again for it, and dropped: only the picture is kept)."""
        key = row.path
        if key not in self.thumbs:
            self.thumbs[key] = None
            try:
                if row.thumb is not None:
                    self.thumbs[key] = pack_picture(row.thumb, size)
                else:
                    path = row.first if row.is_pack else row.path
                    level = inspect_map(path)[0] if path is not None and \
                        (row.ok or row.is_pack) else None
                    if level is not None:
                        self.thumbs[key] = thumbnail(level, size)
            except (pygame.error, OSError, ValueError, MapError):
                self.thumbs[key] = None  # no picture is better than no menu
        return self.thumbs[key]

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        font = self.app.font
        surface.fill(palette.UI_PANEL)
        font.draw(surface, "Custom maps", (w // 2, 8), palette.UI_ACCENT, scale=3,
                  shadow=(0, 0, 0), align="center")
        folders = "  ·  ".join(str(d) for d in self.dirs)
        font.draw(surface, folders[-100:], (w // 2, 36), palette.UI_DIM, align="center")
        self.rects = []
        if not self.rows and self.scanner.done:
            for i, line in enumerate(wrap(font, f"No maps yet. Open {self.dirs[0] / 'kit'}"
                                          "/reclaim.tiled-project in Tiled, save a map "
                                          f"into {self.dirs[0]} (see docs/MAPPING.md), "
                                          "then press F5.", w - 120)):
                font.draw(surface, line, (w // 2, 120 + i * 12), palette.UI_TEXT,
                          align="center")
        list_w = w - 16 - PANEL_W - 24
        y = 50
        visible = max(1, (h - y - 24) // ROW_H)
        first = max(0, self.index - visible + 1)
        for i, row in enumerate(self.rows):
            if not first <= i < first + visible:
                self.rects.append(pygame.Rect(0, 0, 0, 0))
                continue
            indent = 12 if row.pack and not row.is_pack else 0
            rect = pygame.Rect(16 + indent, y, list_w - indent, ROW_H - 3)
            self._row(surface, row, rect, i == self.index)
            self.rects.append(rect)
            y += ROW_H
        if self.rows:
            self._details(surface, self.rows[self.index],
                          pygame.Rect(w - 16 - PANEL_W, 50, PANEL_W, h - 50 - 24))
        if not self.scanner.done:
            footer = f"Reading maps … {len(self.rows)} of {len(self.scanner.paths)}"
        elif self.message:
            footer = self.message
        else:
            footer = f"{len(self.rows)} row(s) · Enter play · F5 rescan · Esc back"
        font.draw(surface, footer[:110], (w // 2, h - 16), palette.UI_DIM, align="center")

    def _row(self, surface: pygame.Surface, row: MapRow, rect: pygame.Rect,
             selected: bool) -> None:
        font = self.app.font
        panel(surface, rect, border=palette.UI_ACCENT if selected else None)
        colour = palette.UI_ACCENT if selected or row.is_pack else palette.UI_TEXT
        title = row.title if not row.is_pack else f"{row.title}  ·  {row.detail}"
        title = font.fit(title, rect.width - 70)  # a hostile map's endless title: cut
        font.draw(surface, title, (rect.x + 6, rect.y + 3), colour, shadow=(0, 0, 0))
        if row.is_pack:
            if row.description:
                font.draw(surface, wrap(font, row.description, rect.width - 12)[0],
                          (rect.x + 6, rect.y + 13), palette.UI_TEXT)
            return
        detail = wrap(font, row.detail, rect.width - 70)[0]
        if row.broken and detail != row.detail:
            detail = detail.rstrip(".,") + "…"
        font.draw(surface, detail, (rect.x + 6, rect.y + 13),
                  palette.UI_BAD if row.broken else palette.UI_DIM)
        if row.warnings:
            label = (f"{row.warnings} error{'s' if row.warnings != 1 else ''}" if row.broken
                     else f"{row.warnings} warning{'s' if row.warnings != 1 else ''}")
            font.draw(surface, label, (rect.right - 6, rect.y + 3),
                      palette.UI_BAD if row.broken else palette.UI_DIM, align="right")

    def _details(self, surface: pygame.Surface, row: MapRow, box: pygame.Rect) -> None:
        font = self.app.font
        panel(surface, box)
        pic = self.thumb(row, (box.width - 12, THUMB_H))
        y = box.y + 6
        frame = pygame.Rect(box.x + 5, y - 1, box.width - 10, THUMB_H + 2)
        if pic is not None:
            surface.blit(pic, (box.x + 6, y))
        else:
            font.draw(surface, "no picture: the map has errors" if row.broken else
                      "no picture", frame.center, palette.UI_DIM, align="center")
        pygame.draw.rect(surface, palette.UI_DIM, frame, 1)
        y += THUMB_H + 6
        for line in wrap(font, row.title, box.width - 12)[:2]:
            font.draw(surface, line, (box.x + 6, y), palette.UI_ACCENT, shadow=(0, 0, 0))
            y += 11
        lines: list[tuple[str, tuple[int, int, int]]] = []
        if not row.is_pack:
            lines.append((row.detail, palette.UI_BAD if row.broken else palette.UI_DIM))
            if row.pack:
                lines.append((f"in {row.pack}", palette.UI_DIM))
        else:
            lines.append((row.detail, palette.UI_DIM))
        if row.description:
            lines.append((row.description, palette.UI_TEXT))
        if row.warnings and not row.broken:
            lines.append((f"{row.warnings} warning{'s' if row.warnings != 1 else ''}: "
                          "python -m game check lists them", palette.UI_DIM))
        lines.append((row.path.name + ("/" if row.is_pack else ""), palette.UI_DIM))
        for text, colour in lines:
            for line in wrap(font, text, box.width - 12):
                if y > box.bottom - 12:
                    return
                font.draw(surface, line, (box.x + 6, y), colour)
                y += 10
            y += 3


def pack_picture(path: Path, size: tuple[int, int]) -> pygame.Surface | None:
    """A pack's own thumbnail PNG (at most 1024 pixels a side), scaled to fit."""
    from game.render.images import load_image

    img = load_image(path)  # checked whole before it is decoded (game.level.png)
    if img.get_width() > 1024 or img.get_height() > 1024:
        return None
    scale = min(size[0] / img.get_width(), size[1] / img.get_height())
    fit = (max(1, int(img.get_width() * scale)), max(1, int(img.get_height() * scale)))
    out = pygame.Surface(size)
    out.fill(palette.UI_PANEL)
    out.blit(pygame.transform.smoothscale(img.convert_alpha() if pygame.display.get_surface()
                                          else img, fit),
             ((size[0] - fit[0]) // 2, (size[1] - fit[1]) // 2))
    return out


class HotReload:
    """F5 while playing: reload the map from disk, or show why the edit broke it."""

    KEY = pygame.K_F5
    SHOW_MS = 12_000

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.note = ""
        self.since_ms = 0

    def reload(self, scene) -> bool:
        """Reload `scene.level` into the play scene; True when the new map is in play."""
        from game.render.tilemap import TileMapRenderer

        self.since_ms = scene.app.time_ms
        try:
            level = load_level(scene.level.path)
        except MapError as exc:
            self.problems = list(exc.problems)
            self.note = "The edit broke the map - still playing the last good version:"
            return False
        except Exception as exc:  # a loader bug must not end the session being edited
            self.problems = [Problem(str(scene.level.path), f"internal error: {exc!r}",
                                     hint="please report this map")]
            self.note = "Could not reload - still playing the last good version:"
            return False
        official = scene.seed == scene.level.seed
        scene.level = level
        scene.seed = level.seed if official else scene.seed
        scene.tiles = TileMapRenderer(level)
        scene.start()
        self.problems = []
        self.note = f"Reloaded {level.path.name}"
        return True

    def draw(self, surface: pygame.Surface, font: BitmapFont, time_ms: int) -> None:
        if not self.note or time_ms - self.since_ms > self.SHOW_MS:
            return
        w, h = surface.get_size()
        lines: list[tuple[str, tuple[int, int, int]]] = [
            (self.note, palette.UI_BAD if self.problems else palette.UI_GOOD)]
        for p in self.problems[:4]:
            where = f"[{p.element}] " if p.element else ""
            fix = f" - {p.hint}" if p.hint else ""
            for line in wrap(font, f"{where}{p.message}{fix}", w - 40)[:3]:
                lines.append((line, palette.UI_TEXT))
        if len(self.problems) > 4:
            lines.append((f"... and {len(self.problems) - 4} more (python -m game check)",
                          palette.UI_DIM))
        box = pygame.Rect(10, h - 14 - 12 * len(lines), w - 20, 12 * len(lines) + 8)
        panel(surface, box, alpha=225, border=palette.UI_BAD if self.problems else None)
        for i, (line, color) in enumerate(lines):
            font.draw(surface, line, (box.x + 8, box.y + 4 + 12 * i), color)

