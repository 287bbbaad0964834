"""What the game understands in a map: object classes, their properties, map properties.

Data, not code. The loader validates against these tables; `check`, the Tiled project
file (maps/reclaim.tiled-project, written by tools/gen_tiled_project.py) and
docs/MAPPING.md are all derived from them, and a test keeps them in step.

The simulation today uses PlayerSpawn and Waste; the other classes describe murals,
districts, drones, depots and triggers for the systems that will use them. Their
properties are settled here so maps made now keep working.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.balance import DEFAULT_BALANCE

# Enums map makers pick from in Tiled (name -> values).
ENUMS: dict[str, tuple[str, ...]] = {
    "WasteKind": DEFAULT_BALANCE.rules.waste_kinds,
    "Resource": DEFAULT_BALANCE.rules.resources,
    "MuralStage": ("blank", "sketch", "colour", "luminescent"),
    "DroneType": ("scout", "sprayer", "heavy", "jammer"),
    "Facing": ("down", "up", "left", "right"),
}


@dataclass(frozen=True, slots=True)
class PropSpec:
    type: str  # Tiled type: string, int, float, bool, color, object
    default: object
    doc: str
    enum: str = ""  # name in ENUMS when the value is picked from a list
    minimum: float | None = None
    maximum: float | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        return ENUMS.get(self.enum, ())


@dataclass(frozen=True, slots=True)
class ClassSpec:
    doc: str
    color: str  # how Tiled draws objects of this class
    props: dict[str, PropSpec]
    reachable: bool = False  # Elara must be able to walk up to it from the spawn


def _p(type_: str, default: object, doc: str, enum: str = "", lo: float | None = None,
       hi: float | None = None) -> PropSpec:
    return PropSpec(type_, default, doc, enum, lo, hi)


OBJECT_CLASSES: dict[str, ClassSpec] = {
    "PlayerSpawn": ClassSpec(
        "Where Elara starts. Exactly one per map, on a walkable tile.", "#ff5fd3c8", {
            "facing": _p("string", "down", "which way she looks at the start", "Facing"),
        }),
    "Waste": ClassSpec(
        "A pile of waste to pick up by walking over it.", "#ffb5895a", {
            "kind": _p("string", "organic", "which waste lies here", "WasteKind"),
            "amount": _p("int", 3, "units in the pile", lo=1, hi=99),
        }, reachable=True),
    "MuralWall": ClassSpec(
        "A wall Elara can paint. Murals raise the support of their district; in the "
        "confrontation drones attack them.", "#ffe05fd0", {
            "district": _p("string", "", "name of the only District it lifts (empty: "
                           "every district within its radius)"),
            "stage": _p("string", "blank", "how far it is painted at the start",
                        "MuralStage"),
            "health": _p("int", 100, "hit points against drones", lo=1, hi=10000),
            "radius": _p("int", 6, "reach of its influence on support, in tiles", lo=1,
                         hi=64),
            "great": _p("bool", False, "the great mural: the level is lost when it falls"),
        }, reachable=True),
    "District": ClassSpec(
        "An area (rectangle) with its own support. Without districts the whole map is "
        "one district.", "#ff8fbf5f", {
            "support": _p("int", 20, "support at the start, in percent", lo=0, hi=100),
            "rally_threshold": _p("int", 50, "support at which volunteers join, percent",
                                  lo=0, hi=100),
        }),
    "DroneSpawn": ClassSpec(
        "Where enforcer drones enter. Needs a walkable path to a mural.", "#ffff4040", {
            "first_wave": _p("int", 1, "first wave that uses this spawn", lo=1, hi=999),
        }),
    "WaveGroup": ClassSpec(
        "A group of drones in the waves (anywhere on the map; Mindustry-style): from "
        "wave `first_wave`, every `spacing` waves, `count` drones plus `scaling` more per "
        "wave, at most `max`.", "#ffffa0a0", {
            "drone": _p("string", "scout", "drone type", "DroneType"),
            "spawn": _p("object", 0, "the DroneSpawn they use (none: every spawn)"),
            "first_wave": _p("int", 1, "first wave with this group", lo=1, hi=999),
            "last_wave": _p("int", 0, "last wave with this group (0: no end)", lo=0, hi=999),
            "spacing": _p("int", 1, "every how many waves", lo=1, hi=999),
            "count": _p("int", 3, "drones in its first wave", lo=1, hi=10000),
            "scaling": _p("float", 0.5, "extra drones per later wave", lo=0, hi=1000),
            "max": _p("int", 100, "most drones in one wave", lo=1, hi=10000),
            "shields": _p("int", 0, "extra hit points per drone", lo=0, hi=10000),
            "shield_scaling": _p("int", 0, "extra hit points per drone per later wave",
                                 lo=0, hi=10000),
        }),
    "Depot": ClassSpec(
        "A Guild depot that takes deliveries of resources.", "#ff6fa8ff", {
            "accepts": _p("string", "biomass", "resource it takes", "Resource"),
            "demand": _p("int", 10, "units it wants", lo=1, hi=100000),
        }, reachable=True),
    "CollectorSpawn": ClassSpec(
        "Talin's van: corporate collectors set out from here to take waste piles and "
        "bring their haul back.", "#ffdfe6f0", {
            "count": _p("int", 1, "collectors that work from this van", lo=1, hi=50),
            "delay_seconds": _p("int", 0, "when the first one sets out", lo=0, hi=36000),
        }, reachable=True),
    "Trigger": ClassSpec(
        "An area that fires when Elara enters it (dialogue, hints).", "#fffcaf3e", {
            "dialogue": _p("string", "", "id of the dialogue to play (see "
                           "game/content)"),
            "once": _p("bool", True, "fire only the first time"),
        }),
}



# The objective kinds a map may name. Each has one judge in game/sim/objectives, which
# refuses to register a kind missing here (the map format is defined below the sim).
OBJECTIVE_KINDS = ("coop", "deliver", "produce", "support", "survive")


def objective_kinds() -> tuple[str, ...]:
    return OBJECTIVE_KINDS


MAP_PROPERTIES: dict[str, PropSpec] = {
    "title": _p("string", "", "level name shown in menus and the HUD"),
    "author": _p("string", "", "who made the map"),
    "description": _p("string", "", "one line for the Custom maps screen"),
    "objective": _p("string", "produce", "what wins the level: an objective kind the game "
                    "knows (`produce` today)"),
    "objective_target": _p("string", "biomass", "the resource the objective counts",
                           "Resource"),
    "objective_amount": _p("int", 10, "how many are needed", lo=1, hi=100000),
    "objective_text": _p("string", "", "objective line on the HUD (empty: made up from "
                         "the objective)"),
    "seed": _p("int", 0, "official seed of the level (empty: derived from the file)",
               lo=0, hi=2**63 - 1),
    "par_seconds": _p("int", 0, "par time for the gold medal (0: none)", lo=0, hi=360000),
    "time_limit_seconds": _p("int", 0, "the clock: the level is lost when it runs out "
                             "(0: no clock)", lo=0, hi=360000),
    "node_process_ticks": _p("int", 0, "ticks a node takes per waste unit on this map "
                             "(0: the rules' value)", lo=0, hi=36000),
    "smear_first_seconds": _p("int", 0, "when Talin's first smear lands (0: no smears)",
                              lo=0, hi=36000),
    "smear_interval_seconds": _p("int", 60, "time between smears", lo=1, hi=36000),
    "goal_support": _p("int", 0, "co-op goal: city support in percent (0: none)", lo=0,
                       hi=100),
    "goal_nodes": _p("int", 0, "co-op goal: Waste-to-Life nodes standing (0: none)", lo=0,
                     hi=999),
    "goal_workshops": _p("int", 0, "co-op goal: workshops standing (0: none)", lo=0,
                         hi=999),
    "wave_count": _p("int", 0, "number of drone waves (0: no confrontation)", lo=0, hi=999),
    "first_wave_seconds": _p("int", 60, "time before the first wave", lo=0, hi=36000),
    "wave_interval_seconds": _p("int", 45, "time between waves", lo=1, hi=36000),
}


def coerce(spec: PropSpec, value: object) -> object:
    """A property value of the right type, or ValueError saying what is wrong."""
    if spec.type in ("int", "object"):
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ValueError("must be a whole number")
        try:
            number = float(value) if isinstance(value, str) else value
        except ValueError:
            raise ValueError("must be a whole number") from None
        if isinstance(number, float) and not number.is_integer():
            raise ValueError("must be a whole number")
        value = int(number)
    elif spec.type == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ValueError("must be a number")
        try:
            value = float(value)
        except ValueError:
            raise ValueError("must be a number") from None
        if value != value:
            raise ValueError("must be a number")
    elif spec.type == "bool":
        if isinstance(value, str) and value.lower() in ("true", "false"):
            value = value.lower() == "true"
        if not isinstance(value, bool):
            raise ValueError("must be true or false")
    else:
        if not isinstance(value, str):
            raise ValueError("must be text")
        if spec.choices and value not in spec.choices:
            raise ValueError(f"must be one of {', '.join(spec.choices)}")
    if spec.minimum is not None and value < spec.minimum:  # type: ignore[operator]
        raise ValueError(f"must be at least {spec.minimum:g}")
    if spec.maximum is not None and value > spec.maximum:  # type: ignore[operator]
        raise ValueError(f"must be at most {spec.maximum:g}")
    return value
