"""What current Tiled writes must load: every encoding, external and embedded tilesets,
image collections, animations, flips, templates with overrides, infinite maps, class or
type, class-typed properties with project defaults, layers in file order."""

from __future__ import annotations

import numpy as np
import pytest
from hostile.build import TILESET, encode, tmx

from game.level import MapError, load_level
from game.level.data import FLIP_D, FLIP_H, FLIP_V

GIDS = [1, 2, 1, 1, 1 | FLIP_H, 1, 3 | FLIP_V | FLIP_D, 1, 1, 1, 4, 1]


def write(tmp_path, text: str, name: str = "m.tmx"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("encoding", ["csv", "xml", "base64", "zlib", "gzip", "zstd"])
def test_every_encoding_gives_the_same_tiles_with_flips(tmp_path, encoding):
    level = load_level(write(tmp_path, tmx(data=encode(GIDS, encoding))))
    assert level.layers[0].gids.tolist() == np.array(GIDS, np.uint32).reshape(3, 4).tolist()
    assert level.solid.tolist() == [[False, True, False, False], [False] * 4, [False] * 4]


def test_external_tileset_equals_embedded(tmp_path):
    body = TILESET.split("\n", 2)[2].rsplit("</tileset>", 1)[0]
    (tmp_path / "t.tsx").write_text('<?xml version="1.0"?>\n<tileset name="t" tilewidth="16" '
                                    f'tileheight="16" tilecount="4" columns="2">{body}'
                                    "</tileset>")
    ext = load_level(write(tmp_path, tmx(data=encode(GIDS, "csv"), tileset=' <tileset '
                                         'firstgid="1" source="t.tsx"/>\n'), "ext.tmx"))
    emb = load_level(write(tmp_path, tmx(data=encode(GIDS, "csv")), "emb.tmx"))
    assert np.array_equal(ext.solid, emb.solid)
    assert ext.tilesets[0].image == emb.tilesets[0].image == (tmp_path / "t.png").resolve()


def test_image_collection_and_animation(tmp_path):
    collection = ('<tileset firstgid="1" name="c" tilewidth="16" tileheight="16" '
                  'tilecount="2" columns="0">'
                  '<tile id="0"><image source="a.png" width="16" height="16"/></tile>'
                  '<tile id="5"><properties><property name="tall" type="bool" value="true"/>'
                  '</properties><image source="img/b.png" width="16" height="32"/>'
                  '<animation><frame tileid="0" duration="100"/><frame tileid="5" '
                  'duration="250"/></animation></tile></tileset>')
    level = load_level(write(tmp_path, tmx(data=encode([1] * 11 + [6], "csv"),
                                           tileset=collection)))
    ts = level.tilesets[0]
    assert ts.tile_images == {0: (tmp_path / "a.png").resolve(),
                              5: (tmp_path / "img" / "b.png").resolve()}
    assert ts.animations == {5: ((0, 100), (5, 250))}
    assert ts.tall == frozenset({5})
    with pytest.raises(MapError, match="tile id 3 at"):  # id 2 of the collection is absent
        load_level(write(tmp_path, tmx(data=encode([1] * 11 + [3], "csv"),
                                       tileset=collection)))


def test_templates_resolve_and_overrides_win(tmp_path):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "pile.tx").write_text(
        '<?xml version="1.0"?><template><object name="heap" class="Waste" width="12" '
        'height="10"><properties><property name="kind" value="alloy"/>'
        '<property name="amount" type="int" value="5"/></properties></object></template>')
    objects = ('<objectgroup id="2" name="o"><object id="1" name="spawn" type="PlayerSpawn" '
               'x="4" y="4" width="8" height="8"/>'
               '<object id="2" template="tpl/pile.tx" x="20" y="2"/>'
               '<object id="3" template="tpl/pile.tx" name="mine" x="36" y="2" width="8">'
               '<properties><property name="amount" type="int" value="9"/></properties>'
               '</object></objectgroup>')
    level = load_level(write(tmp_path, tmx(objects=objects)))
    plain, custom = level.objects_of("Waste")
    assert (plain.name, plain.width, plain.height, plain.properties) == (
        "heap", 12, 10, {"kind": "alloy", "amount": 5})
    assert (custom.name, custom.width, custom.height, custom.properties) == (
        "mine", 8, 10, {"kind": "alloy", "amount": 9})


def test_class_attribute_and_defaults_from_the_schema(tmp_path):
    objects = ('<objectgroup id="2"><object id="1" class="PlayerSpawn" x="4" y="4"/>'
               '<object id="2" class="Waste" x="20" y="4"/></objectgroup>')
    level = load_level(write(tmp_path, tmx(objects=objects)))
    assert level.objects_of("PlayerSpawn")[0].properties == {"facing": "down"}
    assert level.objects_of("Waste")[0].properties == {"kind": "organic", "amount": 3}


def test_class_typed_properties_get_defaults_from_the_project_file(tmp_path):
    (tmp_path / "mine.tiled-project").write_text(
        '{"propertyTypes": [{"id": 1, "name": "Loot", "type": "class", "members": ['
        '{"name": "gold", "type": "int", "value": 7}, {"name": "rare", "type": "bool", '
        '"value": false}]}]}')
    objects = ('<objectgroup id="2"><object id="1" type="PlayerSpawn" x="4" y="4"><properties>'
               '<property name="loot" type="class" propertytype="Loot"><properties>'
               '<property name="rare" type="bool" value="true"/></properties></property>'
               '</properties></object></objectgroup>')
    level = load_level(write(tmp_path, tmx(objects=objects)))
    assert level.objects_of("PlayerSpawn")[0].properties["loot"] == {"gold": 7, "rare": True}


def test_layers_in_file_order_with_groups(tmp_path):
    layer = '<layer id="{i}" name="{n}" width="4" height="3">' + encode([1] * 12, "csv") + \
        "</layer>"
    extra = (layer.format(i=3, n="a") + '<group id="4" name="g" visible="0" opacity="0.5">'
             + layer.format(i=5, n="b") + '<objectgroup id="6" name="objs"/>' +
             layer.format(i=7, n="c") + "</group>" + layer.format(i=8, n="d"))
    level = load_level(write(tmp_path, tmx(extra=extra)))
    assert [(lay.name, lay.group, lay.visible) for lay in level.layers] == [
        ("ground", "", True), ("a", "", True), ("b", "g", False), ("c", "g", False),
        ("d", "", True)]
    assert level.layers[2].opacity == 0.5


def test_infinite_map_is_flattened_to_its_used_bounds(tmp_path):
    chunk = ",".join(["0"] * 16 * 5 + ["0"] * 3 + ["2"] + ["0"] * 12 + ["0"] * 16 * 10)
    other = ",".join(["1"] * 256)
    text = tmx().replace('infinite="0"', 'infinite="1"').replace(
        encode([1] * 12, "csv"),
        f'<data encoding="csv"><chunk x="-16" y="0" width="16" height="16">{chunk}</chunk>'
        f'<chunk x="0" y="0" width="16" height="16">{other}</chunk></data>')
    text = text.replace('x="4" y="4"', 'x="4" y="20"')
    level = load_level(write(tmp_path, text))
    assert (level.width, level.height) == (29, 16)  # from x=-13 to 15, y 0..15
    assert level.layers[0].gids[5, 0] == 2 and level.solid[5, 0]
    spawn = level.objects_of("PlayerSpawn")[0]
    assert (spawn.x, spawn.y) == (4 + 13 * 16, 20)


def test_wrong_tile_size_is_refused_with_a_fix(tmp_path):
    with pytest.raises(MapError) as err:
        load_level(write(tmp_path, tmx().replace('tilewidth="16" tileheight="16" infinite',
                                                 'tilewidth="32" tileheight="32" infinite')))
    assert "32×32" in err.value.message and "16" in err.value.hint



def test_a_project_file_of_self_nesting_classes_cannot_blow_up(tmp_path):
    import json

    members = [{"name": f"m{i}", "type": "class", "propertyType": "Bomb", "value": {}}
               for i in range(50)]
    (tmp_path / "evil.tiled-project").write_text(json.dumps({"propertyTypes": [
        {"id": 1, "name": "Bomb", "type": "class", "members": members}]}))
    objects = ('<objectgroup id="2"><object id="1" type="PlayerSpawn" x="4" y="4"><properties>'
               '<property name="b" type="class" propertytype="Bomb"/></properties></object>'
               "</objectgroup>")  # 50 ** 8 values if expanded fully
    with pytest.raises(MapError) as err:  # refused by counting, not by a stopwatch
        load_level(write(tmp_path, tmx(objects=objects)))
    assert err.value.message == "class 'Bomb' expands to more than 10000 values"
    assert err.value.element == "object #1"
