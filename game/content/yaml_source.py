"""Reading content YAML safely into plain Python, remembering where every value came from.

Level files are written by hand, so this reader is strict and kind: it refuses what could hurt
(huge files, anchors and aliases, deep nesting) or surprise (duplicate keys), and words every
failure as a located problem. Scalars take their type from the YAML resolver's tag, but only in
the forms of the YAML 1.2 core schema: `yes`, `no`, `on`, `1_000` or a date stay text, so an answer
written as `No` is the text "No", never false.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from game.content.problems import Problem

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 50
_MAX_NUMBER_LENGTH = 1000
"""Longer numbers are refused: Python will not print one of thousands of digits."""

try:
    _LOADER: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _LOADER = yaml.SafeLoader

DataPath = tuple[str | int, ...]
"""Where a value sits in a document, e.g. ("steps", 2, "choice", "options", 0, "text")."""

_TAG = "tag:yaml.org,2002:"
_CORE_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_CORE_INFINITY = re.compile(r"[-+]?\.(inf|Inf|INF)")
_CORE_NAN = re.compile(r"\.(nan|NaN|NAN)")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
# Everything YAML does not count as printable (it allows tab, line breaks and most of Unicode).
_UNPRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


class Position(NamedTuple):
    """A 1-based line and column in a file."""

    line: int
    column: int


_START = Position(1, 1)
_TOO_DEEP = (
    f"the file is nested more than {MAX_DEPTH} levels deep here: a level never needs this many, "
    "so check the indentation and brackets"
)


class LevelFileError(Exception):
    """A content file could not be read as YAML; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class YamlDocument:
    """A parsed content file: plain data plus the position of every value and mapping key.

    Attributes:
        path: The file it was read from.
        data: Plain Python: dict, list, str, int, float, bool or None.
        value_positions: Where each value starts, by data path.
        key_positions: Where each mapping key starts, by the data path of its value.
    """

    path: Path
    data: Any
    value_positions: dict[DataPath, Position]
    key_positions: dict[DataPath, Position]
    comments_after: dict[DataPath, tuple[Position, str]] = field(default_factory=dict)
    """Unquoted texts followed on their line by a ` #` comment, with where the `#` is and the
    comment: YAML
    ends the text there, which cuts a sentence such as "Anyone can type #nofilter" short."""

    def position_of(self, path: DataPath, *, key: bool = False) -> Position:
        """Where `path` is written, or its nearest written parent.

        Args:
            path: The data path to find.
            key: Prefer the position of the mapping key over the value.
        """
        first, second = (
            (self.key_positions, self.value_positions)
            if key
            else (self.value_positions, self.key_positions)
        )
        for length in range(len(path), -1, -1):
            prefix = path[:length]
            found = first.get(prefix) or second.get(prefix)
            if found is not None:
                return found
        return _START

    def problem(
        self, path: DataPath, message: str, *, key: bool = False, warning: bool = False
    ) -> Problem:
        """A problem located at `path` in this document."""
        position = self.position_of(path, key=key)
        return Problem(
            self.path,
            position.line,
            position.column,
            message,
            "warning" if warning else "error",
        )


def read_yaml(path: Path) -> YamlDocument:
    """Read and parse one content file.

    Raises:
        LevelFileError: The file is missing, too large, not UTF-8 or not valid, safe YAML.
    """
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise LevelFileError(
                [_file_problem(path, "this is not a regular file: check the path")]
            )
        if status.st_size > MAX_FILE_BYTES:
            raise LevelFileError([_file_problem(path, _too_large_message())])
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)  # a file may grow after stat
    except OSError as error:
        reason = error.strerror or str(error)
        raise LevelFileError([_file_problem(path, f"cannot read this file ({reason})")]) from None
    return parse_yaml(data, path)


def parse_yaml(source: bytes | str, path: Path) -> YamlDocument:
    """Parse YAML text or UTF-8 bytes into a located document.

    Args:
        source: The file's bytes (or already decoded text).
        path: The file name to put in problems.

    Raises:
        LevelFileError: The input is not valid, safe YAML.
    """
    if isinstance(source, bytes):
        if len(source) > MAX_FILE_BYTES:
            raise LevelFileError([_file_problem(path, _too_large_message())])
        text = _decode(source, path)
    else:
        text = source
        if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
            raise LevelFileError([_file_problem(path, _too_large_message())])
    text = text.removeprefix("\ufeff")
    _refuse_unprintable(text, path)
    try:
        if "&" in text or "*" in text:
            # Anchors and aliases need these characters; refuse them before compose shares nodes.
            _EventScan(path).run(text)
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        raise LevelFileError([_explain(error, text, path)]) from None
    except (ValueError, RecursionError, MemoryError) as error:
        message = f"this file cannot be read as YAML ({error})"
        raise LevelFileError([_file_problem(path, message)]) from None
    builder = _PlainBuilder(path, text.splitlines())
    data = builder.build(root, (), 0) if root is not None else None
    if builder.problems:
        raise LevelFileError(builder.problems)
    return YamlDocument(
        path, data, builder.value_positions, builder.key_positions, builder.comments_after
    )


def _explain(error: yaml.YAMLError, text: str, path: Path) -> Problem:
    """The most helpful problem for a YAML error, found by re-reading the events up to it."""
    scan = _EventScan(path)
    try:
        scan.run(text)
    except LevelFileError as refusal:  # a second document, an anchor: clearer than the error
        return refusal.problems[0]
    except yaml.YAMLError as scanned:
        error = scanned
    return _syntax_problem(error, text, path, scan.last_scalar)


def _too_large_message() -> str:
    return "file is larger than 1 MiB; split the level into smaller ones"


def _file_problem(path: Path, message: str) -> Problem:
    return Problem(path, 1, 1, message)


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        byte = data[error.start]
        raise LevelFileError(
            [
                Problem(
                    path,
                    line,
                    column,
                    f"this file is not UTF-8 text (byte 0x{byte:02X} here): save it as UTF-8 "
                    "in your editor, or check it is really a level file",
                )
            ]
        ) from None


def _refuse_unprintable(text: str, path: Path) -> None:
    found = _UNPRINTABLE.search(text)
    if found is None:
        return
    line_start = text.rfind("\n", 0, found.start()) + 1
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - line_start + 1
    code = f"U+{ord(found.group()):04X}"
    raise LevelFileError(
        [
            Problem(
                path,
                line,
                column,
                f"a hidden control character ({code}) is here: delete it (it often comes from "
                "copying text out of another program)",
            )
        ]
    )


class _EventScan:
    """Refuses anchors, aliases, deep nesting and extra documents from the event stream.

    Events are read without recursion or building anything, so a hostile file can neither
    exhaust the stack nor expand aliases exponentially. It runs before composing when the text
    could hold anchors or aliases, and after a syntax error, whose explanation the last scalar
    read helps with.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.last_scalar: yaml.ScalarEvent | None = None

    def run(self, text: str) -> None:
        """Scan the events of `text`.

        Raises:
            LevelFileError: An anchor, alias, too deep nesting or a second document.
            yaml.YAMLError: The text is not valid YAML.
        """
        depth = 0
        documents = 0
        problems: list[Problem] = []
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.ScalarEvent):
                self.last_scalar = event
            if isinstance(event, yaml.AliasEvent):
                problems.append(
                    self._problem(
                        event,
                        f"'*{event.anchor}' is a YAML alias; anchors (&) and aliases (*) are not "
                        "allowed in content files: write the value out in full",
                    )
                )
            elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                problems.append(
                    self._problem(
                        event,
                        f"'&{event.anchor}' is a YAML anchor; anchors (&) and aliases (*) are not "
                        "allowed in content files: remove it and write values out in full",
                    )
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(self._problem(event, _TOO_DEEP))
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    problems.append(
                        self._problem(
                            event,
                            "a second YAML document starts here ('---'): a file holds one level, "
                            "so remove the '---' or move what follows into its own file",
                        )
                    )
                    break
        if problems:
            raise LevelFileError(problems)

    def _problem(self, event: yaml.Event, message: str) -> Problem:
        position = _position(event.start_mark)
        return Problem(self.path, position.line, position.column, message)


class _PlainBuilder:
    """Turns composed YAML nodes into plain Python, recording positions and refusing duplicates."""

    def __init__(self, path: Path, lines: list[str] | None = None) -> None:
        self.path = path
        self.lines = lines or []
        self.value_positions: dict[DataPath, Position] = {}
        self.key_positions: dict[DataPath, Position] = {}
        self.comments_after: dict[DataPath, tuple[Position, str]] = {}
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: DataPath, depth: int) -> Any:
        """The plain value of `node`, found at `path`, inside `depth` collections."""
        position = _position(node.start_mark)
        self.value_positions[path] = position
        if not _standard_tag(node.tag):
            self._add(position, _unsafe_tag_message(node.tag))
            return None
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.tag == f"{_TAG}str":  # plain: "" (C loader) or None
                self._note_comment_after(node, path)
            try:
                return _scalar(node)
            except ValueError:  # more digits than Python turns into a number safely
                self._add(position, "this number is far too long: write a short number here")
                return None
        if depth >= MAX_DEPTH:
            self._add(position, _TOO_DEEP)
            return None
        if isinstance(node, yaml.SequenceNode):
            return [
                self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
            ]
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_position = _position(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                self._add(
                    key_position,
                    "a key must be a single word, like `title:`, not a list or mapping",
                )
                continue
            key = key_node.value
            child = (*path, key)
            if key in mapping:
                first = self.key_positions[child]
                self._add(
                    key_position,
                    f"'{key}' appears twice in the same place (first on line {first.line}): "
                    "keep only one of them",
                )
                continue
            self.key_positions[child] = key_position
            mapping[key] = self.build(value_node, child, depth + 1)
        return mapping

    def _add(self, position: Position, message: str) -> None:
        self.problems.append(Problem(self.path, position.line, position.column, message))

    def _note_comment_after(self, node: yaml.ScalarNode, path: DataPath) -> None:
        """Note an unquoted text whose line goes on with a comment after it."""
        end = node.end_mark
        if end.line >= len(self.lines):
            return
        rest = self.lines[end.line][end.column :]
        stripped = rest.lstrip(" \t")
        if stripped.startswith("#") and len(stripped) < len(rest):
            self.comments_after[path] = (
                Position(end.line + 1, end.column + 1 + len(rest) - len(stripped)),
                stripped.rstrip(),
            )


def _standard_tag(tag: str) -> bool:
    """Whether a node's tag is one of YAML's own types. Python object tags and custom ones are
    refused: the safe loader never builds them, so they could only mislead a writer."""
    return tag.startswith(_TAG) and not tag.startswith(f"{_TAG}python/")


def _unsafe_tag_message(tag: str) -> str:
    shown = f"!!{tag.removeprefix(_TAG)}" if tag.startswith(_TAG) else tag
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return (
        f"'{shown}' is a YAML tag, and content files cannot use tags: remove it (a text that "
        "starts with '!' needs quotes around it)"
    )


def _scalar(node: yaml.ScalarNode) -> Any:
    """The plain value of a scalar: YAML 1.2 core types, anything else stays text."""
    value: str = node.value
    tag = node.tag.removeprefix(_TAG) if node.tag.startswith(_TAG) else ""
    if tag == "null" and value in _NULLS:
        return None
    if tag == "bool":
        if value in _TRUES:
            return True
        if value in _FALSES:
            return False
    if tag == "int" and _CORE_INT.fullmatch(value):
        if len(value) > _MAX_NUMBER_LENGTH:
            raise ValueError("too many digits")
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if tag == "float":
        if _CORE_FLOAT.fullmatch(value):
            return float(value)
        if _CORE_INFINITY.fullmatch(value):
            return float("-inf") if value.startswith("-") else float("inf")
        if _CORE_NAN.fullmatch(value):
            return float("nan")
    return value


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _syntax_problem(
    error: yaml.YAMLError, text: str, path: Path, last_scalar: yaml.ScalarEvent | None
) -> Problem:
    """Word a PyYAML error for a writer, at the most useful of its marks."""
    problem = str(getattr(error, "problem", "") or "")
    context = str(getattr(error, "context", "") or "")
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    if problem_mark is None:
        position = _position(context_mark) if context_mark is not None else _START
        return Problem(path, position.line, position.column, _fallback_message(error, problem))
    at = _position(problem_mark)
    lines = text.splitlines()
    line_text = lines[at.line - 1] if 0 < at.line <= len(lines) else ""
    where, message = at, _fallback_message(error, problem)

    if "mapping values are not allowed" in problem:
        where, message = _explain_stray_colon(at, lines, line_text)
    elif "could not find expected ':'" in problem and context_mark is not None:
        where = _position(context_mark)
        key_line = lines[where.line - 1] if where.line <= len(lines) else ""
        message = f"a colon is missing on this line: write {_colon_example(key_line)}"
    elif "cannot start any token" in problem or "tab character" in problem:
        message = _explain_bad_start(line_text, at)
    elif "unexpected end of stream" in problem and "quoted scalar" in context:
        where = _position(context_mark) if context_mark is not None else at
        message = "a quote opened here is never closed: add the closing quote"
    elif "unknown escape character" in problem:
        message = (
            "a backslash inside double quotes starts an unknown escape here: write \\\\ for a "
            "backslash, or use 'single quotes' instead"
        )
    elif "flow sequence" in context or "flow mapping" in context:
        where = _position(context_mark) if context_mark is not None else at
        closer = "]" if "sequence" in context else "}"
        message = (
            f"the list or mapping that starts here is missing a comma or its closing '{closer}': "
            "check the brackets"
        )
    elif "expected <block end>" in problem or "did not find expected" in problem:
        runaway = _runaway_quote(last_scalar, at)
        if runaway is not None:
            where, message = runaway
        else:
            message = _explain_misalignment(line_text, at)
    return Problem(path, where.line, where.column, message)


def _explain_stray_colon(at: Position, lines: list[str], line_text: str) -> tuple[Position, str]:
    before = line_text[: at.column - 1]
    if re.fullmatch(r"\s*(- )?[\w-]+\s*", before):
        # The colon belongs to a real key, so the trouble is on the line above or in the indent.
        previous = at.line - 1
        while previous > 0 and (
            not lines[previous - 1].strip() or lines[previous - 1].lstrip().startswith("#")
        ):
            previous -= 1
        above = lines[previous - 1] if previous > 0 else ""
        if above and ": " not in above and not above.rstrip().endswith(":"):
            indent = len(above) - len(above.lstrip())
            return Position(previous, indent + 1), (
                f"a colon is missing on this line: write {_colon_example(above)} (if this is "
                "text that goes on from the line above, put the whole text in quotes)"
            )
        key_start = Position(at.line, len(before) - len(before.lstrip()) + 1)
        return key_start, (
            "this key is indented further than the key above it: line it up with the other "
            "keys at the same level (or, if it is part of the text above, put that text in quotes)"
        )
    return at, (
        "a colon followed by a space can't be used inside plain text: put the whole text in "
        'quotes, e.g. say: "Sango said: hello"'
    )


def _colon_example(line: str) -> str:
    """How a `key value` line looks with its colon, e.g. `mood: happy`."""
    word, _, rest = line.strip().removeprefix("- ").partition(" ")
    return f"`{word}: {rest.strip()}`" if word and rest.strip() else "`key: value`"


def _explain_bad_start(line_text: str, at: Position) -> str:
    character = line_text[at.column - 1] if at.column - 1 < len(line_text) else ""
    if character == "\t" or "\t" in line_text[: at.column]:
        return "a tab is used here: YAML indents with spaces, so replace the tab with spaces"
    if character:
        return (
            f"a value can't start with '{character}': put the whole text in quotes, "
            f'e.g. "{line_text[at.column - 1 :].strip()}"'
        )
    return "this line can't be read: check the indentation, colons and quotes"


def _runaway_quote(
    last_scalar: yaml.ScalarEvent | None, at: Position
) -> tuple[Position, str] | None:
    """A quoted text that ran on over several lines into the error, as (where it opens, why)."""
    if last_scalar is None or last_scalar.style not in ("'", '"'):
        return None
    start, end = _position(last_scalar.start_mark), _position(last_scalar.end_mark)
    if start.line == end.line or end.line != at.line:
        return None
    return start, (
        f"the quote that opens here is not closed on this line, so the text runs on to line "
        f"{end.line}: add the closing {last_scalar.style} here"
    )


def _explain_misalignment(line_text: str, at: Position) -> str:
    before = line_text[: at.column - 1].rstrip()
    if before.strip() and before[-1] in "\"'":
        return "there is more text after the closing quote: put the whole text inside the quotes"
    return (
        "this line is not lined up with the lines around it: check its indentation (spaces at "
        "the start) matches the other keys at the same level"
    )


def _fallback_message(error: yaml.YAMLError, problem: str) -> str:
    detail = problem or type(error).__name__
    return f"this is not valid YAML ({detail}): check the indentation, colons and quotes"
