"""LiveSplit: a fake LiveSplit Server on 127.0.0.1 checks the exact commands of a
two-level campaign run; the client never blocks and never breaks the game when
LiveSplit is absent or stops reading."""

from __future__ import annotations

import socket
import threading
import time

import pygame
import pytest
from runkit import autopilot, play_out, to_results, two_levels

from game.app import App
from game.level import load_level
from game.scenes.play import PlayScene
from game.speedrun.livesplit import MAX_QUEUE, UPDATE_TICKS, Client
from game.speedrun.run import Run
from game.speedrun.timer import livesplit_time


class FakeLiveSplit:
    """Accepts one client on an ephemeral loopback port and records its lines."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(10)
        self.port = self.server.getsockname()[1]
        self.data = b""
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            conn, _ = self.server.accept()
        except OSError:
            return
        conn.settimeout(10)
        with conn:
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.data += chunk

    def lines(self) -> list[str]:
        assert all(line.endswith(b"\r") for line in self.data.split(b"\n")[:-1])
        return [line.decode().rstrip("\r") for line in self.data.split(b"\n") if line]

    def close(self) -> None:
        self.server.close()
        self.thread.join(timeout=10)


@pytest.fixture
def app(tmp_path):
    application = App(tmp_path / "data", headless=True)
    yield application
    pygame.display.quit()


def flush(app, client: Client, rounds: int = 500) -> None:
    for _ in range(rounds):  # bounded: at most ~5 s
        app.services.poll()
        if client.connected and not client.queue and not client.out:
            return
        time.sleep(0.01)
    raise AssertionError(f"client did not flush: {client.status}")


def expected_setgametime(start: int, end: int) -> list[str]:
    """Periodic updates for IGT ticks start+1 .. end-1 (20 a second of IGT)."""
    return [f"setgametime {livesplit_time(t)}" for t in range(start + UPDATE_TICKS, end,
                                                              UPDATE_TICKS)]


START = ["starttimer", "alwayspausegametime", "switchto gametime",
         f"setgametime {livesplit_time(0)}"]


def connect_first(app, port: int) -> Client:
    """LiveSplit on and connected before the run starts (as when a runner sets up)."""
    settings = app.services.settings.settings
    settings.livesplit, settings.livesplit_host, settings.livesplit_port = \
        True, "127.0.0.1", port
    app.services.livesplit()
    client = app.services.livesplit_client
    flush(app, client)
    return client


def test_two_level_run_sends_the_exact_command_sequence(app, tmp_path):
    server = FakeLiveSplit()
    connect_first(app, server.port)
    levels = two_levels(tmp_path / "maps")
    run = Run.for_app(app, "campaign", levels)
    play = PlayScene(app, load_level(levels[0]), run=run)
    app.push(play)
    autopilot(play)
    play_out(app, play)
    t1 = play.sim.igt_ticks
    to_results(app).run_menu.next_level()
    play2 = app.scene
    autopilot(play2)
    play_out(app, play2)
    total = t1 + play2.sim.igt_ticks
    results = to_results(app)
    results.run_menu.restart_campaign()  # a new run: the finished one is reset first
    app.scene.run.abandon()  # quitting to the title resets LiveSplit too
    client = app.services.livesplit_client
    flush(app, client)
    client.close()
    server.close()
    expected = (START
                + expected_setgametime(0, t1)
                + [f"setgametime {livesplit_time(t1)}", "split"]
                + expected_setgametime(t1, total)
                + [f"setgametime {livesplit_time(total)}", "split"]
                + ["reset"] + START
                + ["reset"])
    assert server.lines() == expected


def test_absent_livesplit_never_blocks_or_breaks_the_game(app, tmp_path):
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens here now
    settings = app.services.settings.settings
    settings.livesplit, settings.livesplit_host, settings.livesplit_port = \
        True, "127.0.0.1", port
    levels = two_levels(tmp_path / "maps")
    play = PlayScene(app, load_level(levels[0]), run=Run.for_app(app, "practice", levels[:1]))
    app.push(play)
    autopilot(play)
    for _ in range(200):  # every frame runs; how long they take: bench livesplit figures
        app.frame(fixed_ticks=1)
    assert play.sim.tick == 200
    client = app.services.livesplit_client
    assert not client.connected
    for i in range(MAX_QUEUE * 3):
        client.send(f"setgametime {i}")
    assert len(client.queue) <= MAX_QUEUE


def test_reconnects_quietly_when_livesplit_appears(tmp_path):
    now = [0.0]
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    client = Client("localhost", port, clock=lambda: now[0])
    client.send("starttimer")
    for _ in range(100):  # the refusal arrives asynchronously
        client.poll()
        if client.sock is None:
            break
        time.sleep(0.01)
    assert not client.connected and client.sock is None
    server = socket.create_server(("127.0.0.1", port))
    server.settimeout(5)
    now[0] += 10  # past the retry delay
    for _ in range(200):
        client.poll()
        if client.connected and not client.queue and not client.out:
            break
        time.sleep(0.01)
    conn, _ = server.accept()
    conn.settimeout(5)
    assert conn.recv(100) == b"starttimer\r\n"
    conn.close()
    client.close()
    server.close()


def test_a_server_that_never_reads_cannot_stall_sending(tmp_path):
    server = socket.create_server(("127.0.0.1", 0))
    client = Client("127.0.0.1", server.getsockname()[1])
    client.poll()
    conn, _ = server.accept()  # accepted, never read
    line = "setgametime " + "9" * 1000
    for _ in range(MAX_QUEUE * 8):  # far more than the socket buffers hold: returns at
        client.send(line)  # all (a blocking send would hang here); speed: bench
    assert len(client.queue) <= MAX_QUEUE
    conn.close()
    client.close()
    server.close()


class ReopenableLiveSplit:
    """A LiveSplit that can be closed and started again on the same port."""

    def __init__(self) -> None:
        probe = socket.create_server(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.server: FakeLiveSplit | None = None

    def start(self) -> FakeLiveSplit:
        fake = FakeLiveSplit.__new__(FakeLiveSplit)
        fake.server = socket.create_server(("127.0.0.1", self.port))
        fake.server.settimeout(10)
        fake.port, fake.data = self.port, b""
        fake.thread = threading.Thread(target=fake._serve, daemon=True)
        fake.thread.start()
        self.server = fake
        return fake


def test_a_reconnect_drops_the_stale_queue_and_resyncs_the_run(app, tmp_path):
    """LiveSplit closed mid-run: what the game said meanwhile is never replayed (it would
    be phantom attempts); on reconnect LiveSplit gets the run as it is now."""
    live = ReopenableLiveSplit()
    first = live.start()
    client = connect_first(app, live.port)
    levels = two_levels(tmp_path / "maps")
    run = Run.for_app(app, "campaign", levels)
    play = PlayScene(app, load_level(levels[0]), run=run)
    app.push(play)
    autopilot(play)
    play_out(app, play)
    t1 = play.sim.igt_ticks
    to_results(app).run_menu.next_level()
    app.frame(fixed_ticks=30)
    flush(app, client)
    first.server.close()  # LiveSplit quits: the client notices on its next read
    client.close()
    client._fail("LiveSplit closed the connection, retrying")
    play2 = app.scene
    autopilot(play2)
    app.frame(fixed_ticks=90)  # played while LiveSplit is away: queued, never sent
    run.driver.reset()
    run.driver.run_started()  # even a reset and a new start while away
    app.frame(fixed_ticks=12)
    now = run.driver.now
    assert client.queue, "commands were queued while LiveSplit was away"
    second = live.start()
    client.next_try = 0.0
    flush(app, client)
    for _ in range(500):  # bounded: the server thread reads in its own time
        if second.data.count(b"\n") >= 6:
            break
        time.sleep(0.01)
    client.close()
    second.close()
    first.close()
    lines = second.lines()
    resync = ["reset"] + START + [f"setgametime {livesplit_time(now)}"]
    assert lines[:len(resync)] == resync, lines[:12]
    assert all(line.startswith("setgametime") for line in lines[len(resync):])
    assert t1 > 0


def test_quitting_the_game_or_closing_the_window_resets_livesplit(app, tmp_path):
    server = FakeLiveSplit()
    client = connect_first(app, server.port)
    levels = two_levels(tmp_path / "maps")
    play = PlayScene(app, load_level(levels[0]), run=Run.for_app(app, "practice", levels[:1]))
    app.push(play)
    app.frame(fixed_ticks=10)
    flush(app, client)
    pygame.event.post(pygame.event.Event(pygame.QUIT))  # the window's close button
    app.run()  # handles it, leaves the loop, shuts down
    server.close()
    assert server.lines()[-1] == "reset"
    assert server.lines()[:4] == START
