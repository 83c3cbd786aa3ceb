"""YAML files → raw entries that remember where every key and value stands.

PyYAML composes the file into nodes (which carry line and column); we turn the
nodes into plain Python values ourselves so that duplicate keys, unknown tags and
runaway alias expansion become problems with a position instead of exceptions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem

__all__ = ["MAX_FILE_BYTES", "MAX_NODES", "FieldPath", "RawEntry", "load_yaml"]

FieldPath = tuple[str | int, ...]

MAX_FILE_BYTES = 1024 * 1024
"""No content file needs more; a larger one is refused before it is parsed."""

MAX_NODES = 100_000
"""Bounds alias expansion ("billion laughs"): a file may not expand into more values."""

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


@dataclass
class RawEntry:
    """A parsed YAML document: its data plus the position of every key and value."""

    path: str
    data: Any
    values: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    raw: dict[FieldPath, str] = field(default_factory=dict)

    def at(self, where: FieldPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column of a value (or of its key), falling back to the nearest parent."""
        table = self.keys if key else self.values
        probe = where
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))

    def problem(self, where: FieldPath, message: str, *, key: bool = False, **kw: Any) -> Problem:
        """A problem located at a field of this entry."""
        line, column = self.at(where, key=key)
        return Problem(self.path, line, column, dotted(where), message, **kw)


def dotted(where: FieldPath) -> str:
    """('sources', 0, 'quote') → 'sources[0].quote'."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class _Builder:
    """Turns composed nodes into Python values, recording positions and problems."""

    def __init__(self, entry: RawEntry, problems: list[Problem]) -> None:
        self.entry = entry
        self.problems = problems
        self.count = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, where: FieldPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge
        mark = node.start_mark
        self.entry.values[where] = (mark.line + 1, mark.column + 1)
        if node.tag not in _PLAIN_TAGS:
            self._problem(node, where, f"the tag {node.tag!r} is not allowed; write plain YAML values (no '!' tags)")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, where)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*where, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, where)

    def _problem(self, node: yaml.Node, where: FieldPath, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.entry.path, mark.line + 1, mark.column + 1, dotted(where), message))

    def _mapping(self, node: yaml.MappingNode, where: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, where, "a key must be a plain name, not a list or mapping")
                continue
            key = str(key_node.value)
            if key in result:
                first = self.entry.keys[(*where, key)]
                self._problem(
                    key_node, (*where, key), f"duplicate key {key!r} (first at line {first[0]}); keep one of them"
                )
                continue
            self.entry.keys[(*where, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, (*where, key))
        return result

    def _scalar(self, node: yaml.Node, where: FieldPath) -> Any:
        assert isinstance(node, yaml.ScalarNode)
        self.entry.raw[where] = node.value
        if node.tag == _STR:
            return node.value  # most values: skip the constructor's general machinery
        try:
            return self.constructor.construct_object(node)
        except yaml.constructor.ConstructorError as error:
            self._problem(node, where, f"{error.problem}; write a plain YAML value")
            return None
        except ValueError:
            # An impossible timestamp such as 2025-02-30: keep the text so the field's
            # own check can say what is wrong with it.
            return node.value


_STR = "tag:yaml.org,2002:str"


class _TooLarge(Exception):
    pass


def load_yaml(path: Path, display: str, max_bytes: int = MAX_FILE_BYTES) -> tuple[RawEntry | None, list[Problem]]:
    """Read one YAML file of at most ``max_bytes``; return its entry (None if unreadable) and the problems found."""
    problems: list[Problem] = []

    def fail(message: str, line: int = 1, column: int = 1) -> tuple[None, list[Problem]]:
        problems.append(Problem(display, line, column, "", message))
        return None, problems

    try:
        if path.is_symlink():
            return fail("is a symbolic link; content files must be real files inside content/")
        size = path.stat().st_size
        if size > max_bytes:
            return fail(f"is {size:,} bytes; a file of this kind may be at most {max_bytes:,} bytes")
        data = path.read_bytes()
    except OSError as error:
        return fail(f"cannot be read: {error.strerror or error}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return fail(f"is not UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8", line, column)

    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (error.context, error.problem) if part)
        if "expected a single document" in what:
            return fail("holds more than one YAML document ('---'); put one event in each file", line, column)
        return fail(
            f"YAML syntax error: {what}; check the indentation, and quote text that contains ': ' or starts with a special character",
            line,
            column,
        )
    except yaml.YAMLError as error:
        return fail(f"YAML error: {error}")
    finally:
        loader.dispose()
    if node is None:
        return fail("is empty; see the content model for the fields a file needs")

    entry = RawEntry(display, None)
    try:
        entry.data = _Builder(entry, problems).build(node, ())
    except _TooLarge:
        return fail(f"expands to more than {MAX_NODES:,} values (through YAML aliases?); write the values out")
    except RecursionError:
        return fail("is nested too deeply (or has a recursive alias)")
    return entry, problems


def is_date(value: object) -> bool:
    """True for what YAML makes of an unquoted 2025-04-28 (but not of a time stamp)."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
