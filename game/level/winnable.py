"""`check` proves a level can be won: the objective's needs against what the map holds.

A map that passes the file and placement rules can still be impossible: no build plot
Elara can work at, less waste than the objective and the nodes it needs, a support goal
without murals, waves no defence could face. Each is measured with the game's own rules
(node and workshop costs, deposit reach, mural paint costs, emitter damage) and reported
with what to change. Blooms (a lucky extra unit) are a bonus, never counted on.
"""

from __future__ import annotations

import math

import numpy as np

from game.content.balance import DEFAULT_BALANCE
from game.level.data import LevelObject

RULES, CIVIC, CONFRONT = DEFAULT_BALANCE.rules, DEFAULT_BALANCE.civic, DEFAULT_BALANCE.confront
AMOUNT_HINT = "add Waste objects of kind {kind} ({short} more), or lower {prop}"


# map properties that only some objectives read (objective_amount and objective_target
# apply to all: the HUD counts and colours every objective with them)
APPLIES: dict[str, tuple[str, ...]] = {
    "goal_support": ("coop",),
    "goal_nodes": ("coop",),
    "goal_workshops": ("coop",),
    "time_limit_seconds": ("deliver",),
}


def check_objective_properties(rules, raw: dict[str, object],
                               props: dict[str, object]) -> None:
    """Warn on objective properties set for an objective that never reads them."""
    kind = str(props.get("objective", "produce"))
    for name, kinds in APPLIES.items():
        if name in raw and kind not in kinds:
            rules.warn(f"map property '{name}' does not apply to the objective {kind!r}; "
                       "it is ignored", "map",
                       f"remove it, or set objective to {' or '.join(kinds)}")


def usable_plots(buildable: np.ndarray, reach: np.ndarray | None) -> np.ndarray:
    """Build plots Elara can stand in reach of: a node's centre must lie within her
    deposit reach (22 px) of her feet, which she gets from any walkable tile among the 8
    around the plot (a tile further off is at least 24 px away)."""
    if reach is None:
        return np.zeros_like(buildable)
    h, w = reach.shape
    padded = np.zeros((h + 2, w + 2), dtype=bool)
    padded[1:-1, 1:-1] = reach
    near = np.zeros_like(reach)
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            if (dx, dy) != (1, 1):
                near |= padded[dy:dy + h, dx:dx + w]
    return buildable & near


def check_winnable(rules, objects: list[LevelObject], solid: np.ndarray,
                   buildable: np.ndarray, props: dict[str, object]) -> None:
    """Adds errors (cannot be won) and warnings (very likely cannot) to `rules`."""
    from game.level.rules import _tile, components  # late: rules imports this module

    by_cls: dict[str, list[LevelObject]] = {}
    for obj in objects:
        by_cls.setdefault(obj.cls, []).append(obj)
    spawns = by_cls.get("PlayerSpawn", [])
    if len(spawns) != 1:
        return  # already an error; nothing to measure from
    tx, ty = _tile(spawns[0])
    h, w = solid.shape
    if not (0 <= tx < w and 0 <= ty < h) or solid[ty, tx]:
        return
    labels = components(solid)
    reach = labels == labels[ty, tx]
    Plan(rules, by_cls, usable_plots(buildable, reach), buildable, props).run()


class Plan:
    """What the objective needs (waste by kind, plots, murals) against what is there."""

    def __init__(self, rules, by_cls: dict[str, list[LevelObject]], plots: np.ndarray,
                 buildable: np.ndarray, props: dict[str, object]) -> None:
        self.rules = rules
        self.by_cls = by_cls
        self.plots = int(plots.sum())
        self.any_plots = int(buildable.sum())
        self.props = props
        self.waste: dict[str, int] = {}
        for pile in by_cls.get("Waste", []):
            kind = str(pile.properties.get("kind", ""))
            self.waste[kind] = self.waste.get(kind, 0) + int(pile.properties.get("amount", 0))
        self.makes = {res: kind for kind, res in RULES.produces.items()}
        self.need: dict[str, int] = {}  # waste units by kind
        self.why: dict[str, list[str]] = {}  # what each kind is needed for
        self.structures: dict[str, int] = {}  # structures the objective needs
        self.prop = "objective_amount"

    # -- bookkeeping -------------------------------------------------------------------
    def resource(self, res: str, amount: int, why: str) -> None:
        """`amount` units of a resource: waste of the kind a node turns into it."""
        if amount <= 0:
            return
        kind = self.makes.get(res)
        if kind is None:
            return
        self.need[kind] = self.need.get(kind, 0) + amount
        self.why.setdefault(kind, []).append(f"{amount} {res} {why}")

    def build(self, kind: str, count: int) -> None:
        if count <= 0:
            return
        self.structures[kind] = self.structures.get(kind, 0) + count
        name = RULES.structures[kind].name
        for item, n in sorted(RULES.cost_of(kind).items()):
            what = f"for {count} {name}{'s' if count > 1 else ''}"
            if item in self.makes:  # a resource: made by a node from waste
                self.resource(item, n * count, what)
            else:  # waste paid straight from Elara's bag
                self.need[item] = self.need.get(item, 0) + n * count
                self.why.setdefault(item, []).append(f"{n * count} {item} {what}")

    # -- the objectives ----------------------------------------------------------------
    def run(self) -> None:
        kind = str(self.props.get("objective", "produce"))
        amount = int(self.props.get("objective_amount") or 0)  # type: ignore[arg-type]
        target = str(self.props.get("objective_target", "biomass"))
        if kind == "produce":
            self.resource(target, amount, "for the objective")
            self.build("node", 1)
        elif kind == "deliver":
            self.deliveries(target, amount)
        elif kind == "support":
            self.support(amount)
        elif kind == "coop":
            self.coop()
        elif kind == "survive":
            self.defences()
            return
        else:
            return
        self.check_plots()
        self.check_waste()

    def deliveries(self, target: str, amount: int) -> None:
        depots = self.by_cls.get("Depot", [])
        if not depots:
            self.resource(target, amount, "for the objective")
        for depot in depots:
            self.resource(str(depot.properties.get("accepts", "biomass")),
                          int(depot.properties.get("demand", 0)), f"for {depot.label()}")
        self.build("node", 1)

    def support(self, percent: int, prop: str = "objective_amount") -> None:
        self.prop = prop
        if percent > 100:
            self.rules.error(f"{prop} asks for {percent} % support; support ends at 100 %",
                             "map", f"set {prop} to 100 or less")
        murals = self.by_cls.get("MuralWall", [])
        if not murals:
            self.rules.error(f"{prop} asks for {percent} % support, but only painted "
                             "MuralWalls raise support and the map has none", "map",
                             "place MuralWall objects (mural-wall.tx) in the districts")
            return
        start = self.start_support()
        if start >= percent:
            return
        self.resource("pigment", CIVIC.paint_cost[0], "to sketch a mural")
        self.build("node", 1)

    def start_support(self) -> int:
        districts = self.by_cls.get("District", [])
        if not districts:
            return 20
        return sum(int(d.properties.get("support", 20)) for d in districts) // len(districts)

    def coop(self) -> None:
        nodes = int(self.props.get("goal_nodes") or 0)  # type: ignore[arg-type]
        workshops = int(self.props.get("goal_workshops") or 0)  # type: ignore[arg-type]
        percent = int(self.props.get("goal_support") or 0)  # type: ignore[arg-type]
        if not (nodes or workshops or percent):
            self.rules.error("the objective is coop but no goal is set", "map",
                             "set goal_support, goal_nodes or goal_workshops")
            return
        self.build("node", max(1, nodes))
        self.build("workshop", workshops)
        if percent:
            self.support(percent, "goal_support")
        self.prop = "the co-op goals"

    # -- the measurements --------------------------------------------------------------
    def check_plots(self) -> None:
        wanted = sum(self.structures.values())
        if not self.any_plots:
            self.rules.error("the map has no build plots, so Elara can build no "
                             "Waste-to-Life node and the objective cannot be met", "map",
                             "paint tiles with the property buildable (plot_a or plot_b "
                             "in city.tsx) on a walkable spot")
        elif not self.plots:
            self.rules.error("no build plot has a walkable tile beside it that Elara can "
                             "reach, so she cannot build or feed a node", "map",
                             "open a path to a plot, or paint plots next to the streets "
                             "she walks")
        elif self.plots < wanted:
            self.rules.error(f"the objective needs {wanted} structures but only "
                             f"{self.plots} build plots are within Elara's reach", "map",
                             "paint more build plots beside walkable tiles")

    def check_waste(self) -> None:
        for kind, needed in sorted(self.need.items()):
            have = self.waste.get(kind, 0)
            if have >= needed:
                continue
            what = " and ".join(self.why.get(kind, []))
            self.rules.error(
                f"the map holds {have} {kind} waste, but the objective needs {needed} ({what}); "
                "blooms are a bonus, not a plan", "map",
                AMOUNT_HINT.format(kind=kind, short=needed - have, prop=self.prop))

    def defences(self) -> None:
        """Waves no defence could face: nothing buildable, or more hit points in a wave
        than every reachable plot's emitter could zap before the next one."""
        from game.level.waves import WaveTable

        waves = int(self.props.get("wave_count") or 0)  # type: ignore[arg-type]
        if not waves or not self.by_cls.get("DroneSpawn"):
            return
        alloy, polymer = self.waste.get("alloy", 0), self.waste.get("polymer", 0)
        node = RULES.cost_of("node")
        can_node = self.plots > 0 and alloy >= node.get("alloy", 0) and \
            polymer >= node.get("polymer", 0)
        emitter = RULES.cost_of("emitter")
        barrier = RULES.cost_of("barrier")
        spark = alloy - node.get("alloy", 0) if can_node else 0
        biomass = self.waste.get("organic", 0) if can_node else 0
        emitters = min(self.plots - 1, spark // max(1, emitter.get("spark", 1)),
                       biomass // max(1, emitter.get("biomass", 1))) if can_node else 0
        barriers = biomass // max(1, barrier.get("biomass", 1)) if can_node else 0
        if not emitters and not barriers:
            self.rules.warn(f"the map sends {waves} waves of drones, but no emitter or "
                            "barrier can be built (a node, a free plot and waste for them "
                            "are needed)", "map", "add alloy and organic waste and build "
                            "plots, or lower wave_count")
            return
        table = WaveTable.from_objects(self.by_cls.get("DroneSpawn", []),
                                       self.by_cls.get("WaveGroup", []), self.props,
                                       CONFRONT)
        top = CONFRONT.emitter_levels[-1]
        interval = int(self.props.get("wave_interval_seconds") or 45) * 60  # type: ignore[arg-type]
        # the strict bound: a top-level emitter on every reachable plot but the node's,
        # whatever the waste (sparks also come from calling waves early)
        emitters = max(1, self.plots - 1)
        zaps = emitters * top.damage * math.ceil(interval / top.reload)
        for wave in range(1, waves + 1):
            hp = sum(b.count * b.hp for b in table.batches(wave))
            if hp > zaps + barriers * CONFRONT.barrier_hp:
                n = max(1, emitters)
                self.rules.warn(f"wave {wave} brings {hp} hit points of drones; even "
                                f"{n} top-level emitter{'s zap' if n != 1 else ' zaps'} at "
                                f"most {zaps} before the next wave", "map",
                                "lower count, scaling or shields of the WaveGroups, or "
                                "add waste and plots for more defences")
                return
