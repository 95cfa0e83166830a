"""Every Word file the project writes, checked against the Open XML specification.

``openxml-audit`` (pure Python) validates a package's parts against the schemas of each
Office version, their relationships and content types, the document properties, and the
rules Word applies when it opens a file (the "app-compat" rules: a file that breaks one
makes Word offer to "recover the contents"). The check here is its strictest setting for
Word: strict policy (the theme, settings and font table are required), security checks
on, no cap on findings, and every Office version from 2007 to Microsoft 365, so a file
that passes opens cleanly in any Word a council runs. Warnings count as findings too.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from openxml_audit import FileFormat, OpenXmlValidator, ValidationResult, predict

WORD_FORMATS = (
    FileFormat.OFFICE_2007,
    FileFormat.OFFICE_2010,
    FileFormat.OFFICE_2013,
    FileFormat.OFFICE_2016,
    FileFormat.OFFICE_2019,
    FileFormat.OFFICE_2021,
    FileFormat.MICROSOFT_365,
)


@functools.cache
def _validator(file_format: FileFormat) -> OpenXmlValidator:
    return OpenXmlValidator(
        file_format=file_format,
        max_errors=0,  # report every finding
        schema_validation=True,
        semantic_validation=True,
        security_validation=True,
        strict=True,
    )


def audit(data: bytes, name: str = "document.docx") -> list[str]:
    """Every finding for the Word file ``data``, over every Office version, as readable
    lines ('office2007: /word/styles.xml: ... [warning]'); empty when it is clean."""
    findings: list[str] = []
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / name
        path.write_bytes(data)
        for file_format in WORD_FORMATS:
            result: ValidationResult = _validator(file_format).validate(path)
            verdict = predict(result)
            for e in result.errors:
                where = f"{e.part_uri} {e.path}".strip()
                findings.append(
                    f"{file_format.value}: {where}: {e.description} [{e.severity.value}]"
                )
            if not result.errors and verdict.prediction.value != "opens-clean":
                findings.append(f"{file_format.value}: {verdict.headline}")
    return findings
