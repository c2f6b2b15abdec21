"""Typed errors. Each message names the file, row or parameter and what would be valid.

The CLI turns any ``TiesError`` into one line on stderr and exit code 2.
"""


class TiesError(Exception):
    """Base class for mistakes a user can make (bad input, bad data, bad parameter)."""


class DataError(TiesError):
    """A data file is missing, malformed, or breaks its sidecar's schema."""


class ArticleError(TiesError):
    """An article file is missing, empty or cannot be parsed."""


class ParameterError(TiesError):
    """A notebook or function parameter has an unknown name, wrong type or disallowed value."""
