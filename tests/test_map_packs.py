"""Map packs: made from scratch, checked and zipped (`pack DIR`), installed from the zip
into a fresh data dir (`pack --install`), listed on the Custom maps screen and won.
Hostile archives are refused with a message and leave the maps folder as it was."""

from __future__ import annotations

import io
import json
import shutil
import stat
import zipfile

import pytest
from packkit import make_pack
from tiledcli import NEED, export_map

from game.cli.main import main
from game.level.loader import load_level
from game.packs.archive import MAX_FILE, PackError, install_zip
from game.packs.manifest import read_pack


def zip_bytes(entries: dict[str, bytes], links: tuple[str, ...] = ()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            if name in links:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, data)
    return buf.getvalue()


def test_new_pack_checked_zipped_installed_listed_and_won(tmp_path, capsys):
    from game.app import App
    from game.dev.bot import play_to_win
    from game.scenes.custom_maps import CustomMapsScene
    from game.sim.world import Simulation

    folder = make_pack(tmp_path / "author" / "maps")
    assert main(["check", str(folder)]) == 0
    assert main(["check", str(folder.parent)]) == 0  # the maps folder: its packs too
    assert capsys.readouterr().out.count(": ok (") == 4
    assert main(["pack", str(folder), "--out", str(tmp_path / "gc.zip")]) == 0
    out = capsys.readouterr().out
    assert "gc.zip: 5 files, 2 maps" in out
    names = zipfile.ZipFile(tmp_path / "gc.zip").namelist()
    assert sorted(names) == ["green-corners/ana.png", "green-corners/gate_garden.tmx",
                             "green-corners/pack.toml", "green-corners/story.toml",
                             "green-corners/the_yard.tmx"]  # no kit: every game has it

    data = tmp_path / "player"
    assert main(["--data-dir", str(data), "pack", "--install", str(tmp_path / "gc.zip")]) == 0
    assert "installed 'Green Corners' (2 maps)" in capsys.readouterr().out
    installed = data / "maps" / "green-corners"
    assert (data / "maps" / "kit" / "tilesets" / "city.tsx").is_file()

    app = App(data, headless=True)
    screen = CustomMapsScene(app)
    app.push(screen)
    assert screen.scanner.wait(120)
    rows = [(r.title, r.is_pack, r.pack) for r in screen.rows]
    assert rows == [("Green Corners", True, ""), ("Gate Garden", False, "Green Corners"),
                    ("The Yard", False, "Green Corners")]
    assert screen.rows[0].description.startswith("Two small gardens")
    assert screen.rows[1].description == "Hedges, a gate and two plots: grow 5 biomass."
    screen.index = 1
    app.frame(fixed_ticks=0)  # draws the list and the thumbnail drawn from the map
    assert screen.thumbs[screen.rows[1].path] is not None

    for name in ("gate_garden.tmx", "the_yard.tmx"):
        sim = Simulation(load_level(installed / name))
        play_to_win(sim, nodes_wanted=1)  # the autopilot, through commands like a player
        assert sim.outcome == "won", name


def test_pack_with_errors_is_not_zipped(tmp_path, capsys):
    folder = make_pack(tmp_path / "maps")
    text = (folder / "the_yard.tmx").read_text().replace('value="6"', 'value="60"')
    (folder / "the_yard.tmx").write_text(text)
    assert main(["pack", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "the map holds 12 organic waste, but the objective needs 60" in out
    assert "not zipped" in out and not list(tmp_path.glob("maps/*.zip"))


def test_pack_manifest_problems(tmp_path):
    folder = make_pack(tmp_path / "maps")
    (folder / "pack.toml").write_text('title = ""\nmaps = ["gate_garden.tmx", "../x.tmx", '
                                      '"gone.tmx"]\nstory = "none.toml"\ncolour = 3\n')
    pack = read_pack(folder)
    messages = {p.message for p in pack.problems}
    assert "the pack has no title" in messages
    assert "map path '../x.tmx' leads outside the map's folder" in messages
    assert "map 'gone.tmx' not found" in messages
    assert "story file 'none.toml' not found" in messages
    assert "unknown key 'colour'" in messages
    assert "the_yard.tmx is in the folder but not in maps, so it is not played" in messages
    assert [p.name for p in pack.maps] == ["gate_garden.tmx"]


@pytest.mark.parametrize(("entries", "links", "message"), [
    ({"../evil/pack.toml": b'title = "x"'}, (), "points outside the pack's folder"),
    ({"/etc/pack.toml": b'title = "x"'}, (), "points outside the pack's folder"),
    ({"p/C:/x.tmx": b""}, (), "points outside the pack's folder"),
    ({"p/pack.toml": b'title = "x"', "p/link.tmx": b"/etc/passwd"}, ("p/link.tmx",),
     "is a link"),
    ({"p/pack.toml": b'title = "x"', "p/run.sh": b"rm -rf ~"}, (), "not a file a map pack"),
    ({"a/pack.toml": b'title = "x"', "b/m.tmx": b""}, (), "exactly one folder"),
    ({"p/m.tmx": b""}, (), "has no pack.toml"),
    ({"pack.toml": b'title = "x"'}, (), "must sit in one folder"),
    ({"kit/pack.toml": b'title = "x"'}, (), "may not be called 'kit'"),
    ({"p/pack.toml": b"title = [", "p/m.tmx": b""}, (), "its pack.toml is broken"),
    ({"p/pack.toml": b'title = "x"', "p/M.tmx": b"", "p/m.tmx": b""}, (), "twice"),
])
def test_hostile_archives_are_refused_and_change_nothing(tmp_path, entries, links, message):
    archive = tmp_path / "bad.zip"
    archive.write_bytes(zip_bytes(entries, links))
    maps = tmp_path / "maps"
    (maps / "mine").mkdir(parents=True)
    (maps / "mine" / "keep.tmx").write_text("mine")
    with pytest.raises(PackError, match=message):
        install_zip(archive, maps)
    assert sorted(p.name for p in maps.iterdir()) == ["mine"]  # no staging left behind
    assert (maps / "mine" / "keep.tmx").read_text() == "mine"


def test_bomb_and_lying_headers_are_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("p/pack.toml", 'title = "x"')
        zf.writestr("p/big.tmx", b"\0" * (MAX_FILE + 1))
    (tmp_path / "bomb.zip").write_bytes(buf.getvalue())
    assert len(buf.getvalue()) < 100_000
    with pytest.raises(PackError, match="unpacks to"):
        install_zip(tmp_path / "bomb.zip", tmp_path / "maps")
    # a header that claims a small size for a big file: caught while reading
    data = bytearray(buf.getvalue())
    real = (MAX_FILE + 1).to_bytes(4, "little")
    data = data.replace(real, (100).to_bytes(4, "little"))
    (tmp_path / "liar.zip").write_bytes(bytes(data))
    with pytest.raises(PackError):
        install_zip(tmp_path / "liar.zip", tmp_path / "maps2")
    assert not (tmp_path / "maps2" / "p").exists()


def test_not_a_zip_and_missing_file(tmp_path, capsys):
    (tmp_path / "x.zip").write_text("hello")
    assert main(["--data-dir", str(tmp_path), "pack", "--install",
                 str(tmp_path / "x.zip")]) == 1
    assert "not a zip archive" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "pack", "--install",
                 str(tmp_path / "none.zip")]) == 2


def test_update_replaces_an_installed_pack(tmp_path):
    folder = make_pack(tmp_path / "author")
    from game.packs.archive import build_zip

    built = build_zip(folder, tmp_path / "v1.zip")
    maps = tmp_path / "player"
    install_zip(built.zip_path, maps)
    (folder / "pack.toml").write_text((folder / "pack.toml").read_text().replace(
        'version = "1.0"', 'version = "1.1"'))
    built = build_zip(folder, tmp_path / "v2.zip")
    pack = install_zip(built.zip_path, maps)
    assert pack.version == "1.1"
    assert sorted(p.name for p in maps.iterdir()) == ["green-corners"]


def test_kit_is_usable_from_inside_a_pack_but_not_further(tmp_path):
    folder = make_pack(tmp_path / "maps")
    level = load_level(folder / "gate_garden.tmx")
    assert level.tilesets[0].image == (tmp_path / "maps/kit/tilesets/city.png").resolve()
    deeper = folder / "sub"
    deeper.mkdir()
    text = (folder / "the_yard.tmx").read_text().replace("../kit/", "../../kit/")
    (deeper / "y.tmx").write_text(text)
    from game.level.loader import inspect_map

    _, problems = inspect_map(deeper / "y.tmx")
    assert "leads outside the map's folder" in problems[0].message


@NEED
def test_pack_maps_resaved_by_tiled_as_tmx_and_tmj_still_check(tmp_path):
    folder = make_pack(tmp_path / "maps")
    for name in ("gate_garden", "the_yard"):
        src = folder / f"{name}.tmx"
        export_map(src, src, fmt="tmx")  # Tiled's own writing of the same map
        export_map(src, folder / f"{name}.tmj")
        assert json.loads((folder / f"{name}.tmj").read_text())["type"] == "map"
        a, b = load_level(src), load_level(folder / f"{name}.tmj")
        assert a.objects == b.objects and (a.solid == b.solid).all()


def test_install_kit_keeps_the_map_makers_changes(tmp_path):
    from game.level.kit_install import install_kit

    first = install_kit(tmp_path)
    assert "tilesets/city.tsx" in first.written and first.kept == []
    tsx = tmp_path / "kit" / "tilesets" / "city.tsx"
    mine = tsx.read_text().replace('name="city"', 'name="city (mine)"')
    tsx.write_text(mine)
    again = install_kit(tmp_path)
    assert tsx.read_text() == mine  # never overwritten
    assert again.kept == ["kept your changed kit/tilesets/city.tsx; the game's new version "
                          "is beside it as city.tsx.kit-new"]
    assert (tmp_path / "kit" / "tilesets" / "city.tsx.kit-new").is_file()
    # an untouched file from an older kit is updated
    tx = tmp_path / "kit" / "templates" / "trigger.tx"
    record = json.loads((tmp_path / "kit" / ".installed.json").read_text())
    old = b"<template/>\n"
    tx.write_bytes(old)
    import hashlib

    record["templates/trigger.tx"] = hashlib.sha256(old).hexdigest()
    (tmp_path / "kit" / ".installed.json").write_text(json.dumps(record))
    third = install_kit(tmp_path)
    assert third.written == ["templates/trigger.tx"] and tx.read_bytes() != old


def test_kit_command_installs_into_a_folder(tmp_path, capsys):
    assert main(["kit", str(tmp_path / "mymaps")]) == 0
    kit = tmp_path / "mymaps" / "kit"
    assert (kit / "reclaim.tiled-project").is_file()
    assert (kit / "extensions" / "reclaim.js").is_file()
    project = json.loads((kit / "reclaim.tiled-project").read_text())
    assert project["extensionsPath"] == "extensions"
    assert "kit installed in" in capsys.readouterr().out


@NEED
def test_kit_tileset_has_wang_sets_tiled_reads(tmp_path):
    from tiledcli import export_tileset

    from game.level.kit_install import install_kit

    install_kit(tmp_path)
    out = export_tileset(tmp_path / "kit/tilesets/city.tsx", tmp_path / "city.tsj")
    raw = json.loads(out.read_text())
    sets = {w["name"]: w for w in raw["wangsets"]}
    assert set(sets) == {"Grass and paving", "Grass and water"}
    paving = sets["Grass and paving"]
    assert [c["name"] for c in paving["colors"]] == ["Grass", "Paving"]
    by_tile = {t["tileid"]: t["wangid"] for t in paving["wangtiles"]}
    assert by_tile[40] == [0, 1, 0, 1, 0, 1, 0, 1]  # grass all round
    assert by_tile[41] == [0, 2, 0, 1, 0, 1, 0, 2]  # lip north: paving at both top corners
    assert by_tile[43] == [0, 2, 0, 2, 0, 1, 0, 2]  # lips north and east
    assert 45 not in by_tile  # lips north and south: all corners paving, left out
    assert by_tile[4] == [0, 2, 0, 2, 0, 2, 0, 2]
    # the campaign's own tileset is untouched (its golden replays hash it)
    from game.paths import MAPS_DIR

    assert "wangset" not in (MAPS_DIR / "tilesets" / "city.tsx").read_text()
    shutil.rmtree(tmp_path / "kit")
