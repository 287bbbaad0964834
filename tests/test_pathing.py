"""The one BFS (game/sim/pathing.py) against a plain reference written the obvious way:
the vectorised search must give exactly its distances and labels, since collectors,
artisans and drones follow them and replays depend on every tie."""

from __future__ import annotations

import numpy as np

from game.sim.pathing import NEIGHBOURS, NO_LABEL, UNREACHED, Field, distance_fields


def reference(walk: np.ndarray, sources: list[tuple[int, int, int]]):
    """Level by level: a source tile is at 0 (walkable or not) with the lowest label
    put on it; a walkable tile first reached at step s gets s and the lowest label of
    the tiles of step s - 1 beside it."""
    h, w = walk.shape
    dist = np.full((h, w), UNREACHED, dtype=np.int64)
    label = np.full((h, w), NO_LABEL, dtype=np.int64)
    for x, y, lab in sources:
        if 0 <= x < w and 0 <= y < h:
            dist[y, x], label[y, x] = 0, min(int(label[y, x]), lab)
    frontier = {(x, y) for x, y, _ in sources if 0 <= x < w and 0 <= y < h}
    step = 0
    while frontier:
        step += 1
        reached: dict[tuple[int, int], int] = {}
        for x, y in frontier:
            for dx, dy in NEIGHBOURS:
                nx, ny = x + dx, y + dy
                if 0 <= nx < w and 0 <= ny < h and walk[ny, nx] and dist[ny, nx] == UNREACHED:
                    reached[nx, ny] = min(reached.get((nx, ny), int(NO_LABEL)),
                                          int(label[y, x]))
        for (x, y), lab in reached.items():
            dist[y, x], label[y, x] = step, lab
        frontier = set(reached)
    return dist, label


def random_case(rng: np.random.Generator):
    h, w = int(rng.integers(1, 45)), int(rng.integers(1, 45))
    walk = rng.random((h, w)) > rng.uniform(0.0, 0.6)
    # labels repeat, tiles repeat, some lie on walls or off the map
    sources = [(int(rng.integers(-2, w + 2)), int(rng.integers(-2, h + 2)),
                int(rng.integers(0, 9))) for _ in range(int(rng.integers(0, 14)))]
    return walk, sources


def test_field_equals_the_reference_on_random_grids():
    rng = np.random.default_rng(2147)
    for trial in range(300):
        walk, sources = random_case(rng)
        field = Field(walk, sources)
        dist, label = reference(walk, sources)
        assert np.array_equal(field.dist, dist), trial
        assert np.array_equal(field.label, label), trial


def test_distance_fields_equal_the_reference_for_every_mask():
    rng = np.random.default_rng(47)
    for trial in range(100):
        walk, _ = random_case(rng)
        other = rng.random(walk.shape) > 0.3
        sources = rng.random(walk.shape) > 0.97
        got = distance_fields([walk, other], sources)
        for mask, dist in zip((walk, other), got, strict=True):
            ys, xs = np.nonzero(sources & mask)  # sources on walls are ignored here
            want, _ = reference(mask, [(int(x), int(y), 0) for x, y in zip(xs, ys, strict=True)])
            assert np.array_equal(dist, want), trial


def test_a_maze_is_searched_to_its_end():
    """A long winding corridor: hundreds of steps with a frontier of one tile."""
    walk = np.zeros((21, 21), dtype=bool)
    walk[::2, :] = True
    walk[1::4, -1] = walk[3::4, 0] = True
    field = Field(walk, [(0, 0, 5)])
    dist, label = reference(walk, [(0, 0, 5)])
    assert np.array_equal(field.dist, dist) and np.array_equal(field.label, label)
    assert field.at(20, 20)[0] == int(walk.sum()) - 1


def test_the_search_scratch_shrinks_after_a_huge_map():
    """A 1000×1000 custom map needs 16 MB of claim marks; the next, small map must not
    keep them for the rest of the session."""
    from game.sim import pathing

    Field(np.ones((1000, 1000), dtype=bool), [(0, 0, 1)])
    assert pathing._IDS.nbytes >= 16_000_000
    Field(np.ones((30, 48), dtype=bool), [(0, 0, 1)])
    assert pathing._IDS.nbytes < 1_000_000
