"""Content problems: what is wrong, where, and how to fix it, in words an officer reads."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file: ``path:line: field: message``."""

    path: str
    line: int = 0
    field: str = ""
    message: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised once with every problem found, so an officer can fix them all in one pass."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(render_problems(self.problems))


def render_problems(problems: list[Problem]) -> str:
    """The report a person reads: a count, then one line per problem."""
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    lines = [f"Found {count} {noun} in the content:"]
    lines += [f"  {problem}" for problem in problems]
    return "\n".join(lines)
