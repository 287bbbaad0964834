import sys

from game.deps import problem

if said := problem(sys.executable):
    sys.stderr.write(said)
    raise SystemExit(1)

from game.cli import main  # noqa: E402

raise SystemExit(main())
