"""The `frontwatch` command: a thin Typer layer over the library.

Each group of commands lives in its own module (`cli_*.py`) and registers itself here, so the
commands stay small and the library does the work.
"""

from __future__ import annotations

import logging
import sys

import typer

from frontwatch import cli_articles, cli_evaluate, cli_extract, cli_geo, cli_serve, cli_store

app = typer.Typer(
    name="frontwatch",
    help="Conflict reporting to sourced, geocoded, ACLED-style event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (cli_extract, cli_geo, cli_store, cli_articles, cli_evaluate, cli_serve):
    module.register(app)


class _StderrLines(logging.Handler):
    """Library warnings ("warning: path: ...") as one stderr line each, written to whatever
    sys.stderr is at the time (a test runner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(self.format(record) + "\n")


def _show_warnings() -> None:
    logger = logging.getLogger("frontwatch")
    if not any(isinstance(h, _StderrLines) for h in logger.handlers):
        logger.addHandler(_StderrLines(logging.WARNING))


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("frontwatch")
        except PackageNotFoundError:  # running from a source tree that was never installed
            number = "unknown"
        typer.echo(f"frontwatch {number}")
        raise typer.Exit()


@app.callback()
def main(
    show_version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Conflict reporting to sourced, geocoded, ACLED-style event data."""
    _show_warnings()


if __name__ == "__main__":  # pragma: no cover
    app()
