"""The campaign around the simulation: level order and story data (catalog), the
player's profile (progress, best times, medals), and the flow between screens.
Nothing here imports pygame; the scenes in game/scenes/ draw it."""
