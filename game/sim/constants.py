"""Fixed numbers of the simulation: time step and the integer unit system.

Positions are integers in sub-pixels so that every rule is exact integer arithmetic:
no float rounding can ever make two runs of the same replay disagree.
"""

from game.level.data import TILE_PX  # pixels per tile, as in the map

TICK_RATE = 60  # simulation ticks per second, fixed
SUBPX = 16  # sub-pixels per pixel
TILE = TILE_PX * SUBPX  # sub-pixels per tile (256): in the sim, TILE is always this
# Sprite row for a unit step (dx, dy): 0 down, 1 left, 2 right, 3 up. Every walker uses it.
FACING = {(0, 1): 0, (-1, 0): 1, (1, 0): 2, (0, -1): 3}
