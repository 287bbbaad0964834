"""CLI subcommands, one module each: `add_parser(subparsers)` and `run(args) -> exit code`.

To add one, write a module here and list it in `SUBCOMMANDS`.
"""

SUBCOMMANDS = ("play", "bench", "verify", "replay", "splits", "check")
