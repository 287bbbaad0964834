"""Developer tools that ship beside the game but never run in it: the autopilots that
play levels for tests and screenshots, the benchmarks behind `python -m game bench`, and
the generated benchmark maps. Only the CLI's `bench` command imports this, lazily."""
