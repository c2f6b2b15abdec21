"""Typed errors. Each message names the file, row or parameter and what would be valid.

The CLI turns any ``TiesError`` into one line on stderr and exit code 2, and an OSError (disk
full, read-only, a file where a folder should be) into one line (:func:`describe_os_error`)
and exit code 1.
"""


class TiesError(Exception):
    """Base class for mistakes a user can make (bad input, bad data, bad parameter)."""


class DataError(TiesError):
    """A data file is missing, malformed, or breaks its sidecar's schema."""


class ArticleError(TiesError):
    """An article file is missing, empty or cannot be parsed."""


class ParameterError(TiesError):
    """A notebook or function parameter has an unknown name, wrong type or disallowed value."""


def describe_os_error(exc: OSError) -> str:
    """One line for an operating-system error: what went wrong, and on which path."""
    what = exc.strerror or str(exc) or type(exc).__name__
    paths = [p for p in (exc.filename, exc.filename2) if p is not None]
    return f"{what}: {' → '.join(str(p) for p in paths)}" if paths else what
