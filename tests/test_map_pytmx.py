"""Differential: for the encodings pytmx 3.32 can read, our layer decoding (tile ids and
flip bits) agrees with pytmx, an independent implementation."""

from __future__ import annotations

import numpy as np
import pytest
from hostile.build import encode, tmx

from game.level import load_level
from game.level.data import FLIP_D, FLIP_H, FLIP_V

pytestmark = pytest.mark.usefixtures("toy_maps")  # one mechanic or format, on tiny maps

pytestmark = pytest.mark.usefixtures("toy_maps")  # mechanics/format tests on tiny maps

pytmx = pytest.importorskip("pytmx")

GIDS = [1, 2 | FLIP_H, 3 | FLIP_V, 4 | FLIP_D, 1 | FLIP_H | FLIP_V, 0,
        2 | FLIP_H | FLIP_V | FLIP_D, 3, 4, 1 | FLIP_D, 2, 0]


def pytmx_gids(path) -> np.ndarray:
    tmx_map = pytmx.TiledMap(str(path))
    back = {0: 0}
    for key, value in tmx_map.imagemap.items():
        if isinstance(value, tuple):
            (tiled_gid, flags), (gid, _) = key, value
            back[gid] = tiled_gid | (FLIP_H if flags.flipped_horizontally else 0) | (
                FLIP_V if flags.flipped_vertically else 0) | (
                FLIP_D if flags.flipped_diagonally else 0)
    layer = tmx_map.layers[0]
    return np.vectorize(lambda g: back[int(g)], otypes=[np.uint32])(np.asarray(layer.data))


@pytest.mark.parametrize("encoding", ["csv", "base64", "zlib", "gzip"])  # pytmx: no xml/zstd
def test_layer_decoding_agrees_with_pytmx(tmp_path, encoding):
    path = tmp_path / "m.tmx"
    path.write_text(tmx(data=encode(GIDS, encoding)))
    ours = load_level(path).layers[0].gids
    assert ours.tolist() == pytmx_gids(path).tolist()
    assert ours.ravel().tolist() == GIDS
