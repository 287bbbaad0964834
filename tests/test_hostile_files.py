"""Files beside a map that an attacker controls: FIFOs, devices, PNG bombs, damaged
images, nested references. Each is refused with its exact message (or ignored with a
warning), without hanging, and the map hash reads only what the loader read."""

from __future__ import annotations

import threading

import pytest
from hostile.build import EXTERNAL, SCENES, TSX, _map, _write, png

from game.fileio import FileTooLarge, NotRegularFile, read_capped
from game.level.errors import ERROR, WARNING
from game.level.loader import inspect_map
from game.speedrun.maphash import MapHashError, level_digest, map_digest


def _inspect(path, seconds: float = 30.0):
    """inspect_map in a thread: a FIFO that is opened would block it for ever."""
    out: list = []
    worker = threading.Thread(target=lambda: out.append(inspect_map(path)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"reading {path} hangs"
    return out[0]


@pytest.mark.parametrize("name", sorted(SCENES))
def test_each_hostile_scene_is_refused_or_ignored(name, tmp_path):
    build, element, message = SCENES[name]
    level, problems = _inspect(build(tmp_path))
    errors = [p for p in problems if p.severity == ERROR]
    if message:
        assert level is None
        assert [(p.element, p.message) for p in errors][:1] == [(element, message)]
    else:
        assert level is not None, [p.format() for p in errors]


@pytest.mark.parametrize("name", ["fifo_project", "devzero_project"])
def test_an_unreadable_project_file_is_a_warning(name, tmp_path):
    level, problems = _inspect(SCENES[name][0](tmp_path))
    assert level is not None
    notes = [p.message for p in problems if p.severity == WARNING and p.element == "project"]
    assert notes and "not a regular file; its custom types are not used" in notes[0]


def test_read_capped_refuses_devices_fifos_and_big_files(tmp_path):
    import os

    with pytest.raises(NotRegularFile, match="a device"):
        read_capped("/dev/zero", 1024)
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(NotRegularFile, match="FIFO"):
        read_capped(tmp_path / "pipe", 1024)  # would block for ever if opened plainly
    (tmp_path / "big").write_bytes(bytes(2048))
    with pytest.raises(FileTooLarge):
        read_capped(tmp_path / "big", 1024)
    assert read_capped(tmp_path / "big", 2048) == bytes(2048)
    with pytest.raises(NotRegularFile, match="folder"):
        read_capped(tmp_path, 1024)


def test_map_hash_ignores_a_nested_tileset_the_loader_ignores(tmp_path):
    """A <tileset source="/dev/zero"> inside a .tsx: the old hasher followed it and read
    /dev/zero until memory ran out. Now the hash is over what the loader read."""
    path = SCENES["nested_tileset_in_tsx"][0](tmp_path)
    level, _ = _inspect(path)
    digest = map_digest(path)
    assert digest == level_digest(level)
    assert [name for name, _ in digest.files] == ["m.tmx", "t.tsx"]


def test_map_hash_refuses_what_the_loader_refuses(tmp_path):
    _write(tmp_path, "ok.png", png(32, 32))
    path = _map(tmp_path, EXTERNAL.replace("t.tsx", "/dev/zero"))
    with pytest.raises(MapHashError, match="is absolute"):
        map_digest(path)
    path = _map(tmp_path, EXTERNAL.replace("t.tsx", "../../../../../dev/zero"))
    with pytest.raises(MapHashError, match="leads outside"):
        map_digest(path)


def test_map_hash_covers_the_project_file_of_the_map_folder(tmp_path):
    _write(tmp_path, "ok.png", png(32, 32))
    _write(tmp_path, "t.tsx", TSX)
    path = _map(tmp_path, EXTERNAL)
    before = map_digest(path)
    _write(tmp_path, "x.tiled-project", '{"propertyTypes": []}')
    after = map_digest(path)
    assert before.sha256 != after.sha256
    assert [n for n, _ in after.files] == ["m.tmx", "x.tiled-project", "t.tsx"]


def test_verify_is_not_stopped_by_a_hostile_map_in_the_data_dir(tmp_path):
    """`verify` scans the data dir's maps/ first: a map there whose tileset is a FIFO or
    whose .tsx nests /dev/zero must not stop a genuine replay from verifying."""
    from pathlib import Path

    from game.speedrun.verify import verify_file

    maps = tmp_path / "maps"
    maps.mkdir()
    for name in ("fifo_tsx", "nested_tileset_in_tsx", "png_bomb_declared_small"):
        folder = maps / name
        folder.mkdir()
        SCENES[name][0](folder).rename(maps / f"{name}.tmx")
        for f in folder.iterdir():  # keep companions next to the moved map
            f.rename(maps / f.name)
    golden = Path(__file__).parent / "replays" / "01_scavengers_dawn.rpl"
    out: list = []
    worker = threading.Thread(target=lambda: out.append(verify_file(golden, [maps])),
                              daemon=True)
    worker.start()
    worker.join(300)
    assert not worker.is_alive()
    assert out[0].valid, out[0].line()


def test_the_renderer_refuses_a_bomb_swapped_in_after_check(tmp_path):
    """A PNG replaced by a bomb (or a FIFO) between `check` and drawing: the image loader
    checks again, and TileImages draws nothing for it instead of crashing or hanging."""
    import os

    from game.render.images import ImageRefused, load_image

    (tmp_path / "bomb.png").write_bytes(png(50000, 50000))
    with pytest.raises(ImageRefused, match="50000×50000"):
        load_image(tmp_path / "bomb.png")
    os.mkfifo(tmp_path / "pipe.png")
    with pytest.raises(ImageRefused, match="FIFO"):
        load_image(tmp_path / "pipe.png")
    (tmp_path / "ok.png").write_bytes(png(32, 16))
    assert load_image(tmp_path / "ok.png").get_size() == (32, 16)
