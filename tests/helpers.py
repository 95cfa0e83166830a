"""Shared helpers for tests: the repository root and CLI runners."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

from generator.cli.app import main

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "source_protocols"
SEEDS = SOURCES / "seeds"

TESTHAM = """---
council: Testham Parish Council
title: Protocol
tier: parish
source: test.txt
---

# Protocol

## 1. Scope

1.1 Councillors and officers must be courteous.
"""
"""A small valid source protocol (testham.md), for tests to spoil."""


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run ``python -m generator ARGS`` in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def run_python(*args: str, hash_seed: str = "0") -> str:
    """``python ARGS`` in a new process from the repository root with ``PYTHONHASHSEED``
    set, so two runs with different seeds show any set or dict order that leaks into output.
    Fails the test on a non-zero exit; its stdout."""
    result = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": hash_seed},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout
