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
when a check needs them (so adding a partner to data/ needs no change here); ``span`` likewise
names one returning the ``(first, last)`` values the data cover (years). ``minimum`` and
``maximum`` bound an ``int``. A list is never empty and never names a value twice; a list with
``apart_from="partner"`` may not name the partner among its comparisons (unless it is the
declared default, from which the notebook drops the partner). A ``path`` is a UTF-8 text file of
at most :data:`MAX_PATH_BYTES`.
"""

from __future__ import annotations

import codecs
import importlib
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from analysis import ARTICLE_SUFFIXES, NOTEBOOKS_DIR
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
    minimum: int | None = None
    maximum: int | None = None
    span: str | None = None  # "module:function" → (first, last) the data cover
    apart_from: str | None = None  # a list that may not name this other parameter's value


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
        Param("top_n", "int", 10, "number of HS chapters shown in composition tables",
              minimum=1, maximum=99),
        Param("compare_with", "iso3_list", ["CHN", "USA", "ARE", "SAU"],
              "comparison partners, ISO 3166 alpha-3",
              choices="analysis.trade:available_partners", apart_from="partner"),
        Param("article", "path", None,
              "article whose trade claims are checked; None means the seed article in seeds/"),
    ),
    "diplomatic_positioning": (
        Param("country", "iso3", "IND", "country whose position is measured, ISO alpha-3",
              choices="analysis.diplomacy:available_countries"),
        Param("counterparts", "iso3_list", ["RUS", "USA", "CHN"],
              "countries compared with, ISO alpha-3",
              choices="analysis.diplomacy:available_countries", apart_from="country"),
        Param("year_from", "year", 1992, "first calendar year of the UNGA roll-call panel",
              span="analysis.diplomacy:year_coverage"),
        Param("year_to", "year", 2019, "last calendar year (the roll-call panel ends in 2019)",
              span="analysis.diplomacy:year_coverage"),
        Param("resolutions", "choice", "ukraine", "named set of resolutions",
              choices="analysis.diplomacy:available_resolution_sets"),
        Param("article", "path", None,
              "article whose vote and grouping claims are checked; None means the seed article"),
    ),
}


# --- checking values against the declarations -------------------------------------------------

TYPES = ("str", "int", "year", "fiscal_year", "iso3", "iso3_list", "path", "choice")
_SHOWN = 40  # allowed values listed in one error line before it is cut short
MAX_PATH_BYTES = 2 * 1024 * 1024  # a path parameter (an article) larger than this is refused
MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024


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


def resolve_notebook(spec: str | Path, allowed: Any = None) -> Path:
    """The notebook file for a name (``trade_imbalance``) or a path (``notebooks/x.ipynb``).

    A path must name a Jupyter notebook (``.ipynb``, JSON with cells). ``allowed``: None (a
    caller in Python named the file itself) accepts any notebook file; otherwise (the command
    line, a batch file) only the project's notebooks in notebooks/ and the files or folders
    listed in ``allowed`` (``--allow-notebook PATH``) are accepted.
    """
    text = str(spec)
    if text.endswith(".ipynb") or os.sep in text:
        path = Path(text).expanduser()
        if not text.endswith(".ipynb"):
            raise ParameterError(f"{text}: not a notebook; expected a notebook name such as "
                                 "trade_imbalance or a path ending in .ipynb")
        if not path.is_file():
            raise ParameterError(f"{text}: no such notebook file")
        path = path.resolve()
        if allowed is not None and not _inside(path, [NOTEBOOKS_DIR, *allowed]):
            raise ParameterError(
                f"{text}: not one of the project's notebooks in "
                f"{relative_to_root(NOTEBOOKS_DIR)}/; to render it anyway, allow it "
                "explicitly with --allow-notebook")
        _check_notebook_file(path, text)
        return path
    path = NOTEBOOKS_DIR / f"{text}.ipynb"
    if not path.is_file():
        known = sorted(p.stem for p in NOTEBOOKS_DIR.glob("*.ipynb"))  # none if no folder
        raise ParameterError(
            f"no notebook named {text!r} in {relative_to_root(NOTEBOOKS_DIR)}/; "
            f"available: {', '.join(known) or '(none)'}"
        )
    return path.resolve()


def _inside(path: Path, places) -> bool:
    for place in places:
        place = Path(place).expanduser().resolve()
        if path == place or place in path.parents:
            return True
    return False


def _check_notebook_file(path: Path, text: str) -> None:
    """ParameterError unless ``path`` holds a Jupyter notebook (JSON with a list of cells)."""
    try:
        if path.stat().st_size > MAX_NOTEBOOK_BYTES:
            raise ParameterError(f"{text}: larger than {MAX_NOTEBOOK_BYTES // 2**20} MB; "
                                 "not a notebook of this project")
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        nb = None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise ParameterError(f"{text}: not a Jupyter notebook (expected nbformat JSON)")


def defaults(notebook: str) -> dict[str, Any]:
    """``{name: default}`` for every declared parameter of ``notebook``."""
    return {p.name: p.default for p in contract(notebook)}


def allowed_values(param: Param) -> list | None:
    """The values ``param`` may take, read from the data through its ``choices`` function.

    None when the parameter has no list, or the function is not available (yet).
    """
    return _from_data(param.choices)


def data_span(param: Param) -> list | None:
    """``[first, last]`` the data cover for ``param`` (its ``span`` function), or None."""
    return _from_data(param.span)


_memo: dict[str, list | None] | None = None  # values read once per validate() call


def _from_data(target: str | None) -> list | None:
    """What the function ``"module:function"`` returns, as a list of plain values (once per
    :func:`remembering` block); None without a function or when it is not available."""
    if not target:
        return None
    if _memo is not None and target in _memo:
        return _memo[target]
    values = _call_choices(target)
    if _memo is not None:
        _memo[target] = values
    return values


def _call_choices(target: str) -> list | None:
    module_name, _, func_name = target.partition(":")
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
        _check_apart(notebook, params, values)
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
        if param.minimum is not None and out < param.minimum:
            raise ParameterError(f"{where} is too small; expected {_bounds(param)}")
        if param.maximum is not None and out > param.maximum:
            raise ParameterError(f"{where} is too large; expected {_bounds(param)}")
        span = data_span(param)
        if span is not None and not span[0] <= out <= span[-1]:
            raise ParameterError(f"{where} is outside the data; the data cover "
                                 f"{span[0]}–{span[-1]}")
    elif kind == "fiscal_year":
        out = str(value).strip().upper()
        if not is_fy_label(out):
            raise ParameterError(f"{where} is not a fiscal year; expected the form FY2023-24"
                                 + _see_help(notebook, param))
    elif kind == "iso3":
        out = _as_iso3(value, where, notebook, param, item=False)
    elif kind == "iso3_list":
        items = _as_list(value, where)
        if not items:
            raise ParameterError(f"{where} is an empty list; name at least one code, "
                                 "e.g. CHN,USA")
        out = [_as_iso3(v, where, notebook, param, item=True) for v in items]
        twice = sorted({c for c in out if out.count(c) > 1})
        if twice:
            raise ParameterError(f"{where} names {', '.join(twice)} twice; name each code once")
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


def _bounds(param: Param) -> str:
    if param.minimum is not None and param.maximum is not None:
        return f"{param.minimum} to {param.maximum}"
    if param.minimum is not None:
        return f"{param.minimum} or more"
    return f"{param.maximum} or less"


def _check_apart(notebook: str, params: tuple[Param, ...], values: dict[str, Any]) -> None:
    """A chosen list of comparisons may not name the country it is compared with."""
    for p in params:
        other = values.get(p.apart_from) if p.apart_from else None
        chosen = values.get(p.name)
        if other is None or chosen == p.default or not isinstance(chosen, list):
            continue  # the default list: the notebook drops the partner from it
        if other in chosen:
            raise ParameterError(
                f"{notebook}: {p.name}={show(chosen)} names {p.apart_from} {other} itself; "
                f"compare {other} with other countries")


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
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ParameterError(f"{where}: {path} is not an article file; expected a UTF-8 text "
                             f"file named like seeds/NAME.txt ({', '.join(ARTICLE_SUFFIXES)})")
    try:
        size = path.stat().st_size
        if size > MAX_PATH_BYTES:
            raise ParameterError(f"{where}: {path} is {size / 2**20:.1f} MB; a text file of at "
                                 f"most {MAX_PATH_BYTES // 2**20} MB is expected")
        with open(path, "rb") as f:
            head = f.read(64 * 1024)
        if b"\0" in head:
            raise UnicodeDecodeError("utf-8", head, 0, 1, "NUL byte")
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # a cut tail is fine
    except UnicodeDecodeError:
        raise ParameterError(f"{where}: {path} is not a UTF-8 text file") from None
    except OSError as exc:
        raise ParameterError(f"{where}: {path} cannot be read ({exc.strerror})") from None
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
        if p.minimum is not None or p.maximum is not None:
            lines.append(f"      allowed: {_bounds(p)}")
        span = data_span(p)
        if span is not None:
            lines.append(f"      allowed: {span[0]} to {span[-1]} (the years of the data)")
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
