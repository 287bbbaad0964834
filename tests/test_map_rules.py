"""The walkability labelling behind the reachability rules agrees with a plain BFS, and
is fast enough for the largest map."""

from __future__ import annotations

from collections import deque

import numpy as np
import pytest

from game.level.rules import components


def bfs(solid: np.ndarray, start: tuple[int, int]) -> np.ndarray:
    h, w = solid.shape
    seen = np.zeros_like(solid)
    seen[start[1], start[0]] = True
    queue = deque([start])
    while queue:
        x, y = queue.popleft()
        for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if 0 <= nx < w and 0 <= ny < h and not solid[ny, nx] and not seen[ny, nx]:
                seen[ny, nx] = True
                queue.append((nx, ny))
    return seen


@pytest.mark.parametrize("seed", range(40))
def test_components_match_bfs(seed):
    rng = np.random.default_rng(seed)
    h, w = int(rng.integers(1, 30)), int(rng.integers(1, 30))
    solid = rng.random((h, w)) < rng.uniform(0.1, 0.6)
    labels = components(solid)
    assert ((labels == -1) == solid).all()
    for y, x in zip(*np.nonzero(~solid), strict=True):
        assert ((labels == labels[y, x]) == bfs(solid, (int(x), int(y)))).all()


def test_diagonal_gaps_do_not_connect():
    solid = np.array([[False, True], [True, False]])
    labels = components(solid)
    assert labels[0, 0] != labels[1, 1]


def test_largest_map_labels_every_open_tile():
    solid = np.random.default_rng(3).random((1024, 1024)) < 0.3
    labels = components(solid)  # its speed: bench walk_labels_ms_1024
    assert (labels[~solid] >= 0).all()
