"""Problems found in input: located, collected, and reported all at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """Errors stop the build; warnings stop it only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, with where it is."""

    path: str
    """The file, as the user named it."""
    line: int
    """1-based line; 0 when the problem concerns the whole file."""
    message: str
    """What is wrong and, where known, how to fix it."""
    severity: Severity = Severity.ERROR
    """Error or warning."""
    column: int = 0
    """1-based column where known, else 0."""

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        tag = " (warning)" if self.severity is Severity.WARNING else ""
        return f"{where}: {self.message}{tag}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """Only the errors."""
    return [p for p in problems if p.severity is Severity.ERROR]


class InputError(Exception):
    """Raised at an I/O edge when input has errors; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
