"""Tiled's JSON formats (.tmj, .tsj, .tj) read into exactly the level data of the .tmx
save of the same map, under the same limits and path rules; maps saved by real Tiled."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from tiledcli import NEED, export_map, export_tileset

from game.level import MapError, load_level
from game.level.kit_install import install_kit
from game.level.loader import inspect_map
from game.level.tmx import read_map
from game.paths import CAMPAIGN_DIR

EXAMPLES = Path("/work/shared/tiled-examples")
CAMPAIGN = sorted(p.name for p in CAMPAIGN_DIR.glob("*.tmx"))


def same_level(a, b) -> None:
    assert (a.width, a.height, a.title, a.seed, a.objective) == \
        (b.width, b.height, b.title, b.seed, b.objective)
    assert np.array_equal(a.solid, b.solid) and np.array_equal(a.buildable, b.buildable)
    assert [(x.name, x.visible, x.opacity, x.group) for x in a.layers] == \
        [(x.name, x.visible, x.opacity, x.group) for x in b.layers]
    for x, y in zip(a.layers, b.layers, strict=True):
        assert np.array_equal(x.gids, y.gids), x.name
    assert a.objects == b.objects
    assert a.tilesets == b.tilesets
    assert a.properties == b.properties
    assert [p.message for p in a.warnings] == [p.message for p in b.warnings]


def kit_copy(tmp_path: Path, name: str) -> Path:
    """A campaign map in a custom-maps folder, using the installed kit."""
    install_kit(tmp_path)
    text = (CAMPAIGN_DIR / name).read_text(encoding="utf-8").replace('"../', '"kit/')
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@NEED
@pytest.mark.parametrize("name", CAMPAIGN)
def test_campaign_map_saved_as_tmj_by_tiled_is_the_same_level(tmp_path, name):
    tmx = kit_copy(tmp_path, name)
    tmj = export_map(tmx, tmp_path / (tmx.stem + ".tmj"))
    assert json.loads(tmj.read_text())["type"] == "map"
    same_level(load_level(tmx), load_level(tmj))


@NEED
@pytest.mark.parametrize("flags", [("--embed-tilesets",), ("--detach-templates",)])
def test_embedded_tilesets_and_detached_templates(tmp_path, flags):
    tmx = kit_copy(tmp_path, "04_confrontation.tmx")
    tmj = export_map(tmx, tmp_path / "c.tmj", *flags)
    raw = json.loads(tmj.read_text())
    if "--embed-tilesets" in flags:
        assert "tiles" in raw["tilesets"][0]
    same_level(load_level(tmx), load_level(tmj))


@NEED
def test_tsj_tileset_from_tiled(tmp_path):
    tmx = kit_copy(tmp_path, "03_the_mural.tmx")
    export_tileset(tmp_path / "kit/tilesets/city.tsx", tmp_path / "kit/tilesets/city.tsj")
    text = tmx.read_text().replace("kit/tilesets/city.tsx", "kit/tilesets/city.tsj")
    via_tsj = tmp_path / "tsj.tmx"
    via_tsj.write_text(text)
    same_level(load_level(tmx), load_level(via_tsj))  # a .tmx may use a .tsj
    tmj = export_map(via_tsj, tmp_path / "tsj.tmj")
    assert json.loads(tmj.read_text())["tilesets"][0]["source"].endswith(".tsj")
    same_level(load_level(tmx), load_level(tmj))


def test_tj_templates_as_tiled_writes_them(tmp_path):
    tmx = kit_copy(tmp_path, "01_scavengers_dawn.tmx")
    # Tiled 1.8's JSON template: {"object": {...}, "type": "template"}
    (tmp_path / "kit/templates/waste-organic.tj").write_text(json.dumps({
        "object": {"height": 12, "id": 0, "name": "", "properties": [
            {"name": "kind", "propertytype": "WasteKind", "type": "string",
             "value": "organic"}], "rotation": 0, "type": "Waste", "visible": True,
            "width": 12},
        "type": "template"}, indent=1))
    text = tmx.read_text().replace("waste-organic.tx", "waste-organic.tj")
    assert "waste-organic.tj" in text
    via_tj = tmp_path / "tj.tmx"
    via_tj.write_text(text)
    a, b = load_level(tmx), load_level(via_tj)
    assert a.objects == b.objects


@NEED
@pytest.mark.parametrize("name", ["desert.tmx", "orthogonal-outside.tmx", "rpg/island.tmx",
                                  "forest/forest.tmx", "perspective_walls.tmx",
                                  "sticker-knight/map/sandbox.tmx"])
def test_tiled_examples_read_the_same_from_json(tmp_path, name):
    src = EXAMPLES / name
    if not src.is_file():
        pytest.skip(f"{src} is not on this machine")
    folder = tmp_path / "ex"
    shutil.copytree(src.parent, folder)
    if name.startswith("sticker-knight"):  # its templates and tilesets sit beside map/
        shutil.rmtree(folder)
        shutil.copytree(src.parent.parent, tmp_path / "sk")
        folder = tmp_path / "sk" / "map"
    tmx = folder / src.name
    tmj = export_map(tmx, folder / (tmx.stem + ".tmj"))
    try:
        a = read_map(tmx)
    except MapError as exc:  # refused as XML: must be refused alike as JSON
        with pytest.raises(MapError) as again:
            read_map(tmj)
        assert again.value.message == exc.message
        return
    b = read_map(tmj)
    assert (a.width, a.height, a.infinite, a.properties) == \
        (b.width, b.height, b.infinite, b.properties)
    for x, y in zip(a.layers, b.layers, strict=True):
        assert x.name == y.name and np.array_equal(x.gids, y.gids)
    assert a.objects == b.objects
    assert [t.tileset for t in a.tilesets] == [t.tileset for t in b.tilesets]


@NEED
def test_non_orthogonal_json_refused_with_the_same_message(tmp_path):
    src = EXAMPLES / "isometric_staggered_grass_and_water.tmx"
    if not src.is_file():
        pytest.skip(f"{src} is not on this machine")
    shutil.copy(src, tmp_path / src.name)
    shutil.copy(EXAMPLES / "isometric_grass_and_water.png", tmp_path)
    tmj = export_map(tmp_path / src.name, tmp_path / "iso.tmj")
    _, problems = inspect_map(tmj)
    assert problems[0].message == "staggered maps are not supported"


def infinite_tmj(chunks: list[dict]) -> dict:
    return {"type": "map", "orientation": "orthogonal", "infinite": True, "width": 0,
            "height": 0, "tilewidth": 16, "tileheight": 16,
            "tilesets": [{"firstgid": 1, "name": "t", "tilewidth": 16, "tileheight": 16,
                          "tilecount": 4, "columns": 2, "image": "t.png", "imagewidth": 32,
                          "imageheight": 32, "tiles": [{"id": 1, "properties": [
                              {"name": "solid", "type": "bool", "value": True}]}]}],
            "layers": [{"type": "tilelayer", "name": "ground", "chunks": chunks,
                        "opacity": 1, "visible": True, "x": 0, "y": 0},
                       {"type": "objectgroup", "name": "objects", "objects": [
                           {"id": 1, "name": "spawn", "type": "PlayerSpawn", "x": -28,
                            "y": 4, "width": 8, "height": 8, "rotation": 0,
                            "visible": True}]}]}


def test_infinite_json_map_is_cropped_like_xml(tmp_path):
    raw = infinite_tmj([{"x": -16, "y": 0, "width": 16, "height": 16,
                         "data": [0] * 14 + [1, 2] + [0] * 240},
                        {"x": 0, "y": 0, "width": 16, "height": 16,
                         "data": [1, 1] + [0] * 254}])
    path = tmp_path / "inf.tmj"
    path.write_text(json.dumps(raw))
    doc = read_map(path)
    assert (doc.width, doc.height) == (4, 1)
    assert doc.layers[0].gids.tolist() == [[1, 2, 1, 1]]
    assert doc.objects[0].x == 4  # moved with the crop, as in the XML reader


BASE = {"type": "map", "orientation": "orthogonal", "width": 2, "height": 1,
        "tilewidth": 16, "tileheight": 16, "infinite": False, "tilesets": [],
        "layers": [{"type": "tilelayer", "name": "g", "width": 2, "height": 1,
                    "data": [0, 0]}]}


def hostile(**changes) -> dict:
    raw = json.loads(json.dumps(BASE))
    raw.update(changes)
    return raw


@pytest.mark.parametrize(("text", "message"), [
    ("{", "broken JSON"),
    ('{"type": "map", "width": NaN}', "NaN is not a number"),
    ("[" * 100_000 + "]" * 100_000, "nested deeper"),
    ("\xff\xfe", "not UTF-8"),
    (json.dumps(hostile(layers="lots")), "layers must be a list"),
    (json.dumps(hostile(layers=[{"type": "wobble"}])), "unknown type"),
    (json.dumps(hostile(layers=[{"type": "tilelayer", "name": "g", "data": ["x", 1]}])),
     "not a whole number"),
    (json.dumps(hostile(layers=[{"type": "tilelayer", "name": "g", "data": [1]}])),
     "has 1 numbers"),
    (json.dumps(hostile(tilesets=[{"firstgid": 1, "source": "../../etc/t.tsj"}])),
     "leads outside the map's folder"),
    (json.dumps(hostile(tilesets=[{"firstgid": 1, "source": "/etc/t.tsj"}])),
     "is absolute"),
    (json.dumps(hostile(layers=[{"type": "objectgroup", "objects": [
        {"id": 1, "template": "../x.tj"}]}])), "leads outside the map's folder"),
    (json.dumps(hostile(width=100_000)), "outside the limits"),
    (json.dumps(hostile(orientation="isometric")), "isometric maps are not supported"),
    (json.dumps(hostile(layers=[{"type": "group", "layers": []}] * 1)
                ).replace('"layers": []', '"layers": ' + '[{"type": "group", "layers": ' * 80
                                              + "[]" + "}]" * 80), "nested deeper"),
    (json.dumps(hostile(layers=[{"type": "objectgroup", "objects": [{"id": i} for i in
                                                                    range(400_001)]}])),
     "more than 400000"),
    (json.dumps(hostile(layers=[{"type": "tilelayer", "name": "g", "encoding": "base64",
                                 "compression": "zlib", "data": "eJzt"}])), "zlib"),
])
def test_hostile_json_is_refused_with_a_message(tmp_path, text, message):
    path = tmp_path / "bad.tmj"
    path.write_bytes(text.encode("utf-8", "surrogateescape") if isinstance(text, str)
                     else text)
    if text == "\xff\xfe":
        path.write_bytes(b"\xff\xfe\x00")
    level, problems = inspect_map(path)
    assert level is None
    assert message in problems[0].message, problems[0].format()


def test_json_file_size_cap(tmp_path, monkeypatch):
    import game.level.safexml as safexml

    monkeypatch.setattr(safexml.Files.read, "__defaults__", (100,))  # the cap, made small
    path = tmp_path / "big.tmj"
    path.write_text(json.dumps(BASE) + " " * 200)
    _, problems = inspect_map(path)
    assert "byte limit" in problems[0].message


def test_json_fuzz_never_raises_anything_but_map_errors(tmp_path):
    """Every field of a real map replaced by values of every other JSON type."""
    tmx = kit_copy(tmp_path, "02_shortages.tmx")
    raw = {"type": "map", "orientation": "orthogonal", "width": 4, "height": 3,
           "tilewidth": 16, "tileheight": 16, "infinite": False,
           "properties": [{"name": "title", "type": "string", "value": "x"},
                          {"name": "c", "type": "class", "value": {"a": {"b": 1}}}],
           "tilesets": [{"firstgid": 1, "source": "kit/tilesets/city.tsx"},
                        {"firstgid": 100, "name": "e", "tilewidth": 16, "tileheight": 16,
                         "tilecount": 2, "columns": 0, "tiles": [
                             {"id": 0, "image": "a.png", "imagewidth": 16, "imageheight": 16,
                              "type": "x", "animation": [{"tileid": 0, "duration": 5}]}]}],
           "layers": [{"type": "tilelayer", "name": "g", "width": 4, "height": 3,
                       "data": [1] * 12},
                      {"type": "group", "name": "grp", "layers": [
                          {"type": "imagelayer", "image": "a.png", "name": "i"}]},
                      {"type": "objectgroup", "name": "o", "objects": [
                          {"id": 1, "type": "PlayerSpawn", "x": 4, "y": 4, "width": 8,
                           "height": 8, "polygon": [{"x": 0, "y": 0}],
                           "text": {"text": "hi"}, "properties": [
                               {"name": "facing", "type": "string", "value": "up"}]}]}]}
    assert tmx.is_file()
    values = [None, True, 3, -1.5, "s", [], {}, [1, "x"], {"x": 1}]
    count = 0

    def paths(node, trail=()):
        if isinstance(node, dict):
            for k, v in node.items():
                yield trail + (k,)
                yield from paths(v, trail + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield trail + (i,)
                yield from paths(v, trail + (i,))

    for trail in list(paths(raw)):
        for value in values:
            bad = json.loads(json.dumps(raw))
            node = bad
            for key in trail[:-1]:
                node = node[key]
            node[trail[-1]] = value
            path = tmp_path / "fuzz.tmj"
            path.write_text(json.dumps(bad))
            inspect_map(path)  # returns problems; any other exception fails the test
            count += 1
    assert count > 300


def test_check_and_custom_maps_list_tmj(tmp_path, capsys):
    from game.cli.main import main
    from game.scenes.custom_maps import scan

    tmx = kit_copy(tmp_path, "01_scavengers_dawn.tmx")
    raw = json.loads(json.dumps(BASE))
    (tmp_path / "broken.tmj").write_text(json.dumps(raw))
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmx}: ok" in out and "broken.tmj: error" in out
    rows = scan([tmp_path])
    assert {r.path.name for r in rows} >= {"01_scavengers_dawn.tmx", "broken.tmj"}
