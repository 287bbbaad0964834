"""Tiled maps → validated LevelData."""

from game.level.data import LevelData, LevelObject, Objective
from game.level.errors import MapError
from game.level.loader import load_level

__all__ = ["LevelData", "LevelObject", "MapError", "Objective", "load_level"]
