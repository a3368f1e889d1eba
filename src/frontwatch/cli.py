"""The `frontwatch` command: a thin Typer layer over the library.

Each group of commands lives in its own module (`cli_*.py`) and registers itself here, so the
commands stay small and the library does the work.
"""

from __future__ import annotations

import typer

from frontwatch import cli_evaluate, cli_extract, cli_geo, cli_store

app = typer.Typer(
    name="frontwatch",
    help="Conflict reporting to sourced, geocoded, ACLED-style event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (cli_extract, cli_geo, cli_store, cli_evaluate):
    module.register(app)


if __name__ == "__main__":  # pragma: no cover
    app()
