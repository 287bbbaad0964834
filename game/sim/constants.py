"""Fixed numbers of the simulation: time step and the integer unit system.

Positions are integers in sub-pixels so that every rule is exact integer arithmetic:
no float rounding can ever make two runs of the same replay disagree.
"""

TICK_RATE = 60  # simulation ticks per second, fixed
TILE_PX = 16  # a tile is 16 pixels wide and high
SUBPX = 16  # sub-pixels per pixel
TILE = TILE_PX * SUBPX  # sub-pixels per tile (256)
