"""MkDocs hooks: add the generated pages. All logic lives in generator.site (pure)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from generator.problems import Severity
from generator.project import load_project
from generator.site import build_pages

ROOT = Path(__file__).resolve().parent


def on_files(files: Files, config: Any) -> Files:
    project, problems = load_project(ROOT)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        from mkdocs.exceptions import PluginError

        raise PluginError("\n".join(str(p) for p in errors))
    for path, content in sorted(build_pages(project).items()):
        files.append(File.generated(config, path, content=content))
    return files
