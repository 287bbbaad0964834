"""Layers point one way, and the headless layers never load pygame.

Two views of the import graph: every import statement the compiler sees (at module level
and inside functions, relative ones resolved, `from pkg import module` counted as the
module), and what a fresh interpreter actually loads when it imports the headless
packages.
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"

# Lowest first. A module may import its own layer and the layers below, never above.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("game", "game.paths", "game.save", "game.content"),
    ("game.level",),  # the map format: what a level is, read and checked
    ("game.sim",),  # the rules, over LevelData
    ("game.campaign", "game.speedrun"),  # headless: profile, replays, splits, LiveSplit
    ("game.render", "game.input", "game.settings", "game.audio"),  # pygame from here on
    ("game.services", "game.app", "game.display", "game.pad", "game.prompts"),
    ("game.scenes",),
    ("game.dev", "game.cli", "game.__main__"),
)
HEADLESS = ("game.content", "game.level", "game.sim", "game.campaign", "game.speedrun",
            "game.save", "game.paths")
PYGAME = {"pygame", "pytmx"}  # pytmx imports pygame when it is installed


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in GAME.rglob("*.py")}


def unit_of(module: str) -> str:
    """The layer unit a module belongs to: the longest listed prefix."""
    best = ""
    for unit in (u for layer in LAYERS for u in layer):
        if (module == unit or module.startswith(unit + ".")) and len(unit) > len(best):
            best = unit
    return best


def layer_of(module: str) -> int:
    unit = unit_of(module)
    return next(i for i, layer in enumerate(LAYERS) if unit in layer)


def imports_of(module: str, path: Path) -> set[str]:
    """Every module this one imports, anywhere in its code."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""),
                                               package) if node.level else node.module
            found.add(base)
            for alias in node.names:  # `from game.sim import pathing` imports a module
                if f"{base}.{alias.name}" in MODULES:
                    found.add(f"{base}.{alias.name}")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant)):
            found.add(str(node.args[0].value))
    return found


GRAPH = {m: imports_of(m, p) for m, p in MODULES.items()}


def test_every_module_has_a_layer():
    assert all(unit_of(m) for m in MODULES), [m for m in MODULES if not unit_of(m)]


def test_no_module_imports_a_layer_above_its_own():
    upward = sorted(f"{m} ({unit_of(m)}) imports {t} ({unit_of(t)})"
                    for m, targets in GRAPH.items() for t in targets
                    if t in MODULES and layer_of(t) > layer_of(m))
    assert not upward, "\n".join(upward)


def reaches_pygame(start: str) -> list[str] | None:
    """The import chain from `start` to pygame, if any."""
    seen, stack = {start}, [(start, [start])]
    while stack:
        mod, chain = stack.pop()
        for t in sorted(GRAPH.get(mod, ())):
            if t.split(".")[0] in PYGAME:
                return [*chain, t]
            if t in MODULES and t not in seen:
                seen.add(t)
                stack.append((t, [*chain, t]))
    return None


@pytest.mark.parametrize("unit", HEADLESS)
def test_headless_layers_never_reach_pygame(unit):
    for mod in sorted(m for m in MODULES if m == unit or m.startswith(unit + ".")):
        chain = reaches_pygame(mod)
        assert chain is None, " -> ".join(chain)


def test_a_fresh_interpreter_loads_no_pygame_for_the_headless_packages():
    mods = sorted(m for m in MODULES for u in HEADLESS if m == u or m.startswith(u + "."))
    code = ("import importlib, sys\n"
            f"for m in {mods!r}: importlib.import_module(m)\n"
            "print(sorted(n for n in sys.modules if n.split('.')[0] in ('pygame', 'pytmx')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]", out.stdout


def test_the_graph_walker_sees_imports_inside_functions():
    """Guards the test itself: a lazy import is an import."""
    assert "game.scenes.settings" in GRAPH["game.scenes.title"]
    assert "game.level.data" in GRAPH["game.sim.world"]


def test_every_objective_kind_of_the_map_format_has_a_judge():
    from game.level.schema import OBJECTIVE_KINDS
    from game.sim.objectives import JUDGES

    assert sorted(JUDGES) == sorted(OBJECTIVE_KINDS)
