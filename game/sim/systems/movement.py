"""Elara walks: held direction → velocity, axis-separated collision against the tile grid."""

from __future__ import annotations

import esper

from game.sim.commands import Move
from game.sim.components import Player, Position
from game.sim.constants import FACING, SUBPX, TILE
from game.sim.grid import Grid
from game.sim.query import ordered
from game.sim.state import TickContext

# 181/256 ≈ 1/√2: diagonal steps keep the same speed, in integer arithmetic.
DIAGONAL_NUM, DIAGONAL_DEN = 181, 256
# Corner assist: pressing straight into a wall with a gap (a bridge, a door) no more
# than this far to the side slides Elara toward it, as top-down action games do. Her
# feet's width (10 px): she gets in while her feet still reach the opening's edge, up to
# 13 px off a one-tile gap's middle (with 6, playtesters 8-13 px off missed level 2's
# bridges again and again). A plain wall has nothing in reach, so it never slides her.
ASSIST_PX = 10
_ASSIST_OFFSETS = [s * px * SUBPX for px in range(1, ASSIST_PX + 1) for s in (-1, 1)]


def last_move(ctx: TickContext) -> Move | None:
    move = None
    for cmd in ctx.commands:
        if isinstance(cmd, Move):
            move = cmd
    return move


class MovementSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        move = last_move(ctx)
        dx, dy = (move.dx, move.dy) if move else (0, 0)
        speed = ctx.rules.player_speed
        if dx and dy:
            speed = speed * DIAGONAL_NUM // DIAGONAL_DEN
        hw = ctx.rules.hitbox_px[0] * SUBPX // 2
        hh = ctx.rules.hitbox_px[1] * SUBPX // 2
        for _, (player, pos) in ordered(Player, Position):
            player.moving = bool(dx or dy)
            if dx or dy:
                player.facing = FACING.get((dx, 0) if dx else (0, dy), player.facing)
            if dx and not dy:
                pos.y = _assist_y(ctx.grid, pos.x, pos.y, dx * speed, hw, hh, speed)
            if dy and not dx:
                pos.x = _assist_x(ctx.grid, pos.x, pos.y, dy * speed, hw, hh, speed)
            if dx:
                pos.x = _slide_x(ctx.grid, pos.x, pos.y, dx * speed, hw, hh)
            if dy:
                pos.y = _slide_y(ctx.grid, pos.x, pos.y, dy * speed, hw, hh)


def _assist_y(grid: Grid, x: int, y: int, delta: int, hw: int, hh: int, speed: int) -> int:
    """y nudged toward the nearest offset (within ASSIST_PX) where a blocked horizontal
    move of `delta` would go through; y unchanged when the move is free or no gap is near."""
    if _slide_x(grid, x, y, delta, hw, hh) == x + delta:
        return y
    for off in _ASSIST_OFFSETS:  # nearest first, up before down on a tie
        if (_slide_y(grid, x, y, off, hw, hh) == y + off
                and _slide_x(grid, x, y + off, delta, hw, hh) == x + delta):
            step = min(speed, abs(off))
            return y + (step if off > 0 else -step)
    return y


def _assist_x(grid: Grid, x: int, y: int, delta: int, hw: int, hh: int, speed: int) -> int:
    """The same for a blocked vertical move: x nudged toward the gap."""
    if _slide_y(grid, x, y, delta, hw, hh) == y + delta:
        return x
    for off in _ASSIST_OFFSETS:  # nearest first, left before right on a tie
        if (_slide_x(grid, x, y, off, hw, hh) == x + off
                and _slide_y(grid, x + off, y, delta, hw, hh) == y + delta):
            step = min(speed, abs(off))
            return x + (step if off > 0 else -step)
    return x


def _slide_x(grid: Grid, x: int, y: int, delta: int, hw: int, hh: int) -> int:
    nx = x + delta
    top, bottom = (y - hh) // TILE, (y + hh - 1) // TILE
    if delta > 0:
        col = (nx + hw - 1) // TILE
        if any(grid.is_blocked(col, row) for row in range(top, bottom + 1)):
            return col * TILE - hw
    else:
        col = (nx - hw) // TILE
        if any(grid.is_blocked(col, row) for row in range(top, bottom + 1)):
            return (col + 1) * TILE + hw
    return nx


def _slide_y(grid: Grid, x: int, y: int, delta: int, hw: int, hh: int) -> int:
    ny = y + delta
    left, right = (x - hw) // TILE, (x + hw - 1) // TILE
    if delta > 0:
        row = (ny + hh - 1) // TILE
        if any(grid.is_blocked(col, row) for col in range(left, right + 1)):
            return row * TILE - hh
    else:
        row = (ny - hh) // TILE
        if any(grid.is_blocked(col, row) for col in range(left, right + 1)):
            return (row + 1) * TILE + hh
    return ny
