"""Game rules a map must follow, beyond being a valid Tiled file. Each rule adds
Problems (errors or warnings) instead of stopping at the first, so `check` can list them
all."""

from __future__ import annotations

import difflib
from dataclasses import replace

import numpy as np

from game.content.balance import DEFAULT_BALANCE
from game.level.data import TILE_PX, LevelObject
from game.level.errors import ERROR, WARNING, Problem
from game.level.schema import MAP_PROPERTIES, OBJECT_CLASSES, coerce, objective_kinds
from game.level.waves_check import check_waves

MAX_MAP_TEXT = 200  # title, author, objective text: a line on the HUD, not a book
PROPS_HINT = "fix it in the object's Properties panel in Tiled"


def suggest(word: str, options: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.7)
    if not close:
        lowered = {o.lower(): o for o in options}
        close = [lowered[word.lower()]] if word.lower() in lowered else []
    return f'did you mean "{close[0]}"?' if close else ""


class RuleCheck:
    """Collects a map's problems against the game's rules (not the balance rules of
    game/content/rules.py)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def error(self, message: str, element: str = "", hint: str = "") -> None:
        self.problems.append(Problem(self.file, message, element, hint, ERROR))

    def warn(self, message: str, element: str = "", hint: str = "") -> None:
        self.problems.append(Problem(self.file, message, element, hint, WARNING))

    def duplicate_ids(self, objects: list[LevelObject]) -> None:
        """Tiled gives every object its own id; two with one id were pasted by hand or
        merged from two maps, and triggers or dialogue that name the id are ambiguous."""
        seen: dict[int, LevelObject] = {}
        dupes = 0
        for obj in objects:
            if obj.id in seen:
                dupes += 1
                if dupes <= 8:
                    self.warn(f"object id {obj.id} is used twice (also by "
                              f"{seen[obj.id].label()})", obj.label(),
                              "give it a new id: copy and paste it in Tiled, then delete "
                              "the old one")
            else:
                seen[obj.id] = obj
        if dupes > 8:
            self.warn(f"{dupes - 8} more duplicate object ids", "map",
                      "give every object its own id")

    # map properties ---------------------------------------------------------------------
    def map_properties(self, raw: dict[str, object]) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, spec in MAP_PROPERTIES.items():
            value = raw.get(name, spec.default)
            try:
                out[name] = coerce(spec, value)
            except ValueError as exc:
                self.error(f"map property '{name}' = {value!r:.60} {exc}", "map",
                           "fix it in Map > Map Properties")
                out[name] = spec.default
            text = out[name]
            if isinstance(text, str) and len(text) > MAX_MAP_TEXT:
                self.warn(f"map property '{name}' is {len(text)} characters long; the game "
                          f"shows the first {MAX_MAP_TEXT}", "map",
                          "shorten it in Map > Map Properties")
                out[name] = text[:MAX_MAP_TEXT - 1] + "…"
        for name in raw:
            if name not in MAP_PROPERTIES:
                hint = suggest(name, list(MAP_PROPERTIES))
                if hint:
                    self.warn(f"unknown map property '{name}'", "map", hint)
        kinds = objective_kinds()
        if out["objective"] not in kinds:
            self.error(f"objective {out['objective']!r} is not one the game knows", "map",
                       f"use one of: {', '.join(kinds)}")
        return out

    # objects ----------------------------------------------------------------------------
    def objects(self, objects: list[LevelObject]) -> list[LevelObject]:
        out = []
        for obj in objects:
            if not obj.cls:
                continue  # decoration or notes: the game ignores objects without a class
            spec = OBJECT_CLASSES.get(obj.cls)
            if spec is None:
                hint = suggest(obj.cls, list(OBJECT_CLASSES))
                self.warn(f"unknown class {obj.cls!r}; the game ignores this object",
                          obj.label(), hint or "classes: " + ", ".join(OBJECT_CLASSES))
                out.append(obj)
                continue
            props = dict(obj.properties)
            for name, pspec in spec.props.items():
                value = props.get(name, pspec.default)
                try:
                    props[name] = coerce(pspec, value)
                except ValueError as exc:
                    self.error(f"{obj.cls} property '{name}' = {value!r:.60} {exc}", obj.label(),
                               PROPS_HINT)
                    props[name] = pspec.default
            for name in obj.properties:
                if name not in spec.props:
                    hint = suggest(name, list(spec.props))
                    self.warn(f"{obj.cls} has no property '{name}'; it is ignored",
                              obj.label(), hint or "remove it")
            out.append(replace(obj, properties=props))
        return out

    # the level as a whole ---------------------------------------------------------------
    def level(self, objects: list[LevelObject], solid: np.ndarray,
              props: dict[str, object]) -> None:
        h, w = solid.shape
        by_cls: dict[str, list[LevelObject]] = {}
        for obj in objects:
            by_cls.setdefault(obj.cls, []).append(obj)
            if obj.cls in OBJECT_CLASSES and not _inside(obj, w, h):
                self.error(f"{obj.cls} lies outside the map", obj.label(),
                           "move it onto the map")
        for cls in ("District", "Trigger"):
            for obj in by_cls.get(cls, []):
                if obj.width <= 0 or obj.height <= 0 or obj.shape in ("point", "polyline"):
                    self.error(f"a {cls} must be an area", obj.label(),
                               "draw it with the Rectangle tool")
        spawns = by_cls.get("PlayerSpawn", [])
        if len(spawns) != 1:
            self.error(f"the map needs exactly one PlayerSpawn object, found {len(spawns)}",
                       "map", "place one object of class PlayerSpawn on a walkable tile"
                       if not spawns else "delete the extra PlayerSpawn objects")
        labels = components(solid)
        reach = None
        if len(spawns) == 1 and self._walkable_at(spawns[0], solid):
            sx, sy = _tile(spawns[0])
            reach = labels == labels[sy, sx]
        for obj in by_cls.get("Waste", []) + by_cls.get("DroneSpawn", []):
            self._walkable_at(obj, solid)
        if reach is not None:
            for obj in objects:
                spec = OBJECT_CLASSES.get(obj.cls)
                if spec and spec.reachable and _inside(obj, w, h) and \
                        not _touches(obj, reach):
                    self.error(f"{obj.cls} cannot be reached on foot from the player spawn",
                               obj.label(), "open a walkable path to it (solid tiles block)")
        self._drones(by_cls, solid, labels, props)
        self._references(objects, by_cls)
        self._objective(by_cls, props)

    def _walkable_at(self, obj: LevelObject, solid: np.ndarray) -> bool:
        tx, ty = _tile(obj)
        h, w = solid.shape
        if not (0 <= tx < w and 0 <= ty < h) or solid[ty, tx]:
            self.error(f"{obj.cls} stands on a solid tile or off the map at tile ({tx}, {ty})",
                       obj.label(), "move it onto a walkable tile")
            return False
        return True

    def _drones(self, by_cls: dict[str, list[LevelObject]], solid: np.ndarray,
                labels: np.ndarray, props: dict[str, object]) -> None:
        murals = by_cls.get("MuralWall", [])
        h, w = solid.shape
        for spawn in by_cls.get("DroneSpawn", []):
            tx, ty = _tile(spawn)
            if not murals:
                self.error("a DroneSpawn needs a MuralWall for its drones to go to",
                           spawn.label(), "place a MuralWall object")
            elif 0 <= tx < w and 0 <= ty < h and not solid[ty, tx]:
                reach = labels == labels[ty, tx]
                if not any(_touches(m, reach) for m in murals):
                    self.error("drones from this DroneSpawn have no path to any mural",
                               spawn.label(), "open a walkable path to a MuralWall")
        waves = int(props.get("wave_count") or 0)
        if waves and not by_cls.get("DroneSpawn"):
            self.error(f"wave_count is {waves} but the map has no DroneSpawn", "map",
                       "place a DroneSpawn, or set wave_count to 0")
        if waves and not by_cls.get("WaveGroup"):
            self.error(f"wave_count is {waves} but no WaveGroup says which drones come",
                       "map", "place a WaveGroup object")
        if by_cls.get("WaveGroup") and not waves:
            self.warn("WaveGroup objects are unused while wave_count is 0", "map",
                      "set the map property wave_count")
        check_waves(self, by_cls, props)  # every wave brings drones, every group is used

    def _references(self, objects: list[LevelObject],
                    by_cls: dict[str, list[LevelObject]]) -> None:
        spawn_ids = {o.id for o in by_cls.get("DroneSpawn", [])}
        for group in by_cls.get("WaveGroup", []):
            ref = group.properties.get("spawn", 0)
            if ref and ref not in spawn_ids:
                self.error(f"WaveGroup property 'spawn' points at object #{ref}, which is not "
                           "a DroneSpawn", group.label(), "pick a DroneSpawn object, or clear "
                           "the property")
        districts = [o.name for o in by_cls.get("District", []) if o.name]
        for mural in by_cls.get("MuralWall", []):
            name = mural.properties.get("district", "")
            if name and name not in districts:
                hint = suggest(str(name), districts)
                self.error(f"MuralWall names district {name!r}, which does not exist",
                           mural.label(), hint or "name a District object like that")
        for group in by_cls.get("WaveGroup", []):
            first, last = group.properties.get("first_wave", 1), group.properties.get(
                "last_wave", 0)
            if last and last < first:  # type: ignore[operator]
                self.error(f"last_wave {last} comes before first_wave {first}", group.label(),
                           "set last_wave to 0 (no end) or to a later wave")

    def _objective(self, by_cls: dict[str, list[LevelObject]],
                   props: dict[str, object]) -> None:
        if props["objective"] != "produce":
            return
        target = props["objective_target"]
        kinds = [k for k, r in DEFAULT_BALANCE.rules.produces.items() if r == target]
        piles = [o for o in by_cls.get("Waste", []) if o.properties.get("kind") in kinds]
        if kinds and not piles:
            self.warn(f"the objective needs {target}, made from {' or '.join(kinds)} waste, "
                       "but the map has none", "map",
                       f"place Waste objects of kind {kinds[0]}")


def _tile(obj: LevelObject) -> tuple[int, int]:
    cx, cy = obj.center
    return int(cx // TILE_PX), int(cy // TILE_PX)


def _inside(obj: LevelObject, w: int, h: int) -> bool:
    tx, ty = _tile(obj)
    return 0 <= tx < w and 0 <= ty < h


def _touches(obj: LevelObject, reach: np.ndarray) -> bool:
    """Whether a reachable tile lies under the object or right next to it."""
    h, w = reach.shape
    x0 = max(0, int(obj.x // TILE_PX) - 1)
    y0 = max(0, int(obj.y // TILE_PX) - 1)
    x1 = min(w, int((obj.x + max(obj.width, 1) - 1e-6) // TILE_PX) + 2)
    y1 = min(h, int((obj.y + max(obj.height, 1) - 1e-6) // TILE_PX) + 2)
    return x0 < x1 and y0 < y1 and bool(reach[y0:y1, x0:x1].any())


def components(solid: np.ndarray) -> np.ndarray:
    """Label the walkable areas (4-neighbours: movement slides one axis at a time): one
    int per tile, equal for tiles connected on foot, -1 on solid tiles.

    Works on runs of walkable tiles per row, joined with the overlapping runs of the row
    above (union-find), so an open 1024×1024 map costs about a thousand runs, not a
    million tiles."""
    h, w = solid.shape
    padded = np.zeros((h, w + 2), dtype=np.int8)
    padded[:, 1:-1] = ~solid
    step = np.diff(padded, axis=1)
    rows, starts = np.nonzero(step == 1)
    _, ends = np.nonzero(step == -1)  # exclusive; same order as the starts
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first = np.searchsorted(rows, np.arange(h + 1)).tolist()
    s_list, e_list = starts.tolist(), ends.tolist()
    for y in range(1, h):
        i, i_end, j, j_end = first[y - 1], first[y], first[y], first[y + 1]
        while i < i_end and j < j_end:
            if s_list[i] < e_list[j] and s_list[j] < e_list[i]:
                a, b = find(i), find(j)
                if a != b:
                    parent[b] = a
            if e_list[i] < e_list[j]:
                i += 1
            else:
                j += 1
    labels = np.full(h * w, -1, dtype=np.int32)
    if len(rows):
        lengths = ends - starts
        roots = np.array([find(i) for i in range(len(rows))], dtype=np.int32)
        offsets = np.repeat(rows * w + starts - np.cumsum(lengths) + lengths, lengths)
        labels[offsets + np.arange(int(lengths.sum()))] = np.repeat(roots, lengths)
    return labels.reshape(h, w)
