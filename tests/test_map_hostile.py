"""The hostile corpus (tests/hostile/): each malformed or malicious map is refused with
its exact message, as a MapError, in bounded memory, and `check` never shows a traceback."""

from __future__ import annotations

import tracemalloc

import pytest
from hostile.build import CORPUS, HERE

from game.level import MapError, load_level

pytestmark = pytest.mark.usefixtures("toy_maps")  # one mechanic or format, on tiny maps


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_file_is_current(name):
    assert (HERE / f"{name}.tmx").read_text(encoding="utf-8") == CORPUS[name][0], \
        "run: python tests/hostile/build.py"


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_hostile_map_gives_its_exact_message(name):
    _, element, message = CORPUS[name]
    path = HERE / f"{name}.tmx"
    tracemalloc.start()
    try:
        with pytest.raises(MapError) as err:
            load_level(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert err.value.message == message
    assert err.value.element == element
    assert err.value.file.endswith(f"{name}.tmx")
    assert err.value.format().startswith(f"{path}: error: ")
    # a bomb, a billion laughs or a huge declared size must not allocate what it asks for
    assert peak < 4 * 1024 * 1024, f"peak {peak} bytes"


def test_bombs_are_tiny_on_disk_and_huge_inside():
    for name in ("bomb_zlib", "bomb_gzip", "bomb_zstd"):
        assert (HERE / f"{name}.tmx").stat().st_size < 200_000  # 64 MiB of zeros inside


def test_symlink_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "outside"
    inside = tmp_path / "map"
    outside.mkdir()
    inside.mkdir()
    (outside / "t.tsx").write_text('<tileset name="t" tilewidth="16" tileheight="16" '
                                   'tilecount="1" columns="1"/>')
    (inside / "t.tsx").symlink_to(outside / "t.tsx")
    from hostile.build import tmx

    path = inside / "m.tmx"
    path.write_text(tmx(tileset=' <tileset firstgid="1" source="t.tsx"/>\n'))
    with pytest.raises(MapError, match="leads outside the map's folder"):
        load_level(path)
