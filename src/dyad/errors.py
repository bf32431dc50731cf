"""Domain errors that the CLI turns into clear messages. Nothing else lives here."""

from __future__ import annotations


class DyadError(Exception):
    """Base class of every error dyad reports to a user."""


class InputError(DyadError):
    """A file, or a part of one, that cannot be read; names the path and the problem."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(DyadError):
    """The database cannot be opened, is of a newer schema, or is not a dyad store."""
