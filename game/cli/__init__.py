"""The command line: `main.py` parses `python -m game [SUBCOMMAND] ...`; every other
module here is one subcommand with `add_parser(subparsers)` and `run(args) -> exit code`.

To add one, write a module here and list it in `SUBCOMMANDS`.
"""

SUBCOMMANDS = ("play", "bench", "verify", "replay", "splits", "check", "pack", "kit")


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m game` and the `reclaim2147` script."""
    from game.cli.main import main as run_main

    return run_main(argv)
