"""Each notebook's parameter contract: names, types, defaults and allowed values.

Declared once here, and checked here only: ``ties render`` and ``ties batch`` call
:func:`validate` before any kernel starts, and each notebook's first code cell calls it again with
the values it holds, so the same mistake gives the same one-line message on the command line,
under papermill and in JupyterLab. The notebooks' ``parameters`` cells are written from the
contract (:func:`parameters_cell`: typed, with the help as a comment, so
``papermill --help-notebook`` shows them). Also the vocabulary around parameters: which differ
from the defaults (:func:`non_defaults`, naming report folders and index rows), the rows of a
report's parameters box (:func:`parameter_rows`) and ``ties render NOTEBOOK --help``
(:func:`help_text`).

Types: ``str``, ``int``, ``path`` (a file path, or None for the default), ``iso3`` (one code),
``iso3_list`` (a list of codes), ``fiscal_year`` (``FY2023-24``), ``year`` (calendar year, int),
``choice`` (one of ``choices``).
``choices`` names a function ``"module:function"`` returning the allowed values, read from the data
when a check needs them (so adding a partner to data/ needs no change here).
"""

from __future__ import annotations

import importlib
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from analysis import NOTEBOOKS_DIR
from analysis.countries import is_iso3
from analysis.errors import ParameterError
from analysis.fiscal import fy_start, is_fy_label
from analysis.provenance import relative_to_root


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: Any
    help: str
    choices: str | None = None


CONTRACTS: dict[str, tuple[Param, ...]] = {
    "article_brief": (
        Param("article", "path", None,
              "article text file (UTF-8); None means the seed article in seeds/"),
    ),
    "trade_imbalance": (
        Param("partner", "iso3", "RUS", "trade partner, ISO 3166 alpha-3",
              choices="analysis.trade:available_partners"),
        Param("reporter", "iso3", "IND", "reporting country, ISO 3166 alpha-3",
              choices="analysis.trade:available_reporters"),
        Param("fy_from", "fiscal_year", "FY2017-18", "first Indian fiscal year (April–March)",
              choices="analysis.trade:available_fiscal_years"),
        Param("fy_to", "fiscal_year", "FY2025-26", "last Indian fiscal year (April–March)",
              choices="analysis.trade:available_fiscal_years"),
        Param("top_n", "int", 10, "number of HS chapters shown in composition tables"),
        Param("compare_with", "iso3_list", ["CHN", "USA", "ARE", "SAU"],
              "comparison partners, ISO 3166 alpha-3",
              choices="analysis.trade:available_partners"),
        Param("article", "path", None,
              "article whose trade claims are checked; None means the seed article in seeds/"),
    ),
    "diplomatic_positioning": (
        Param("country", "iso3", "IND", "country whose position is measured, ISO alpha-3",
              choices="analysis.diplomacy:available_countries"),
        Param("counterparts", "iso3_list", ["RUS", "USA", "CHN"],
              "countries compared with, ISO alpha-3",
              choices="analysis.diplomacy:available_countries"),
        Param("year_from", "year", 1992, "first calendar year of the UNGA roll-call panel"),
        Param("year_to", "year", 2019, "last calendar year (the roll-call panel ends in 2019)"),
        Param("resolutions", "choice", "ukraine", "named set of resolutions",
              choices="analysis.diplomacy:available_resolution_sets"),
        Param("article", "path", None,
              "article whose vote and grouping claims are checked; None means the seed article"),
    ),
}


# --- checking values against the declarations -------------------------------------------------

TYPES = ("str", "int", "year", "fiscal_year", "iso3", "iso3_list", "path", "choice")
_SHOWN = 40  # allowed values listed in one error line before it is cut short


def contract(notebook: str) -> tuple[Param, ...]:
    """The declared parameters of ``notebook`` (its name, e.g. ``"trade_imbalance"``).

    Raises ParameterError naming the notebooks that have a contract.
    """
    if notebook not in CONTRACTS:
        raise ParameterError(
            f"no parameter contract for notebook {notebook!r}; "
            f"declared: {', '.join(sorted(CONTRACTS))}"
        )
    return CONTRACTS[notebook]


def resolve_notebook(spec: str | Path) -> Path:
    """The notebook file for a name (``trade_imbalance``) or a path (``notebooks/x.ipynb``)."""
    text = str(spec)
    if text.endswith(".ipynb") or os.sep in text:
        path = Path(text).expanduser()
        if not path.is_file():
            raise ParameterError(f"{text}: no such notebook file")
        return path.resolve()
    path = NOTEBOOKS_DIR / f"{text}.ipynb"
    if not path.is_file():
        known = sorted(p.stem for p in NOTEBOOKS_DIR.glob("*.ipynb"))  # none if no folder
        raise ParameterError(
            f"no notebook named {text!r} in {relative_to_root(NOTEBOOKS_DIR)}/; "
            f"available: {', '.join(known) or '(none)'}"
        )
    return path.resolve()


def defaults(notebook: str) -> dict[str, Any]:
    """``{name: default}`` for every declared parameter of ``notebook``."""
    return {p.name: p.default for p in contract(notebook)}


def allowed_values(param: Param) -> list | None:
    """The values ``param`` may take, read from the data through its ``choices`` function.

    None when the parameter has no list, or the function is not available (yet).
    """
    if not param.choices:
        return None
    if _memo is not None and param.choices in _memo:
        return _memo[param.choices]
    values = _call_choices(param)
    if _memo is not None:
        _memo[param.choices] = values
    return values


_memo: dict[str, list | None] | None = None  # allowed values read once per validate() call


def _call_choices(param: Param) -> list | None:
    module_name, _, func_name = param.choices.partition(":")
    try:
        func = getattr(importlib.import_module(module_name), func_name)
    except (ImportError, AttributeError):
        return None
    return [v.item() if hasattr(v, "item") else v for v in func()]  # numpy scalars → plain


def validate(notebook: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Check and type the parameters given for ``notebook``; return every parameter's value.

    ``raw`` maps names to ``name=value`` strings from the command line, or to values already
    typed as reports.yml or a notebook holds them (``["CHN", "USA"]``, ``10``, ``None`` for the
    default path). Missing names take their declared default. Raises ParameterError (one line,
    naming what is allowed) on an unknown name, a wrong type or a disallowed value: the same
    message for the same mistake, whichever way the value came. A notebook's first code cell::

        from analysis import params
        params.validate("trade_imbalance", dict(partner=partner, reporter=reporter, ...))
    """
    params = contract(notebook)
    by_name = {p.name: p for p in params}
    for key in raw:
        if key not in by_name:
            raise ParameterError(
                f"{notebook}: unknown parameter {key!r}; "
                f"parameters: {', '.join(by_name) or '(none)'}"
            )
    values = {p.name: p.default for p in params}
    with remembering(_memo if _memo is not None else {}):
        for key, value in raw.items():
            values[key] = parse_value(notebook, by_name[key], value)
    _check_ranges(notebook, values)
    return values


@contextmanager
def remembering(memo: dict[str, list | None]) -> Iterator[dict[str, list | None]]:
    """Within the block, each ``choices`` function is called at most once; its values are kept
    in ``memo`` (``{"module:function": values}``), which may come pre-filled from a cache."""
    global _memo
    outer, _memo = _memo, memo
    try:
        yield memo
    finally:
        _memo = outer


def parse_value(notebook: str, param: Param, value: Any) -> Any:
    """Turn ``value`` (a string or an already typed value) into ``param``'s type and check it."""
    where = f"{notebook}: {param.name}={show(value)}"
    kind = param.type
    if kind == "str":
        out: Any = str(value)
    elif kind in ("int", "year"):
        out = _as_int(value, where)
        if kind == "year" and not 1900 <= out <= 2100:
            raise ParameterError(f"{where} is not a calendar year; expected e.g. 2019")
    elif kind == "fiscal_year":
        out = str(value).strip().upper()
        if not is_fy_label(out):
            raise ParameterError(f"{where} is not a fiscal year; expected the form FY2023-24"
                                 + _see_help(notebook, param))
    elif kind == "iso3":
        out = _as_iso3(value, where, notebook, param, item=False)
    elif kind == "iso3_list":
        items = _as_list(value, where)
        out = [_as_iso3(v, where, notebook, param, item=True) for v in items]
    elif kind == "path":
        out = _as_path(value, where)
    elif kind == "choice":
        out = str(value).strip()
    else:
        raise ParameterError(f"{where}: declared type {kind!r} is unknown; types: {', '.join(TYPES)}")
    if kind in ("iso3", "iso3_list", "path"):
        return out  # checked item by item above
    allowed = allowed_values(param)
    if allowed is not None and out not in allowed:
        raise ParameterError(f"{where} is not allowed; allowed: {_list(allowed)}")
    return out


def _check_ranges(notebook: str, values: dict[str, Any]) -> None:
    """``x_from`` must not come after ``x_to`` (fiscal years and calendar years)."""
    for name, start in values.items():
        if not name.endswith("_from"):
            continue
        end_name = name[: -len("_from")] + "_to"
        end = values.get(end_name)
        if start is None or end is None:
            continue
        key = fy_start if isinstance(start, str) else int
        if key(start) > key(end):
            raise ParameterError(
                f"{notebook}: empty range {name}={start} is after {end_name}={end}"
            )


def _as_int(value: Any, where: str) -> int:
    if isinstance(value, bool):
        raise ParameterError(f"{where} is not a whole number")
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise ParameterError(f"{where} is not a whole number") from None


def _as_iso3(value: Any, where: str, notebook: str, param: Param, item: bool) -> str:
    code = str(value).strip().upper()
    what = f"{where}: {code}" if item else where
    if len(code) != 3 or not is_iso3(code):
        raise ParameterError(f"{what} is not an ISO 3166 alpha-3 code (three letters, e.g. RUS)"
                             + _see_help(notebook, param))
    allowed = allowed_values(param)
    if allowed is not None and code not in allowed:
        raise ParameterError(f"{what} is not in the data; allowed: {_list(allowed)}")
    return code


def _as_list(value: Any, where: str) -> list:
    if isinstance(value, (list, tuple)):
        return list(value)
    text = str(value).strip()
    if text.startswith("["):
        try:
            parsed = yaml.safe_load(text)  # YAML is a superset of JSON lists
        except yaml.YAMLError:
            parsed = None
        if not isinstance(parsed, list):
            raise ParameterError(f"{where} is not a list; write CHN,USA or [CHN, USA]")
        return parsed
    items = [v.strip() for v in text.split(",") if v.strip()]
    if not items:
        raise ParameterError(f"{where} is an empty list; write CHN,USA or [CHN, USA]")
    return items


def _as_path(value: Any, where: str) -> str | None:
    if value is None or str(value).strip() in ("", "None", "none", "null"):
        return None
    path = Path(str(value)).expanduser().resolve()  # notebooks run in notebooks/, so absolute
    if not path.is_file():
        raise ParameterError(f"{where}: no such file {path}")
    return str(path)


def _see_help(notebook: str, param: Param) -> str:
    # A malformed value is refused without reading the data (fast); --help lists the values.
    return f"; `ties render {notebook} --help` lists the allowed values" if param.choices else ""


def _list(values: list, limit: int = _SHOWN) -> str:
    shown = ", ".join(str(v) for v in values[:limit])
    return shown + (f", … ({len(values)} in all)" if len(values) > limit else "")


# --- the vocabulary around parameters ---------------------------------------------------------

def show(value: Any) -> str:
    """A value as written on the command line and in notes: lists as ``CHN,USA``."""
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def non_defaults(notebook: str, values: dict[str, Any]) -> dict[str, Any]:
    """The parameters in ``values`` that differ from ``notebook``'s declared defaults, in the
    order the contract declares them; names not declared (or no contract at all) always count.
    A name missing from ``values`` is at its default."""
    declared = CONTRACTS.get(notebook, ())
    out = {}
    for p in declared:
        value = values.get(p.name, p.default)
        if value != p.default:
            out[p.name] = value
    names = {p.name for p in declared}
    out.update((k, v) for k, v in values.items() if k not in names)
    return out


def parameter_rows(notebook: str, values: dict[str, Any]) -> list[dict[str, str]]:
    """Rows for a report's parameters box: name, value as text, and the declared help."""
    declared = {p.name: p for p in CONTRACTS.get(notebook, ())}
    rows = []
    for key in list(declared) + [k for k in values if k not in declared]:
        param = declared.get(key)
        value = values.get(key, param.default if param else None)
        if isinstance(value, (list, tuple)):
            text = ", ".join(str(v) for v in value)
        elif value is None:
            text = "(default)"
        elif param is not None and param.type == "path":
            text = relative_to_root(value)
        else:
            text = str(value)
        rows.append({"name": key, "value": text, "help": param.help if param else ""})
    return rows


def help_text(notebook: str) -> str:
    """``ties render NOTEBOOK --help``: each parameter's name, type, default, allowed values
    and help. ``notebook`` is a name or a path; a declared notebook needs no file yet."""
    try:
        path = resolve_notebook(notebook)
        name, where = path.stem, relative_to_root(path)
    except ParameterError:
        if notebook not in CONTRACTS:
            raise
        name, where = notebook, "notebook file not present yet"
    params = CONTRACTS.get(name, ())
    lines = [f"Parameters of {name} ({where}):"]
    if not params:
        lines.append("  (none declared; the notebook renders with its own defaults)")
    for p in params:
        lines.append(f"  -p {p.name}=VALUE   {p.type}, default {show(p.default)}")
        lines.append(f"      {p.help}")
        allowed = allowed_values(p)
        if allowed is not None:
            lines.append(f"      allowed: {_list(allowed, limit=60)}")
        elif p.choices:
            lines.append("      allowed: (values read from the data; not available yet)")
    lines.append("Lists: -p compare_with=CHN,USA or -p 'compare_with=[CHN, USA]'.")
    return "\n".join(lines)


# --- the notebook's parameters cell, written from the contract ---------------------------------

#: The Python annotation of each declared type in a parameters cell. A path is annotated as the
#: string "Optional[str]": papermill's inspection reads no ``|`` in an annotation (it would drop
#: the line), and a quoted annotation needs no ``typing`` import in the cell.
ANNOTATIONS = {"str": "str", "int": "int", "year": "int", "fiscal_year": "str", "iso3": "str",
               "iso3_list": "list[str]", "path": '"Optional[str]"', "choice": "str"}


def parameters_cell(notebook: str) -> str:
    """The source of ``notebook``'s papermill ``parameters`` cell, one line per parameter::

        partner: str = "RUS"  # trade partner, ISO 3166 alpha-3

    Typed and commented so ``papermill --help-notebook`` shows each type and help; the values
    are Python literals papermill reads back as the defaults.
    """
    lines = []
    for p in contract(notebook):
        if "=" in p.help or "\n" in p.help:  # papermill skips a line holding a second '='
            raise ParameterError(f"{notebook}: help of {p.name} must be one line without '='")
        lines.append(f"{p.name}: {ANNOTATIONS[p.type]} = {_literal(p.default)}  # {p.help}")
    return "\n".join(lines)


def _literal(value: Any) -> str:
    """A Python literal with double-quoted strings, as papermill writes injected parameters."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return repr(value)
