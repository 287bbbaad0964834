"""The shipped maps and kit: every campaign map passes `check` and survives a round trip
through real Tiled; the project file and templates match the schema; Tiled's own example
maps load or are refused cleanly; `check` prints lines and JSON, exits 0/1/2, and is fast."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hostile.build import HERE as HOSTILE
from hostile.build import encode, tmx

from game.level import MapError, load_level
from game.level.kit import kit_files
from game.level.loader import inspect_map
from game.level.schema import OBJECT_CLASSES

ROOT = Path(__file__).resolve().parent.parent
from game.paths import MAPS_DIR  # noqa: E402

CAMPAIGN = sorted((MAPS_DIR / "campaign").glob("*.tmx"))
EXAMPLES = ROOT.parent / "shared" / "tiled-examples"


def run_game(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "game", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_kit_files_match_the_schema():
    for rel, text in kit_files().items():
        assert (MAPS_DIR / rel).read_text(encoding="utf-8") == text, \
            f"maps/{rel} is stale: run python tools/gen_tiled_project.py"
    project = json.loads((MAPS_DIR / "reclaim.tiled-project").read_text())
    classes = {t["name"] for t in project["propertyTypes"] if t["type"] == "class"}
    assert classes == set(OBJECT_CLASSES)
    assert [c["name"] for c in project["commands"]] == ["Check map", "Play map"]


@pytest.mark.parametrize("name", [p.stem for p in (MAPS_DIR / "templates").glob("*.tx")])
def test_every_template_places_a_valid_object(tmp_path, name):
    objects = ('<objectgroup id="2"><object id="1" type="PlayerSpawn" x="4" y="4"/>'
               f'<object id="2" template="{ROOT}/maps/templates/{name}.tx" x="0" y="0"/>'
               "</objectgroup>")
    text = tmx(16, 16, data=encode([1] * 256, "csv"), objects=objects)
    path = tmp_path / "m.tmx"
    path.write_text(text.replace(f"{ROOT}/maps/templates/", os.path.relpath(
        MAPS_DIR / "templates", tmp_path) + "/"))
    _, problems = inspect_map(path)
    obj_problems = [p for p in problems if p.element.startswith("object #2") and
                    ("property" in p.message or "class" in p.message)]
    assert not obj_problems, [p.format() for p in obj_problems]


@pytest.mark.parametrize("path", CAMPAIGN, ids=lambda p: p.name)
def test_campaign_map_passes_check(path):
    out = run_game("check", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "warning" not in out.stdout


def _same(a, b) -> None:
    assert (a.width, a.height, a.title, a.seed, a.par_ticks, a.objective) == (
        b.width, b.height, b.title, b.seed, b.par_ticks, b.objective)
    assert [(x.name, x.gids.tolist()) for x in a.layers] == [
        (y.name, y.gids.tolist()) for y in b.layers]
    assert np.array_equal(a.solid, b.solid) and np.array_equal(a.buildable, b.buildable)
    assert [(o.id, o.name, o.cls, o.x, o.y, o.width, o.height, o.properties)
            for o in a.objects] == [(o.id, o.name, o.cls, o.x, o.y, o.width, o.height,
                                     o.properties) for o in b.objects]


@pytest.mark.parametrize("fmt", ["tmx", "tmx-zstd"])
@pytest.mark.parametrize("path", CAMPAIGN, ids=lambda p: p.name)
def test_campaign_map_survives_a_round_trip_through_tiled(tmp_path, path, fmt):
    tiled = shutil.which("tiled")
    if tiled is None:
        pytest.skip("Tiled is not installed (apt-get install tiled) — round trip not run")
    src = path
    if fmt == "tmx-zstd":  # also let Tiled write zstd layers from a zstd copy of the map
        level = load_level(path)
        text = path.read_text()
        for layer in level.layers:
            start = text.index(f'name="{layer.name}"')
            a = text.index("<data", start)
            b = text.index("</data>", a) + len("</data>")
            text = text[:a] + encode(layer.gids.ravel().tolist(), "zstd") + text[b:]
        src = path.parent / f".zstd-{os.getpid()}-{path.name}"
        src.write_text(text)
    out = tmp_path / path.name
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        done = subprocess.run([tiled, "--export-map", "tmx", str(src), str(out)], env=env,
                              capture_output=True, text=True, timeout=60)
    finally:
        if src != path:
            src.unlink()
    assert done.returncode == 0 and out.exists(), done.stderr
    _same(load_level(path), load_level(out))


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason=f"{EXAMPLES} is absent")
def test_tiled_examples_load_or_are_refused_cleanly():
    refused = {}
    for path in sorted(EXAMPLES.rglob("*.tmx")):
        try:
            load_level(path)
        except MapError as exc:
            assert exc.message and exc.file == str(path)
            refused[path.name] = exc.message
    assert "not supported" in refused["isometric_grass_and_water.tmx"]
    assert "not supported" in refused["hexagonal-mini.tmx"]
    assert "16×16" in refused["desert.tmx"]
    out = run_game("check", "--json", *map(str, sorted(EXAMPLES.rglob("*.tmx"))))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert len(json.loads(out.stdout)["maps"]) == len(list(EXAMPLES.rglob("*.tmx")))


def test_check_lines_json_and_exit_codes(tmp_path):
    ok, bad = CAMPAIGN[0], HOSTILE / "bad_property_value.tmx"
    out = run_game("check", str(ok), str(bad))
    assert out.returncode == 1
    assert (f'{bad}: error: [object #2 "heap"] Waste property \'amount\' = \'lots\' must be '
            "a whole number — fix it in the object's Properties panel in Tiled") in out.stdout
    assert f"{ok}: ok" in out.stdout
    data = json.loads(run_game("check", "--json", str(bad)).stdout)
    assert data["exit"] == 1
    assert [p for p in data["maps"][0]["problems"] if p["severity"] == "error"][0] == {
        "file": str(bad), "severity": "error", "element": 'object #2 "heap"',
        "message": "Waste property 'amount' = 'lots' must be a whole number",
        "hint": "fix it in the object's Properties panel in Tiled"}
    missing = run_game("check", str(tmp_path / "nope.tmx"), str(ok))
    assert missing.returncode == 2 and "cannot read the file" in missing.stdout
    corpus = run_game("check", str(HOSTILE))
    assert corpus.returncode == 1 and "Traceback" not in corpus.stdout + corpus.stderr


def test_unknown_class_is_a_warning_with_a_suggestion(tmp_path):
    objects = ('<objectgroup id="2"><object id="1" type="PlayerSpawn" x="4" y="4"/>'
               '<object id="7" name="n" type="MuralWal" x="20" y="4" width="16" height="16"/>'
               "</objectgroup>")
    path = tmp_path / "m.tmx"
    path.write_text(tmx(objects=objects))
    level, problems = inspect_map(path)
    assert level is not None
    assert [(p.severity, p.element, p.hint) for p in problems if "tileset" not in p.element] == [
        ("warning", 'object #7 "n"', 'did you mean "MuralWall"?'),
        ("warning", "map", "place Waste objects of kind organic")]


def test_game_rules_reachability_drones_and_references(tmp_path):
    rows = ["....#....", "....#....", "....#...."]
    gids = [2 if c == "#" else 1 for row in rows for c in row]
    objects = ('<objectgroup id="2"><object id="1" type="PlayerSpawn" x="4" y="4"/>'
               '<object id="2" name="far" type="Waste" x="100" y="4"/>'
               '<object id="3" name="wall" type="MuralWall" x="16" y="0" width="16" '
               'height="16"><properties><property name="district" value="Nrth"/>'
               "</properties></object>"
               '<object id="4" name="d" type="District" x="0" y="0" width="64" height="48"/>'
               '<object id="5" name="ds" type="DroneSpawn" x="130" y="36"/>'
               '<object id="6" name="w" type="WaveGroup" x="0" y="0"><properties>'
               '<property name="spawn" type="object" value="3"/></properties></object>'
               "</objectgroup>")
    path = tmp_path / "m.tmx"
    path.write_text(tmx(9, 3, data=encode(gids, "csv"), objects=objects))
    _, problems = inspect_map(path)
    errors = [(p.element, p.message) for p in problems if p.severity == "error"]
    assert ('object #2 "far"', "Waste cannot be reached on foot from the player spawn") in errors
    assert ('object #5 "ds"', "drones from this DroneSpawn have no path to any mural") in errors
    assert ('object #6 "w"', "WaveGroup property 'spawn' points at object #3, which is not a "
            "DroneSpawn") in errors
    assert ('object #3 "wall"', "MuralWall names district 'Nrth', which does not exist") in errors


def test_check_of_a_256x256_map_takes_under_a_second(tmp_path):
    rng = np.random.default_rng(1)
    gids = np.where(rng.random(256 * 256) < 0.2, 2, 1)
    gids[:256] = 1
    objects = ['<object id="1" type="PlayerSpawn" x="4" y="4"/>']
    for i in range(2, 400):
        x, y = int(rng.integers(0, 256)), int(rng.integers(0, 256))
        gids[y * 256 + x] = 1
        objects.append(f'<object id="{i}" type="Waste" x="{x * 16 + 4}" y="{y * 16 + 4}"/>')
    ground = encode(gids.tolist(), "zlib")
    path = tmp_path / "big.tmx"
    path.write_text(tmx(256, 256, data=ground, objects='<objectgroup id="2">' +
                        "".join(objects) + "</objectgroup>",
                        extra='<layer id="9" name="top" width="256" height="256">' +
                        encode([0] * 65536, "csv") + "</layer>"))
    level, problems = inspect_map(path)  # its speed: bench map_inspect_ms_256
    assert level is not None and len(level.objects) > 250, problems


def test_installed_kit_lets_a_map_in_the_data_dir_use_the_game_tileset(tmp_path):
    from game.level.kit_install import install_kit

    maps = tmp_path / "maps"
    kit = install_kit(maps)
    stamp = (kit / "tilesets" / "city.tsx").stat().st_mtime_ns
    assert install_kit(maps) == kit  # idempotent: nothing rewritten
    assert (kit / "tilesets" / "city.tsx").stat().st_mtime_ns == stamp
    project = json.loads((kit / "reclaim.tiled-project").read_text())
    assert project["folders"] == [".."]
    objects = ('<objectgroup id="2" name="objects">'
               '<object id="1" template="kit/templates/player-spawn.tx" x="2" y="2"/>'
               '<object id="2" template="kit/templates/waste-organic.tx" x="34" y="2"/>'
               "</objectgroup>")
    text = tmx(4, 3, data=encode([5] * 12, "csv"), objects=objects,
               tileset=' <tileset firstgid="1" source="kit/tilesets/city.tsx"/>\n')
    (maps / "mine.tmx").write_text(text)
    level, problems = inspect_map(maps / "mine.tmx")
    assert level is not None and problems == []
    assert level.tilesets[0].image == (kit / "tilesets" / "city.png").resolve()
    assert level.objects_of("Waste")[0].properties == {"kind": "organic", "amount": 3}


def test_mapping_guide_reference_is_current_and_its_screenshots_exist():
    import re

    sys.path.insert(0, str(ROOT / "tools"))
    from gen_tiled_project import with_reference

    guide = (ROOT / "docs" / "MAPPING.md").read_text(encoding="utf-8")
    assert guide == with_reference(guide), "run: python tools/gen_tiled_project.py"
    for name in OBJECT_CLASSES:
        assert f"#### {name}" in guide
    for image in re.findall(r"\]\((screenshots/[^)]+)\)", guide):
        assert (ROOT / "docs" / image).is_file(), image


def test_templates_resolve_as_tiled_itself_resolves_them(tmp_path):
    """Differential: Tiled's own --detach-templates output must read the same as our
    resolution of the templated map (every kit template, and an override)."""
    tiled = shutil.which("tiled")
    if tiled is None:
        pytest.skip("Tiled is not installed (apt-get install tiled) — comparison not run")
    from game.level.kit import TEMPLATES
    from game.level.tmx import read_map

    rel = os.path.relpath(MAPS_DIR, tmp_path)
    objs = []
    for i, name in enumerate(TEMPLATES, start=1):
        objs.append(f'<object id="{i}" name="t{i}" template="{rel}/templates/{name}.tx" '
                    f'x="{(i % 8) * 32}" y="{(i // 8) * 32 + 40}"/>')
    objs.append(f'<object id="99" template="{rel}/templates/waste-alloy.tx" name="over" '
                'x="100" y="100" width="8" height="10"><properties>'
                '<property name="amount" type="int" '
                'value="9"/></properties></object>')
    src = tmp_path / "templated.tmx"
    src.write_text(tmx(20, 12, data=encode([5] * 240, "csv"),
                       objects='<objectgroup id="2" name="o">' + "".join(objs) +
                       "</objectgroup>",
                       tileset=f' <tileset firstgid="1" source="{rel}/tilesets/city.tsx"/>\n'))
    out = tmp_path / "detached.tmx"
    done = subprocess.run([tiled, "--export-map", "tmx", "--detach-templates", str(src),
                           str(out)], env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "template=" not in out.read_text(), done.stderr

    def key(path):
        return [(o.id, o.name, o.cls, o.x, o.y, o.width, o.height, o.properties)
                for o in read_map(path).objects]

    ours, tileds = key(src), key(out)
    assert len(ours) == len(TEMPLATES) + 1
    assert ours == tileds
