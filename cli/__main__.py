"""``python -m cli``: the same as the ``wordlab`` console script."""

from cli.main import run

run()
