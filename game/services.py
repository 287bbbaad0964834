"""The services every screen shares, made in one place: `App.__init__` creates one
`Services` and screens reach it as `app.services`.

It holds the player's settings, the splits and personal bests, the campaign profile, the
LiveSplit link and the extra custom-map folders given on the command line. Each file is
loaded when first needed, so a damaged one is reported by the screen that uses it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.campaign.profile import Profile
from game.settings import SettingsStore
from game.speedrun.livesplit import Client, Driver
from game.speedrun.splits import SplitsStore


class Services:
    def __init__(self, data_dir: Path, custom_map_dirs: list[Path] | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.custom_map_dirs = list(custom_map_dirs or [])  # the Custom maps screen's
        self._settings: SettingsStore | None = None
        self._splits: SplitsStore | None = None
        self._profile: Profile | None = None
        self._link: tuple[tuple, Driver, Client | None] | None = None
        self._problems_shown = False

    @property
    def settings(self) -> SettingsStore:
        if self._settings is None:
            self._settings = SettingsStore(self.data_dir)
        return self._settings

    @property
    def splits(self) -> SplitsStore:
        if self._splits is None:
            self._splits = SplitsStore(self.data_dir)
        return self._splits

    @property
    def profile(self) -> Profile:
        if self._profile is None:
            self._profile = Profile(self.data_dir)
        return self._profile

    def reload_profile(self) -> Profile:
        """Read the profile from disk again (after another copy of the game wrote it)."""
        self._profile = None
        return self.profile

    # -- LiveSplit -----------------------------------------------------------------------
    def livesplit(self) -> Driver:
        """The LiveSplit driver, following the settings (off: commands go nowhere)."""
        s = self.settings.settings
        key = (s.livesplit, s.livesplit_host, s.livesplit_port)
        if self._link is not None and self._link[0] == key:
            return self._link[1]
        if self._link is not None and self._link[2] is not None:
            self._link[2].close()
        client = Client(s.livesplit_host, s.livesplit_port) if s.livesplit else None
        driver = Driver(client.send if client else (lambda _command: None))
        if client is not None:
            client.on_connect = driver.resync  # never replay a stale queue
        self._link = (key, driver, client)
        return driver

    def shutdown(self) -> None:
        """The game is quitting (Quit game, the window closed): LiveSplit resets a run in
        progress, and the last commands get a bounded moment to leave."""
        if self._link is None:
            return
        _, driver, client = self._link
        driver.reset()
        if client is not None:
            client.flush_and_close()

    @property
    def livesplit_client(self) -> Client | None:
        return self._link[2] if self._link else None

    def poll(self) -> None:
        """Once per frame: let the LiveSplit connection make progress (never blocks)."""
        if self._link is not None and self._link[2] is not None:
            self._link[2].poll()

    # -- start-up ------------------------------------------------------------------------
    def startup_problems(self) -> list[str]:
        """Problems found loading settings and splits, reported once (the title screen
        shows them and they go to stderr): a damaged file is never reset silently."""
        if self._problems_shown:
            return []
        self._problems_shown = True
        problems = self.settings.problems + [p for p in [self.splits.problem] if p]
        for line in problems:
            print(f"warning: {line}", file=sys.stderr)
        return problems
