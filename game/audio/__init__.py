"""Sound and music (pygame's mixer). `open_audio` once per app; `ui` plays a menu sound
from code that has no app at hand (the list widgets). See docs/ARCHITECTURE.md."""

from __future__ import annotations

from game.audio.mixer import Audio

_current: Audio | None = None


def open_audio(settings, enabled: bool = True) -> Audio:
    global _current
    if _current is not None:
        _current.close()
    _current = Audio(settings, enabled)
    return _current


def ui(name: str) -> None:
    """A menu sound (menu_move / menu_select / menu_back) on the open mixer, if any."""
    if _current is not None:
        _current.play(name)


def music_for_level(level) -> str:
    """The loop a level plays: the campaign's choice for its map, else by what the map
    holds (drone waves: tense; murals or districts: civic; otherwise calm)."""
    from game.campaign.catalog import entry_for_path

    entry = entry_for_path(level.path)
    chosen = getattr(entry, "music", "") if entry is not None else ""
    if chosen:
        return chosen
    classes = {o.cls for o in level.objects} if hasattr(level, "objects") else set()
    if classes & {"DroneSpawn", "WaveGroup"}:
        return "tense"
    if classes & {"MuralWall", "District"}:
        return "civic"
    return "calm"
