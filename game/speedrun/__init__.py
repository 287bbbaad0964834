"""Speedrun support around the simulation: timers, replay files and their verification,
splits (PB, golds, medals), LiveSplit export and LiveSplit's TCP server.

Nothing here imports pygame, so `verify` runs headless and fast; scenes draw what these
modules compute.
"""
