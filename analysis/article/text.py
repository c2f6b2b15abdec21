"""An article file as text: finding and reading it, its layout (title, byline, paragraphs,
headed bullet lists) and its sentences.

The layout read is the seed's::

    Title line

    Author Name            (byline: one or more short lines; repeated lines count once)

    Body paragraph …       (blocks separated by blank lines)

    Key Points             (a short heading line …)

      • Label: text …      (… followed by bullet lines: •, -, *, – or "1.")
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from analysis import ARTICLE_SUFFIXES, ROOT, SEEDS_DIR
from analysis.errors import ArticleError

#: The sidecar fields an article may carry (others are kept as read).
META_FIELDS = ("title", "author", "outlet", "url", "published", "retrieved")


def locate(path: str | Path | None) -> str | None:
    """The file a relative article path means: as given when it exists from the working
    directory, else taken from the project root (so ``seeds/NAME.txt`` works from
    ``notebooks/`` too, where papermill runs the brief). None stays None; a path found in
    neither place is returned as given, for the caller to report."""
    if path is None or str(path).strip() in ("", "None"):
        return None
    given = Path(str(path)).expanduser()
    if given.is_absolute() or given.exists() or not (ROOT / given).exists():
        return str(given)
    return str(ROOT / given)


#: The largest article file read (2 MB): anything bigger is not a news article.
MAX_BYTES = 2 * 1024 * 1024


def read_text(path: Path) -> str:
    """The file's text (UTF-8, newlines normalised to ``\\n``, a byte-order mark dropped).

    Raises ArticleError naming the file when it is missing, not a file, larger than 2 MB,
    empty, binary or not UTF-8.
    """
    if not path.exists():
        raise ArticleError(f"{path}: article file not found")
    if not path.is_file():
        raise ArticleError(f"{path}: not a file (expected a UTF-8 article text file)")
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ArticleError(f"{path}: not an article file; expected a UTF-8 text file named like "
                           f"seeds/NAME.txt ({', '.join(ARTICLE_SUFFIXES)})")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ArticleError(f"{path}: too large for an article ({size:,} bytes; at most "
                           f"{MAX_BYTES:,})")
    raw = path.read_bytes()
    if not raw.strip():
        raise ArticleError(f"{path}: article file is empty")
    if b"\x00" in raw:
        raise ArticleError(f"{path}: binary file (NUL bytes); expected UTF-8 article text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{path}: not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def sidecar_path(path: Path) -> Path:
    """The sidecar of an article file: ``NAME.meta.yml`` beside ``NAME.txt``."""
    return Path(path).with_suffix(".meta.yml")


def seed_articles(folder: Path | None = None) -> list[Path]:
    """Every article text file in ``folder`` (default: seeds/), sorted by name."""
    return sorted(Path(folder or SEEDS_DIR).glob("*.txt"))


def _as_date(value, where: str) -> dt.date | str | None:
    """A publication date: a date (``YYYY-MM-DD``), a month kept as text (``YYYY-MM``), or
    None. Raises ArticleError naming ``where`` for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        if re.fullmatch(r"(?:19|20)\d{2}-(?:0[1-9]|1[0-2])", text):
            return text
    raise ArticleError(f"{where}: published={text!r} is not a date; expected YYYY-MM-DD")


def read_meta(path: Path, published=None) -> dict:
    """The article's metadata from its sidecar (empty when it has none); ``published`` given
    here (``YYYY-MM-DD``) overrides the sidecar's. Raises ArticleError naming the sidecar when
    it is not a YAML mapping or its date is malformed."""
    meta: dict = {}
    side = sidecar_path(path)
    if side.is_file():
        try:
            loaded = yaml.safe_load(side.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise ArticleError(f"{side}: not a readable YAML sidecar "
                               f"({type(exc).__name__})") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ArticleError(f"{side}: expected a mapping of title, author, outlet, url, "
                               "published, retrieved")
        meta = dict(loaded or {})
        meta["published"] = _as_date(meta.get("published"), str(side))
        meta["retrieved"] = _as_date(meta.get("retrieved"), str(side)) if meta.get(
            "retrieved") else None
    if published not in (None, "", "None"):
        meta["published"] = _as_date(published, "--published")
    for key in META_FIELDS:
        meta.setdefault(key, None)
    return meta


# --- layout -----------------------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[•\-*–·▪●]|\d{1,2}[.)])\s+")
_KEY_POINTS = re.compile(r"key (?:points|takeaways|facts)|highlights|at a glance", re.IGNORECASE)
_BACKGROUND = re.compile(r"background|context", re.IGNORECASE)
_MAX_TITLE = 300
# A byline line: "By" optional, then capitalised words (connectors such as "and", "de" allowed).
_NAME_LINE = re.compile(
    r"^(?:[Bb]y\s+)?[A-Z][\w’'.-]*(?:,?\s+(?:[A-Z][\w’'.-]*|and|de|da|van|von|bin|al|&))*$")

Bullets = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Line:
    text: str  # stripped
    start: int  # offset of the stripped text in the file
    end: int


@dataclass(frozen=True)
class Layout:
    """The parts of an article file. ``sections`` are the headed bullet lists as (heading,
    bullets), each bullet a (label, text) pair; ``units`` the spans of the title, the
    paragraphs and the bullets: where sentences live."""

    title: str
    byline: str
    paragraphs: tuple[str, ...]
    sections: tuple[tuple[str, Bullets], ...]
    units: tuple[tuple[int, int], ...]

    @property
    def key_points(self) -> Bullets:
        """The bullets under a "Key Points" (or "Highlights", "At a glance" …) heading."""
        return self._section(_KEY_POINTS)

    @property
    def background(self) -> Bullets:
        """The bullets under a "Background" or "Context" heading."""
        return self._section(_BACKGROUND)

    def _section(self, pattern: re.Pattern) -> Bullets:
        for heading, bullets in self.sections:
            if pattern.search(heading):
                return bullets
        return ()


def _blocks(text: str) -> list[list[_Line]]:
    """Runs of non-blank lines, each line with its offsets in ``text``."""
    blocks: list[list[_Line]] = [[]]
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            blocks[-1].append(_Line(stripped, start, start + len(stripped)))
        elif blocks[-1]:
            blocks.append([])
        offset += len(raw) + 1
    return [b for b in blocks if b]


def _is_short_line(line: _Line, max_words: int) -> bool:
    return (len(line.text.split()) <= max_words and not _BULLET.match(line.text)
            and not line.text.endswith((".", "!", "?", ":", ";", ",")))


def _byline(rest: list[list[_Line]]) -> list[str]:
    """Removes the byline block from the front of ``rest`` if there is one; its names."""
    if not rest or not all(_is_short_line(line, 8) and _NAME_LINE.match(line.text)
                           for line in rest[0]):
        return []
    nxt = rest[1] if len(rest) > 1 else []
    if len(rest[0]) == 1 and nxt and all(_BULLET.match(x.text) for x in nxt) and \
            not re.match(r"[Bb]y\s", rest[0][0].text):
        return []  # a heading over a bullet list, not a byline ("By …" always is one)
    names: list[str] = []
    for line in rest.pop(0):
        name = re.sub(r"^by\s+", "", line.text, flags=re.IGNORECASE)
        if name not in names:
            names.append(name)
    return names


def parse_layout(path: Path, text: str) -> Layout:
    """The layout of ``text`` (read from ``path``, named in errors).

    Raises ArticleError when there is no title line followed by a paragraph or a bullet.
    """
    blocks = _blocks(text)
    first = blocks[0][0]
    if len(first.text) > _MAX_TITLE:
        raise ArticleError(
            f"{path}: no title line (the first line has {len(first.text)} characters); expected "
            "a title, a blank line, then paragraphs separated by blank lines"
        )
    rest = [blocks[0][1:]] + blocks[1:] if len(blocks[0]) > 1 else blocks[1:]
    byline = _byline(rest)

    paragraphs: list[str] = []
    sections: list[tuple[str, Bullets]] = []
    units = [(first.start, first.end)]
    heading = ""
    pending: tuple[int, int] | None = None  # a sub-heading's span, kept unless bullets follow
    for block in rest:
        is_bullets = all(_BULLET.match(line.text) for line in block)
        if pending:
            # a sub-heading keeps its words and figures, and over a list the period it names
            # ("Top exports (2018)") is the items'
            units.append(pending)
        pending = None
        if is_bullets:
            bullets = []
            for line in block:
                marker = _BULLET.match(line.text).end()
                body = line.text[marker:]
                units.append((line.start + marker, line.end))
                label, sep, rest_text = body.partition(":")
                bullets.append((label.strip(), rest_text.strip()) if sep else ("", body))
            sections.append((heading, tuple(bullets)))
            heading = ""
        elif len(block) == 1 and _is_short_line(block[0], 8):
            heading = block[0].text
            pending = (block[0].start, block[0].end)
        else:
            paragraphs.append(" ".join(line.text for line in block))
            units.append((block[0].start, block[-1].end))
            heading = ""
    if pending:
        units.append(pending)
    if not paragraphs and not sections:
        raise ArticleError(
            f"{path}: no article structure found (a title line but no paragraphs or bullets); "
            "expected a title, a blank line, then paragraphs separated by blank lines"
        )
    return Layout(first.text, ", ".join(byline), tuple(paragraphs), tuple(sections),
                  tuple(units))


# --- sentences --------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "rs", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen",
    "lt", "col", "prof", "inc", "ltd", "co", "corp", "approx", "est",
}
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9₹$€£¥])")


def sentence_spans(text: str, units) -> tuple[tuple[int, int], ...]:
    """Sentence spans inside each unit (title, paragraph, bullet) of ``text``, in reading
    order. A full stop after an abbreviation ("Mr.", "Rs.", "U.S.") or an initial does not end
    a sentence."""
    spans = []
    for start, end in units:
        s = start
        for m in _SENTENCE_END.finditer(text, start, end):
            word = re.search(r"([\w.]+)[.!?]?$", text[s:m.start() + 1])
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            spans.append((s, m.start() + len(m.group().rstrip())))
            s = m.end()
        if s < end:
            spans.append((s, end))
    return tuple(spans)
