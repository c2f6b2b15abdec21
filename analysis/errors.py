"""Typed errors. Each message names the file, row or parameter and what would be valid.

The CLI turns any ``TiesError`` into one line on stderr and exit code 2, and an OSError (disk
full, read-only, a file where a folder should be) into one line (:func:`describe_os_error`)
and exit code 1. In JupyterLab a cell that raises a ``TiesError`` shows that same one line
instead of a traceback (papermill still records the error).
"""


class TiesError(Exception):
    """Base class for mistakes a user can make (bad input, bad data, bad parameter)."""

    def _render_traceback_(self) -> list[str]:
        # IPython's hook for exceptions that know how to show themselves: one line, as on the
        # command line, since a traceback into the library says nothing about the user's mistake.
        return [f"{type(self).__name__}: {self}"]


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
