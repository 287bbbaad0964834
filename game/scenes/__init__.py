"""Screens of the game: title, play, pause, results."""
