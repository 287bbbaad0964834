"""Loading maps: valid ones become LevelData; bad ones raise MapError naming the file,
the element and the fix — never another exception."""

from __future__ import annotations

import pytest
from mapkit import write_map

from game.level import MapError, load_level

pytestmark = pytest.mark.usefixtures("toy_maps")  # one mechanic or format, on tiny maps

pytestmark = pytest.mark.usefixtures("toy_maps")  # mechanics/format tests on tiny maps


def test_grids_come_from_tile_properties(tmp_path):
    level = load_level(write_map(tmp_path, ["@.#", "P.."]))
    assert level.solid.tolist() == [[False, False, True], [False, False, False]]
    assert level.buildable.tolist() == [[False, False, False], [True, False, False]]
    assert level.title == "Test map" and level.seed == 7


def test_missing_file(tmp_path):
    with pytest.raises(MapError) as err:
        load_level(tmp_path / "nope.tmx")
    assert str(tmp_path / "nope.tmx") in str(err.value)
    assert "cannot read" in err.value.message


def test_broken_xml(tmp_path):
    path = tmp_path / "broken.tmx"
    path.write_text("<map><layer>")
    with pytest.raises(MapError, match="broken XML"):
        load_level(path)


def test_entities_are_refused(tmp_path):
    path = tmp_path / "lol.tmx"
    path.write_text('<?xml version="1.0"?><!DOCTYPE map [<!ENTITY a "aaaa">]><map>&a;</map>')
    with pytest.raises(MapError, match="DTD"):
        load_level(path)


def test_isometric_is_refused_with_a_fix(tmp_path):
    path = write_map(tmp_path, ["@."])
    path.write_text(path.read_text().replace('"orthogonal"', '"isometric"'))
    with pytest.raises(MapError) as err:
        load_level(path)
    assert "isometric" in err.value.message and "orthogonal" in err.value.hint


def test_huge_declared_size_is_refused_before_parsing_layers(tmp_path):
    path = write_map(tmp_path, ["@."])
    text = path.read_text().replace('width="2" height="1" tilewidth',
                                    'width="100000" height="100000" tilewidth')
    path.write_text(text)
    with pytest.raises(MapError, match="outside the limits"):
        load_level(path)


def test_no_spawn(tmp_path):
    with pytest.raises(MapError, match="exactly one PlayerSpawn"):
        load_level(write_map(tmp_path, ["..", ".."]))


def test_bad_waste_property_names_the_object(tmp_path):
    path = write_map(tmp_path, ["@o"])
    path.write_text(path.read_text().replace('value="organic"', 'value="plutonium"'))
    with pytest.raises(MapError) as err:
        load_level(path)
    assert 'object #2 "organic"' in err.value.element
    assert "kind" in err.value.message and "organic, polymer, alloy" in err.value.message


def test_missing_tileset(tmp_path):
    path = write_map(tmp_path, ["@."])
    (tmp_path / "test.tsx").unlink()
    with pytest.raises(MapError):
        load_level(path)


def test_spawn_inside_a_wall(tmp_path):
    path = write_map(tmp_path, ["#."])
    text = path.read_text().replace("</objectgroup>", '<object id="9" name="s" '
                                    'type="PlayerSpawn" x="4" y="4" width="8" height="8"/>'
                                    "</objectgroup>")
    path.write_text(text)
    with pytest.raises(MapError, match="solid tile"):
        load_level(path)
