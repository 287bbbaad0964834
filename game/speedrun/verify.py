"""Re-simulate a replay headlessly and say whether it is what it claims to be.

Checks, in order: the file's structure and checksums (replay.from_bytes), the game
version and rules, the map (by SHA-256 of the map and its tilesets), the seed, then
every tick: a state hash every N ticks must match the recording, and the run must end
exactly on its last tick with the recorded outcome, IGT and final state hash.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from game.fileio import NotRegularFile, read_capped
from game.sim.constants import TICK_RATE
from game.sim.state import PLAYING
from game.speedrun.campaign import campaign_levels
from game.speedrun.maphash import MapHashError, map_digest
from game.speedrun.replay import (
    MAX_FILE_BYTES,
    Replay,
    ReplayError,
    from_bytes,
    game_version,
)
from game.speedrun.timefmt import format_ticks

UNREADABLE = "unreadable"  # exit code 2: the file itself could not be read


@dataclass
class Result:
    file: str
    valid: bool
    kind: str = "valid"
    message: str = ""
    hint: str = ""
    outcome: str = ""
    igt_ticks: int = 0
    ticks: int = 0
    map: str = ""
    seconds: float = 0.0
    header: dict = field(default_factory=dict)
    official_map: bool | None = None  # one of the shipped campaign maps, by content hash
    carry_out: dict | None = None  # what the end state hands the next level (--run)

    @property
    def category(self) -> str:
        return str(self.header.get("category", ""))

    @property
    def speed(self) -> float:
        """How many times faster than real time the re-simulation ran."""
        return (self.ticks / TICK_RATE) / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        if self.valid:
            return (f"{self.file}: valid outcome={self.outcome} igt={format_ticks(self.igt_ticks)}"
                    f" ticks={self.ticks} category={self.category}"
                    f" map={'official' if self.official_map else 'custom'}")
        hint = f" - {self.hint}" if self.hint else ""
        return f"{self.file}: not valid: {self.kind}: {self.message}{hint}"

    def to_json(self) -> dict:
        out = {"file": self.file, "valid": self.valid, "kind": self.kind,
               "category": self.header.get("category"), "official_map": self.official_map,
               "game_version": self.header.get("game_version"),
               "rules_sha256": self.header.get("rules_sha256"),
               "verifier_version": game_version()}
        if self.valid:
            out.update(outcome=self.outcome, igt_ticks=self.igt_ticks,
                       igt=format_ticks(self.igt_ticks), ticks=self.ticks, map=self.map,
                       seconds=round(self.seconds, 4), speed_x_realtime=round(self.speed, 1))
        else:
            out.update(message=self.message, hint=self.hint)
        if self.header:
            out["header"] = {k: v for k, v in self.header.items() if k != "map"} | {
                "map": {k: v for k, v in self.header["map"].items() if k != "files"}}
        return out


def read_replay(path: Path) -> Replay:
    """Load a replay file; ReplayError(kind=UNREADABLE) if it cannot be read at all."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ReplayError(UNREADABLE, "is a folder, not a replay file",
                              "give the path of a .rpl file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReplayError("not_a_replay", f"file is {size} bytes, over the "
                              f"{MAX_FILE_BYTES} byte limit for replays")
        data = read_capped(path, MAX_FILE_BYTES)  # a FIFO or device is never opened
    except NotRegularFile as exc:
        raise ReplayError(UNREADABLE, f"cannot read the file: it is {exc.strerror}",
                          "give the path of a .rpl file") from None
    except OSError as exc:
        raise ReplayError(UNREADABLE, f"cannot read the file ({exc.strerror or exc})",
                          "check the path") from None
    return from_bytes(data)


def find_map(header: dict, extra: list[Path]) -> Path:
    """The map this replay was recorded on: matched by content hash, not by name."""
    want = header["map"]["sha256"]
    name = header["map"].get("name", "?")
    candidates: list[Path] = []
    for p in extra:
        candidates += sorted(Path(p).glob("*.tmx")) if Path(p).is_dir() else [Path(p)]
    candidates += campaign_levels()
    # hashing reads the whole map as the loader does: try maps of the recorded name first
    candidates.sort(key=lambda p: p.name != name)
    same_name = None
    for path in candidates:
        try:
            digest = map_digest(path)
        except MapHashError:
            continue
        if digest.sha256 == want:
            return path
        if path.name == name and same_name is None:
            same_name = (path, digest)
    if same_name:
        path, digest = same_name
        recorded = {n: s for n, s in header["map"].get("files", [])}
        changed = [n for n, s in digest.files if recorded.get(n) != s] or [path.name]
        raise ReplayError("wrong_map", f"{path} is not the map this replay was recorded on "
                          f"(changed: {', '.join(changed)})",
                          "verify with the game version and map it was recorded with")
    raise ReplayError("wrong_map", f"no map matches {name!r} (sha256 {want[:12]}…)",
                      "pass the map with --map PATH")


def check_balance(header: dict, balance) -> None:
    """A replay made under other balance numbers is named so, table by table: it was not
    edited, it belongs to another build of the game."""
    if header["rules_sha256"] == balance.sha256:
        return
    tables = balance.differing(header.get("balance"))
    raise ReplayError("wrong_rules", "made with other balance rules "
                      f"({', '.join(tables) or 'unknown tables'}) than this game has",
                      "verify with the game build (rules.toml, drones.toml) that recorded it")


@cache
def official_maps() -> dict[str, str]:
    """sha256 -> file name of every map the game ships in its campaign."""
    out = {}
    for path in campaign_levels():
        try:
            out[map_digest(path).sha256] = path.name
        except MapHashError:
            continue
    return out


def check_category(header: dict, official: bool) -> None:
    """The category must fit the run: practice never carries; practice, story and
    campaign runs are on a shipped map (by content, never by name)."""
    from game.speedrun.record import carry_problem
    from game.speedrun.replay import CATEGORIES

    category = header["category"]
    if category not in CATEGORIES:
        raise ReplayError("wrong_category", f"unknown category {category!r}",
                          f"categories are {', '.join(CATEGORIES)}")
    problem = carry_problem(category, header.get("carry"))
    if problem:
        raise ReplayError("wrong_category", problem,
                          "a start with carry-in is a campaign segment or a story run")
    if category != "custom" and not official:
        name = header["map"].get("name", "?")
        raise ReplayError("wrong_category", f"{category} runs are for the shipped campaign "
                          f"maps; {name!r} is not one of them (its content differs from "
                          "every official map)", "runs on other maps verify as custom")


MAX_LEVEL_TICKS = 6 * 60 * 60 * TICK_RATE  # a level without a clock: 6 hours of play


def level_tick_limit(level) -> int:
    """The most ticks a run of `level` can take: its clock (plus a second) or 6 hours."""
    from game.sim.objectives.deliver import time_limit_ticks

    clock = time_limit_ticks(level)
    return clock + TICK_RATE if clock > 0 else MAX_LEVEL_TICKS


def check_bounds(replay: Replay, level) -> None:
    """Cheap checks before re-simulating: a run must be decided (won or lost) and no
    longer than the level allows, so a forged file cannot buy hours of simulation."""
    if replay.final["outcome"] == PLAYING:
        raise ReplayError("unfinished", "the run was never decided (outcome=playing): only "
                          "a won or lost run can be verified",
                          "save the replay when the level ends")
    limit = level_tick_limit(level)
    if len(replay.ticks) > limit:
        raise ReplayError("tampered", f"the log holds {len(replay.ticks)} ticks, more than "
                          f"this level allows ({limit})", "the command data was changed")


def check_replay(replay: Replay, level, balance=None,
                 at_end: Callable[[object], None] | None = None) -> tuple[str, int, int]:
    """Re-simulate; returns (outcome, igt_ticks, ticks) or raises ReplayError. The first
    state hash is compared after `interval` ticks (at most 10 s of play), every later one
    as soon as it is reached, and the run must be decided on its very last tick.
    `at_end` sees the finished simulation (verify --run reads its carry-out)."""
    from game.content.balance import DEFAULT_BALANCE
    from game.sim.world import Simulation

    check_bounds(replay, level)
    header = replay.header
    sim = Simulation(level, header["seed"], carry=header.get("carry"),
                     balance=balance or DEFAULT_BALANCE)
    try:
        interval, checks = replay.interval, replay.checkpoints
        if len(checks) != len(replay.ticks) // interval:
            raise ReplayError("tampered", f"{len(checks)} state hashes for "
                              f"{len(replay.ticks)} ticks (expected one per {interval})")
        for tick, commands in enumerate(replay.ticks, 1):
            if sim.outcome != PLAYING:
                raise ReplayError("tampered", f"the run was decided at tick {sim.tick} but "
                                  f"the log goes on to tick {len(replay.ticks)}")
            try:
                sim.step(commands)
            except Exception as exc:  # untrusted commands must never crash the verifier
                raise ReplayError("tampered", f"the simulation rejects the commands of tick "
                                  f"{tick} ({type(exc).__name__}: {exc})",
                                  "the command data was changed") from None
            if tick % interval == 0 and sim.state_hash() != checks[tick // interval - 1]:
                raise ReplayError(
                    "desync", f"desync at tick {tick}: the re-simulated state differs from "
                    f"the recording (last match at tick {tick - interval})",
                    "the commands were edited, or this game's simulation differs from the "
                    "one that recorded it")
        final = replay.final
        if sim.outcome == PLAYING:
            raise ReplayError("unfinished", f"the run is still undecided after its last tick "
                              f"({sim.tick}): a replay must end on the tick that decides it",
                              "the command data was cut short")
        got = (sim.outcome, sim.igt_ticks, sim.state_hash())
        want = (final["outcome"], final["igt_ticks"], final["state_sha256"])
        if got != want:
            what = [n for n, a, b in zip(("outcome", "IGT", "final state"), got, want,
                                         strict=True) if a != b]
            raise ReplayError("tampered", f"the re-simulated {' and '.join(what)} differ from"
                              f" the header (got outcome={got[0]} igt={got[1]} ticks)",
                              "the header or commands were edited")
        if at_end is not None:
            at_end(sim)
        return sim.outcome, sim.igt_ticks, sim.tick
    finally:
        sim.close()


def verify_file(path: Path, maps: list[Path] | None = None, balance=None) -> Result:
    """Verify one replay against this game's balance (or `balance`, for tests)."""
    from game.content.balance import DEFAULT_BALANCE
    from game.level import MapError, load_level

    balance = balance or DEFAULT_BALANCE

    res = Result(str(path), False)
    try:
        replay = read_replay(Path(path))
        header = replay.header
        res.header = header
        if header["game_version"] != game_version():
            raise ReplayError("wrong_version", f"recorded with game {header['game_version']}, "
                              f"this is {game_version()}",
                              "verify with the game version that recorded it")
        if header["tick_rate"] != TICK_RATE:
            raise ReplayError("wrong_version", f"recorded at {header['tick_rate']} ticks a "
                              f"second, this game runs {TICK_RATE}",
                              "verify with the game build that recorded it")
        check_balance(header, balance)
        map_path = find_map(header, list(maps or []))
        res.official_map = header["map"]["sha256"] in official_maps()
        check_category(header, res.official_map)
        try:
            level = load_level(map_path)
        except MapError as exc:
            raise ReplayError("wrong_map", exc.format()) from None
        if header["category"] != "custom" and header["seed"] != level.seed:
            raise ReplayError("wrong_seed", f"seed {header['seed']} is not the level's "
                              f"official seed {level.seed}",
                              f"{header['category']} runs use the official seed")
        start = time.perf_counter()
        res.outcome, res.igt_ticks, res.ticks = check_replay(replay, level, balance,
                                                             lambda sim: _keep_carry(res, sim))
        res.seconds = time.perf_counter() - start
        res.map = str(map_path)
        res.valid, res.kind = True, "valid"
    except ReplayError as exc:
        res.kind, res.message, res.hint = exc.kind, exc.message, exc.hint
    return res


def _keep_carry(res: Result, sim) -> None:
    from game.campaign.carry import carry_out

    res.carry_out = carry_out(sim)
