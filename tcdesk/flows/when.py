"""``when`` conditions: a tiny, safe expression language (never ``eval``).

Grammar (keywords are lower case)::

    expr       := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | comparison
    comparison := operand (("<" | "<=" | ">" | ">=" | "==" | "!=") operand)?
    operand    := NAME | INTEGER | "string" | true | false | "(" expr ")"

Names are the facts in ``WHEN_NAMES``, each with a type; a condition is
type-checked when it is compiled, so ``age`` alone, ``insured < 3`` or an
unknown name are errors in the flow file, not surprises during a consult.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from tcdesk.domain import TreatmentType

# Fact name -> type. Documented in presentation_flows/README.md.
WHEN_NAMES: Mapping[str, type] = MappingProxyType(
    {
        "insured": bool,  # has orthodontic insurance with an estimate above $0
        "age": int,  # age in whole years on the consult day
        "is_child": bool,  # age < 11
        "is_minor": bool,  # age < 18
        "is_adult": bool,  # age >= 18
        "walk_in": bool,  # the patient came in as a walk-in
        "has_concerns": bool,  # the family's concerns were written down
        "has_priorities": bool,
        "has_findings": bool,
        "finding_count": int,
        "has_photos": bool,
        "photo_count": int,  # the family's photos and x-rays that can be shown
        "has_options": bool,
        "has_fee": bool,  # the chosen (else recommended) option has a fee to pay
        "option_count": int,
        "featured_type": str,  # treatment type of the chosen (else recommended) option
    }
)

# Names whose string values are a closed set: comparing with anything else is a typo.
WHEN_VALUES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "featured_type": frozenset({""} | {t.value for t in TreatmentType}),
    }
)

_COMPARE_OPS = ("<=", ">=", "==", "!=", "<", ">")
_KEYWORDS = frozenset({"and", "or", "not", "true", "false"})
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<op><=|>=|==|!=|<|>)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<int>\d+)
  | (?P<string>"[^"\\]*")
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    """,
    re.VERBOSE,
)


class WhenError(ValueError):
    """A condition that does not parse or type-check; ``column`` is 1-based."""

    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column

    def __str__(self) -> str:
        if self.column is None:
            return self.message
        return f"{self.message} (at column {self.column})"


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    column: int


# -- syntax tree -----------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    name: str
    column: int


@dataclass(frozen=True)
class Literal:
    value: bool | int | str
    column: int


@dataclass(frozen=True)
class Not:
    operand: Node
    column: int


@dataclass(frozen=True)
class BoolOp:
    op: str  # "and" | "or"
    operands: tuple[Node, ...]
    column: int


@dataclass(frozen=True)
class Compare:
    op: str
    left: Node
    right: Node
    column: int


Node = Name | Literal | Not | BoolOp | Compare


@dataclass(frozen=True)
class Condition:
    """A compiled ``when`` condition."""

    source: str
    tree: Node

    @property
    def names(self) -> frozenset[str]:
        return frozenset(_names(self.tree))

    def evaluate(self, facts: Mapping[str, Any]) -> bool:
        missing = self.names - facts.keys()
        if missing:
            raise KeyError(f"facts missing for condition {self.source!r}: {sorted(missing)}")
        return bool(_evaluate(self.tree, facts))


def compile_when(source: str, names: Mapping[str, type] = WHEN_NAMES) -> Condition:
    """Parse and type-check ``source``; raise ``WhenError`` with the column."""
    tokens = _tokenize(source)
    if not tokens:
        raise WhenError("the condition is empty")
    parser = _Parser(tokens, len(source) + 1)
    tree = parser.parse()
    if _type_of(tree, names) is not bool:
        raise WhenError("the condition must be true or false, e.g. 'age < 11'", 1)
    return Condition(source=source, tree=tree)


def facts_from_context(context: Mapping[str, Any]) -> dict[str, bool | int | str]:
    """The ``when`` facts of a render context (see tcdesk.services.presentation)."""
    patient = context["patient"]
    age = int(patient["age"])
    featured = context.get("featured")
    return {
        "insured": bool(context["insured"]),
        "age": age,
        "is_child": age < 11,
        "is_minor": age < 18,
        "is_adult": age >= 18,
        "walk_in": bool(context.get("walk_in", False)),
        "has_concerns": bool(str(context.get("concerns", "")).strip()),
        "has_priorities": bool(context.get("priorities")),
        "has_findings": bool(context.get("findings")),
        "finding_count": len(context.get("findings") or ()),
        "has_photos": bool(context.get("photos")),
        "photo_count": len(context.get("photos") or ()),
        "has_options": bool(context.get("options")),
        "has_fee": bool(featured and featured.get("fee")),
        "option_count": len(context.get("options") or ()),
        "featured_type": str(featured["type"]) if featured else "",
    }


# -- implementation --------------------------------------------------------------


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None:
            char = source[position]
            if char == '"':
                raise WhenError("unterminated string", position + 1)
            raise WhenError(f"unexpected character {char!r}", position + 1)
        kind = match.lastgroup or ""
        if kind != "space":
            text = match.group()
            if kind == "name" and text in _KEYWORDS:
                kind = text
            tokens.append(_Token(kind, text, position + 1))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, tokens: list[_Token], end_column: int) -> None:
        self._tokens = tokens
        self._pos = 0
        self._end_column = end_column

    def parse(self) -> Node:
        node = self._or()
        if self._pos < len(self._tokens):
            token = self._tokens[self._pos]
            raise WhenError(f"unexpected {token.text!r}", token.column)
        return node

    def _peek(self) -> _Token | None:
        return self._tokens[self._pos] if self._pos < len(self._tokens) else None

    def _take(self) -> _Token:
        token = self._peek()
        if token is None:
            raise WhenError("the condition ends too early", self._end_column)
        self._pos += 1
        return token

    def _or(self) -> Node:
        return self._bool_op("or", self._and)

    def _and(self) -> Node:
        return self._bool_op("and", self._not)

    def _bool_op(self, op: str, operand) -> Node:
        first = operand()
        operands = [first]
        while (token := self._peek()) is not None and token.kind == op:
            self._pos += 1
            operands.append(operand())
        if len(operands) == 1:
            return first
        return BoolOp(op, tuple(operands), _column(first))

    def _not(self) -> Node:
        token = self._peek()
        if token is not None and token.kind == "not":
            self._pos += 1
            return Not(self._not(), token.column)
        return self._comparison()

    def _comparison(self) -> Node:
        left = self._operand()
        token = self._peek()
        if token is not None and token.kind == "op":
            self._pos += 1
            right = self._operand()
            after = self._peek()
            if after is not None and after.kind == "op":
                raise WhenError("chained comparisons are not allowed; use 'and'", after.column)
            return Compare(token.text, left, right, token.column)
        return left

    def _operand(self) -> Node:
        token = self._take()
        if token.kind == "name":
            return Name(token.text, token.column)
        if token.kind == "int":
            return Literal(int(token.text), token.column)
        if token.kind == "string":
            return Literal(token.text[1:-1], token.column)
        if token.kind in ("true", "false"):
            return Literal(token.kind == "true", token.column)
        if token.kind == "lparen":
            inner = self._or()
            closing = self._take()
            if closing.kind != "rparen":
                raise WhenError(f"expected ')' but found {closing.text!r}", closing.column)
            return inner
        raise WhenError(f"unexpected {token.text!r}", token.column)


def _column(node: Node) -> int:
    return node.column


def _names(node: Node) -> list[str]:
    if isinstance(node, Name):
        return [node.name]
    if isinstance(node, Literal):
        return []
    if isinstance(node, Not):
        return _names(node.operand)
    if isinstance(node, BoolOp):
        return [n for operand in node.operands for n in _names(operand)]
    return _names(node.left) + _names(node.right)


def _type_of(node: Node, names: Mapping[str, type]) -> type:
    if isinstance(node, Name):
        if node.name not in names:
            close = difflib.get_close_matches(node.name, list(names), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            known = ", ".join(sorted(names))
            raise WhenError(f"unknown name {node.name!r} ({hint}known: {known})", node.column)
        return names[node.name]
    if isinstance(node, Literal):
        return type(node.value)
    if isinstance(node, Not):
        if _type_of(node.operand, names) is not bool:
            raise WhenError("'not' needs a true/false value", node.column)
        return bool
    if isinstance(node, BoolOp):
        for operand in node.operands:
            if _type_of(operand, names) is not bool:
                raise WhenError(
                    f"'{node.op}' needs true/false values on both sides", _column(operand)
                )
        return bool
    left = _type_of(node.left, names)
    right = _type_of(node.right, names)
    if left is not right:
        raise WhenError(
            f"cannot compare {left.__name__} with {right.__name__} using {node.op!r}",
            node.column,
        )
    if left is not int and node.op not in ("==", "!="):
        raise WhenError(f"{node.op!r} only compares numbers; use == or !=", node.column)
    _check_closed_values(node.left, node.right)
    _check_closed_values(node.right, node.left)
    return bool


def _check_closed_values(name: Node, literal: Node) -> None:
    if not (isinstance(name, Name) and isinstance(literal, Literal)):
        return
    allowed = WHEN_VALUES.get(name.name)
    if allowed is not None and literal.value not in allowed:
        choices = ", ".join(repr(v) for v in sorted(allowed))
        raise WhenError(
            f"{name.name} is never {literal.value!r} (one of {choices})", literal.column
        )


def _evaluate(node: Node, facts: Mapping[str, Any]) -> bool | int | str:
    if isinstance(node, Name):
        return facts[node.name]
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Not):
        return not _evaluate(node.operand, facts)
    if isinstance(node, BoolOp):
        if node.op == "and":
            return all(_evaluate(operand, facts) for operand in node.operands)
        return any(_evaluate(operand, facts) for operand in node.operands)
    left = _evaluate(node.left, facts)
    right = _evaluate(node.right, facts)
    match node.op:
        case "<":
            return left < right  # type: ignore[operator]
        case "<=":
            return left <= right  # type: ignore[operator]
        case ">":
            return left > right  # type: ignore[operator]
        case ">=":
            return left >= right  # type: ignore[operator]
        case "==":
            return left == right
        case _:
            return left != right
