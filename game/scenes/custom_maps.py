"""Custom maps: every .tmx in `<data dir>/maps/` (and in `--maps DIR`), with title, size
and author, or the first error of a broken map instead of a crash. Enter plays one like a
campaign level (timer, results, restart; runs are filed as "custom"). F5 rescans.

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
from game.level import MapError, load_level
from game.level.errors import ERROR, Problem
from game.level.kit_install import install_kit
from game.level.loader import inspect_map
from game.render import palette
from game.render.font import MAX_TEXT_CHARS, BitmapFont
from game.render.widgets import list_choice, panel
from game.scenes.map_scan import Scanner

MAX_MAPS = 200


def map_dirs(app: App) -> list[Path]:
    """The data dir's maps/ folder first, then any --maps folders."""
    dirs = [Path(app.data_dir) / "maps"]
    dirs += app.services.custom_map_dirs
    return dirs


@dataclass(frozen=True, slots=True)
class MapRow:
    """A map's summary for the list. The level itself is never kept: 200 large maps once
    held 7 GB here."""

    path: Path
    title: str
    detail: str  # size and author, or the first error
    ok: bool
    warnings: int = 0

    @property
    def broken(self) -> bool:
        return not self.ok


def map_paths(dirs: list[Path]) -> list[Path]:
    """The .tmx files to list, at most MAX_MAPS, each once."""
    out: list[Path] = []
    seen: set[Path] = set()
    for folder in dirs:
        try:
            paths = sorted(folder.glob("*.tmx"))
        except OSError:
            continue
        for path in paths:
            key = path.resolve()
            if key in seen or len(out) >= MAX_MAPS:
                continue
            seen.add(key)
            out.append(path)
    return out


def scan(dirs: list[Path]) -> list[MapRow]:
    return [describe(path) for path in map_paths(dirs)]


def describe(path: Path) -> MapRow:
    try:
        level, problems = inspect_map(path)
    except Exception as exc:  # a loader bug must not take the menu down with it
        return MapRow(path, path.stem, f"internal error reading it: {exc!r}"[:200], False)
    if level is None:
        first = next((p for p in problems if p.severity == ERROR), problems[0])
        where = f"[{first.element}] " if first.element else ""
        return MapRow(path, path.stem, f"{where}{first.message}", False)
    author = f" by {level.author}" if level.author else ""
    return MapRow(path, level.title, f"{level.width}×{level.height}{author}", True,
                  len(problems))


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


class CustomMapsScene(Scene):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.dirs = map_dirs(app)
        with contextlib.suppress(OSError, ET.ParseError):  # a read-only data dir: no kit
            install_kit(self.dirs[0])  # the folder, with kit/ for making maps right there
        self.index = 0
        self.message = ""
        self.rects: list[pygame.Rect] = []
        self.scanner: Scanner[MapRow] = Scanner(map_paths(self.dirs), describe)

    @property
    def rows(self) -> list[MapRow]:
        return self.scanner.rows

    def rescan(self) -> None:
        self.scanner.cancel()
        self.scanner = Scanner(map_paths(self.dirs), describe)
        self.index = 0
        self.message = ""

    def start(self) -> None:
        from game.scenes.play import PlayScene

        if not self.rows:
            return
        row = self.rows[self.index]
        try:
            level = load_level(row.path)  # fresh from disk: it may have changed
        except MapError as exc:
            self.rows[self.index] = describe(row.path)
            self.message = exc.message
            return
        self.app.reset_to(PlayScene(self.app, level))

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

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        font = self.app.font
        surface.fill(palette.UI_PANEL)
        font.draw(surface, "Custom maps", (w // 2, 12), palette.UI_ACCENT, scale=3,
                  shadow=(0, 0, 0), align="center")
        folders = "  ·  ".join(str(d) for d in self.dirs)
        font.draw(surface, folders[-100:], (w // 2, 42), palette.UI_DIM, align="center")
        self.rects = []
        if not self.rows and self.scanner.done:
            for i, line in enumerate(wrap(font, f"No maps yet. Open {self.dirs[0] / 'kit'}"
                                          "/reclaim.tiled-project in Tiled, save a map "
                                          f"into {self.dirs[0]} (see docs/MAPPING.md), "
                                          "then press F5.", w - 120)):
                font.draw(surface, line, (w // 2, 120 + i * 12), palette.UI_TEXT,
                          align="center")
        y = 60
        visible = max(1, (h - y - 30) // 32)
        first = max(0, self.index - visible + 1)
        for i, row in enumerate(self.rows):
            if not first <= i < first + visible:
                self.rects.append(pygame.Rect(0, 0, 0, 0))
                continue
            rect = pygame.Rect(40, y, w - 80, 28)
            selected = i == self.index
            panel(surface, rect, border=palette.UI_ACCENT if selected else None)
            color = palette.UI_ACCENT if selected else palette.UI_TEXT
            name = font.fit(row.path.name, rect.width // 3)
            title = font.fit(row.title, rect.width - 32 - font.size(name)[0])
            font.draw(surface, title, (rect.x + 8, rect.y + 4), color, shadow=(0, 0, 0))
            font.draw(surface, name, (rect.right - 8, rect.y + 4), palette.UI_DIM,
                      align="right")
            detail = wrap(font, row.detail, rect.width - 16)[0]
            if row.broken and detail != row.detail:
                detail = detail.rstrip(".,") + "…"
            font.draw(surface, detail, (rect.x + 8, rect.y + 15),
                      palette.UI_BAD if row.broken else palette.UI_DIM)
            self.rects.append(rect)
            y += 32
        if not self.scanner.done:
            footer = f"Reading maps … {len(self.rows)} of {len(self.scanner.paths)}"
        elif self.message:
            footer = self.message
        else:
            footer = f"{len(self.rows)} map(s) · Enter play · F5 rescan · Esc back"
        font.draw(surface, footer, (w // 2, h - 16), palette.UI_DIM, align="center")


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

