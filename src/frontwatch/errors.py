"""The few exceptions frontwatch raises for bad input, each with a message a user can act on."""


class FrontwatchError(Exception):
    """Base class: the message is shown to the user as one line."""


class InputError(FrontwatchError):
    """An input file (or one line of it) cannot be read as an article."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class ConfigError(FrontwatchError):
    """A data file, gazetteer or database URL is unusable."""
