"""YAML front matter: where the block sits, what it holds, and why it failed when it did.

The block must open the document (after optional whitespace) with a `---` line whose next
non-blank line looks like a `key:`; otherwise a leading `---` is a Markdown horizontal rule and
the text is prose. It closes with a `---` or `...` line.

Parsing is defensive: the block is capped at 64 KiB, aliases are refused (no "billion laughs"),
and timestamps stay strings so the date is read as written, never converted to UTC.

libyaml (PyYAML's C extension) scans and parses when it is installed, which costs a tenth of the
pure-Python scanner; composing and constructing stay PyYAML's Python steps with the same
restrictions. Whatever libyaml cannot read goes to the pure-Python loader, whose messages and
positions are the ones reported.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import yaml

MAX_FRONT_MATTER_CHARS = 64 * 1024
# Deeper than this, libyaml hands over to the Python loader (far below its recursion limit).
MAX_FAST_DEPTH = 50

_OPEN = re.compile(r"[ \t]*---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_KEY_LINE = re.compile(r"""[ \t]*(?:"[^"\n]{1,80}"|'[^'\n]{1,80}'|[^\s:#"'\-][^:\n]{0,80}?)[ \t]*:(?:[ \t]|\r?$)""")
_COMMENT_OR_BLANK = re.compile(r"[ \t]*(?:#[^\n]*)?\r?$")
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# Where libyaml and PyYAML's Python scanner disagree, the Python loader reads the block (each
# found by comparing the two on mutated front matter): tabs, a byte-order mark, the non-ASCII line
# breaks, backslash escapes, tags ("!", "!!str") and block scalars ("|", ">") anywhere; and, once a
# flow collection opens ("[", "{"), a "?" or a ":" with no space after it, which libyaml reads as
# part of a scalar and PyYAML refuses.
_LIBYAML_DIFFERS = re.compile("[\t\x85\u2028\u2029\ufeff\\\\]|(?<![^\\s\\[{,])[!|>]")
_FLOW_OPEN = re.compile(r"[\[{]")
_IN_FLOW_DIFFERS = re.compile(r"\?|:[^\s,\[\]{}]")


class _RefuseAliases(yaml.composer.Composer):
    """The composing step of both loaders: an alias (`*name`) is an error, never a shared node."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", mark)
        return super().compose_node(parent, index)


class _Loader(_RefuseAliases, yaml.SafeLoader):
    """SafeLoader without aliases and without timestamp resolution: the reference loader."""


_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = _RESOLVERS


_UNREAD = object()  # what `_fast_load` returns for a block it leaves to the reference loader


class _TooDeep(Exception):
    """Nesting deep enough that the pure-Python loader's own recursion limit must decide."""


_CParser = yaml.cyaml.CParser if yaml.__with_libyaml__ else None  # None: PyYAML built without libyaml
_FastLoader: type | None = None
if _CParser is not None:

    class _LibyamlLoader(_RefuseAliases, _CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):  # type: ignore[misc, valid-type]
        """`_Loader` with libyaml's events in place of the Python reader, scanner and parser.

        The Python composer above `CParser` in the method order keeps the alias refusal; nesting
        beyond `MAX_FAST_DEPTH` is handed back so recursion limits stay the reference loader's.
        """

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.depth = 0

        def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
            self.depth += 1
            if self.depth > MAX_FAST_DEPTH:
                raise _TooDeep
            node = super().compose_node(parent, index)
            self.depth -= 1
            return node

    _LibyamlLoader.yaml_implicit_resolvers = _RESOLVERS
    _FastLoader = _LibyamlLoader


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A front-matter block: `body_start` is where the text after it begins (0 when unterminated)."""

    data: dict[str, object] | None
    error: str | None
    body_start: int


def read_front_matter(text: str) -> FrontMatter | None:
    """The front matter opening `text`, or None when the text has none."""
    stripped = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    start = text.rfind("\n", 0, stripped) + 1 if stripped else 0
    opening = _OPEN.match(text, start)
    if opening is None or not _opens_mapping(text, opening.end()):
        return None
    content_start = opening.end()
    closing = _CLOSE.search(text, content_start)
    if closing is None:
        return FrontMatter(None, "front matter opened with '---' is never closed by a '---' or '...' line", 0)
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    content = text[content_start : closing.start()]
    if len(content) > MAX_FRONT_MATTER_CHARS:
        error = f"front matter is {len(content)} characters, over the {MAX_FRONT_MATTER_CHARS} limit"
        return FrontMatter(None, error, body_start)
    first_line = text.count("\n", 0, content_start) + 1
    data, error = _load(content, first_line)
    return FrontMatter(data, error, body_start)


def _opens_mapping(text: str, pos: int) -> bool:
    """True when the first non-blank, non-comment line after `pos` is a `key:` or the closing line."""
    limit = min(len(text), pos + MAX_FRONT_MATTER_CHARS)
    while pos < limit:
        newline = text.find("\n", pos, limit)
        end = limit if newline < 0 else newline
        if _CLOSE.match(text, pos, end) or _KEY_LINE.match(text, pos, end):
            return True
        if not _COMMENT_OR_BLANK.fullmatch(text, pos, end):
            return False
        pos = end + 1
    return False


def _load(content: str, first_line: int) -> tuple[dict[str, object] | None, str | None]:
    try:
        loaded = _fast_load(content)
        if loaded is _UNREAD:
            loaded = yaml.load(content, Loader=_Loader)  # _Loader is a restricted SafeLoader
        if loaded is None:
            return {}, None
        if not isinstance(loaded, dict):
            return None, f"front matter is a YAML {type(loaded).__name__}, not a mapping of keys to values"
        return {str(key): _jsonable(value) for key, value in loaded.items()}, None
    except yaml.MarkedYAMLError as exc:
        return None, _describe(exc, first_line)
    except Exception as exc:  # RecursionError on deep nesting, odd scalars: report, never raise
        reason = " ".join(str(exc).split())
        return None, f"invalid YAML front matter: {type(exc).__name__}: {reason}"[:300]


def _fast_load(content: str) -> object:
    """libyaml's reading of `content`, or `_UNREAD` when the reference loader must read it.

    The caller runs the reference loader itself, so its recursion limit and messages fall at the
    same stack depth as they always did.
    """
    if _FastLoader is None or _libyaml_differs(content):
        return _UNREAD
    try:
        return yaml.load(content, Loader=_FastLoader)  # restricted as _Loader is
    except Exception:  # libyaml's messages differ: the reference loader reports the failure
        return _UNREAD


def _libyaml_differs(content: str) -> bool:
    return bool(_LIBYAML_DIFFERS.search(content) or (_FLOW_OPEN.search(content) and _IN_FLOW_DIFFERS.search(content)))


def _describe(exc: yaml.MarkedYAMLError, first_line: int) -> str:
    problem = exc.problem or exc.context or "unreadable YAML"
    mark = exc.problem_mark or exc.context_mark
    where = f" (line {first_line + mark.line}, column {mark.column + 1})" if mark else ""
    return f"invalid YAML front matter: {problem}{where}"


def _jsonable(value: object) -> object:
    """The value with everything JSON cannot hold (sets, bytes, NaN, odd keys) turned into strings."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(str(item) for item in value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)
