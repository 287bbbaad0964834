"""Corner assist: pressing straight into a one-tile gap (a bridge, a door) with the feet
off its middle (up to 13 px, while they still reach its edge) slides Elara into it, on
every campaign level's gaps; a plain wall or a wide gap never moves her sideways."""

from __future__ import annotations

import pytest

from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.sim import Simulation
from game.sim.commands import Move
from game.sim.constants import SUBPX, TILE
from game.sim.systems.movement import ASSIST_PX

LEVELS = sorted(p.name for p in CAMPAIGN_DIR.glob("*.tmx"))


def gap_entries(sim: Simulation):
    """(start tile, direction, end tile) for each way into a one-tile gap: the gap tile
    is walled on both sides across the way through, the two tiles before it are open."""
    g = sim.grid
    free = lambda x, y: not g.is_blocked(x, y)  # noqa: E731
    for y in range(g.height):
        for x in range(g.width):
            if not free(x, y):
                continue
            for dx, dy in ((0, 1), (0, -1), (1, 0), (-1, 0)):
                sx, sy = dy != 0, dx != 0  # the axis across the way through
                walled = g.is_blocked(x - sx, y - sy) and g.is_blocked(x + sx, y + sy)
                before = [(x - dx * k, y - dy * k) for k in (1, 2)]
                open_before = all(free(*t) and free(t[0] - sx, t[1] - sy)
                                  and free(t[0] + sx, t[1] + sy) for t in before)
                if walled and open_before and free(x + dx, y + dy):
                    yield before[1], (dx, dy), (x + dx, y + dy)


def test_every_campaign_level_has_gaps_to_walk_through():
    assert all(list(gap_entries(Simulation(load_level(CAMPAIGN_DIR / n)))) for n in
               ("01_scavengers_dawn.tmx", "03_the_mural.tmx", "05_the_coop.tmx"))


@pytest.mark.parametrize("name", LEVELS)
def test_elara_walks_straight_through_each_one_tile_gap(name):
    sim = Simulation(load_level(CAMPAIGN_DIR / name))
    _, pos = sim.player()
    entries = list(gap_entries(sim))
    for (tx, ty), (dx, dy), (ex, ey) in entries:
        for off in (-ASSIST_PX, -3, 3, ASSIST_PX):
            pos.x = tx * TILE + TILE // 2 + (off * SUBPX if dy else 0)
            pos.y = ty * TILE + TILE // 2 + (off * SUBPX if dx else 0)
            for _ in range(60):  # 4 tiles at 1.5 px a tick take ~43 ticks
                sim.step([Move(dx, dy)])
                if (pos.x // TILE, pos.y // TILE) == (ex, ey):
                    break
            assert (pos.x // TILE, pos.y // TILE) == (ex, ey), \
                f"{name}: stuck going {(dx, dy)} from {(tx, ty)} offset {off}px"


def test_without_a_gap_near_a_wall_still_stops_her():
    sim = Simulation(load_level(CAMPAIGN_DIR / "01_scavengers_dawn.tmx"))
    _, pos = sim.player()
    before = (pos.x, pos.y)
    g = sim.grid
    # walk up until something stops her; she must not pass through walls
    for _ in range(600):
        sim.step([Move(0, -1)])
    assert not g.is_blocked(pos.x // TILE, pos.y // TILE)
    assert pos.y < before[1]


BRIDGES = ((12, 23), (40, 23))  # level 2's one-tile bridges between the avenue and the south


def _press(sim: Simulation, start: tuple[int, int], dy: int, ticks: int,
           until: tuple[int, int] | None = None):
    """Elara's feet put at map pixel `start`, pressing straight up or down for `ticks`
    (or until she is on tile `until`); her position."""
    _, pos = sim.player()
    pos.x, pos.y = start[0] * SUBPX, start[1] * SUBPX
    for _ in range(ticks):
        sim.step([Move(0, dy)])
        if (pos.x // TILE, pos.y // TILE) == until:
            break
    return pos


@pytest.mark.parametrize("off", [8, 10, 12, 13, -8, -10, -12, -13])
@pytest.mark.parametrize("dy", [1, -1])
def test_level2_bridges_take_her_in_from_well_off_centre(campaign_sim, off, dy):
    # the playtest: 8-13 px off a bridge's middle, pressing straight at it, she missed
    sim = campaign_sim("02_shortages.tmx")
    for bx, by in BRIDGES:
        assert sim.grid.is_blocked(bx - 1, by) and sim.grid.is_blocked(bx + 1, by)
        start = (bx * 16 + 8 + off, (by - dy) * 16 + 8)  # the tile before, beside it
        pos = _press(sim, start, dy, 40, until=(bx, by + dy))
        assert (pos.x // TILE, pos.y // TILE) == (bx, by + dy), \
            f"bridge {(bx, by)} from {off:+} px, going {dy:+}: ended at {(pos.x, pos.y)}"


@pytest.mark.parametrize("dy", [1, -1])
def test_a_plain_wall_never_slides_her(campaign_sim, dy):
    sim = campaign_sim("02_shortages.tmx")
    for x_px in (26 * 16 + 8, 26 * 16 + 3, 12 * 16 + 8 + 14, 12 * 16 + 8 - 14):
        # no opening at all; and a bridge whose edge her feet do not reach (14 px off)
        start = (x_px, (23 - dy) * 16 + 8)
        pos = _press(sim, start, dy, 40)
        assert pos.x == x_px * SUBPX, f"slid sideways from x={x_px} going {dy:+}"
        assert pos.y // TILE == 23 - dy


def test_walking_through_a_wide_gap_never_pulls_her_sideways(campaign_sim):
    sim = campaign_sim("02_shortages.tmx")
    g = sim.grid
    assert not g.is_blocked(8, 20) and not g.is_blocked(9, 20) and g.is_blocked(7, 20)
    for off in range(-8, 9, 2):  # anywhere her feet fit in the two-tile gap
        x_px = 9 * 16 + off
        pos = _press(sim, (x_px, 19 * 16 + 8), 1, 30)  # 45 px: on to row 22
        assert pos.x == x_px * SUBPX and pos.y // TILE == 22
