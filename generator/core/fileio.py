"""The few functions that write files: atomically, so nothing is ever half-written.

- :func:`write_atomic` writes one file through a temporary file in the same folder and a
  rename: the old file, if any, stays whole until the new one is complete.
- :func:`check_target` says whether a path may be written at all: a new path, or an existing
  regular file when the user said ``--force``; never a folder, a symbolic link, a FIFO or a
  device (writing there would replace something that is not a file of ours).
- :func:`write_tree_swap` writes a whole folder of outputs into a temporary folder beside it,
  then swaps it in: a failure half-way (a full disk) leaves the previous output as it was.
- :func:`write_error` turns an ``OSError`` into the one line a user sees.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path


class WriteError(Exception):
    """A file or folder could not be written; ``str()`` is the one line to print."""


def write_error(path: Path, exc: OSError) -> str:
    """``PATH: cannot write: reason`` with a hint for the usual causes."""
    reason = exc.strerror or str(exc)
    hints = {
        errno.ENOSPC: " (the disk is full)",
        errno.EDQUOT: " (the disk quota is used up)",
        errno.EACCES: " (no permission to write there)",
        errno.EROFS: " (the file system is read-only)",
        errno.ENOTDIR: " (part of the path is a file, not a folder)",
        errno.EEXIST: " (something else is already there)",
        errno.ENAMETOOLONG: "",
    }
    return f"{path}: cannot write: {reason}{hints.get(exc.errno or 0, '')}"


_NAMED_BY_SUFFIX = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".docx": "docx",
    ".txt": "text",
}


def format_named_by(output: Path | None) -> str | None:
    """The report format an output file's extension names ('html' for changes.html), if any:
    a report is never written in one format into a file named for another.

    >>> format_named_by(Path("changes.HTML")), format_named_by(Path("notes.rtf"))
    ('html', None)
    """
    return _NAMED_BY_SUFFIX.get(output.suffix.lower()) if output is not None else None


def check_target(path: Path, force: bool) -> str | None:
    """Why ``path`` may not be written (one line), or None when it may."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return f"{path}: cannot write: part of the path is a file, not a folder"
    except OSError as exc:
        return write_error(path, exc)
    if stat.S_ISLNK(info.st_mode):
        return f"{path}: is a symbolic link; give a new file name (nothing written)"
    if stat.S_ISDIR(info.st_mode):
        return f"{path}: is a folder; give a file name (nothing written)"
    if not stat.S_ISREG(info.st_mode):
        return f"{path}: is not a regular file (a pipe or a device); nothing written"
    if not force:
        return f"{path}: already exists; use --force to replace it (nothing written)"
    return None


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same directory and a rename.

    Raises ``OSError``; on any failure no temporary file is left behind and ``path`` is as
    it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:80]}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> None:
    """Write ``{relative path: content}`` under ``root``, in sorted order."""
    for rel in sorted(files):
        write_atomic(root / rel, files[rel])


def write_tree_swap(root: Path, files: Mapping[str, str | bytes]) -> None:
    """Replace the folder ``root`` by exactly ``files``, all or nothing.

    Everything is written into a temporary folder beside ``root``; only when all of it is
    written is the old folder moved aside and the new one renamed into place. On failure
    ``root`` is as it was and no temporary folder is left. A folder holding anything this
    command did not write is refused, so nothing of the user's is ever removed. Raises
    :class:`WriteError`.
    """
    shown, root = root, Path(os.path.abspath(root))  # "." has a name once made absolute
    try:
        info = root.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise WriteError(write_error(shown, exc)) from exc
    if info is not None and not stat.S_ISDIR(info.st_mode):
        what = "a symbolic link" if stat.S_ISLNK(info.st_mode) else "a file"
        raise WriteError(f"{shown}: is {what}, not a folder; give a folder (nothing written)")
    if info is not None:
        try:
            present = {p.name for p in root.iterdir()}
        except OSError as exc:
            raise WriteError(write_error(shown, exc)) from exc
        extra = sorted(present - {rel.split("/")[0] for rel in files})
        if extra:
            listed = ", ".join(extra[:3]) + (", ..." if len(extra) > 3 else "")
            raise WriteError(
                f"{shown}: holds other files ({listed}) that this command did not write; "
                "give a new or empty folder, or one it wrote before (nothing written)"
            )
    parent = root.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{root.name[:80]}.", suffix=".new"))
    except OSError as exc:
        raise WriteError(write_error(shown, exc)) from exc
    old: Path | None = None
    try:
        for rel in sorted(files):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            data = files[rel]
            target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(staging, 0o755)
        if info is not None:
            old = Path(tempfile.mkdtemp(dir=parent, prefix=f".{root.name[:80]}.", suffix=".old"))
            os.rmdir(old)
            os.replace(root, old)
        try:
            os.replace(staging, root)
        except OSError:
            if old is not None:
                os.replace(old, root)
                old = None
            raise
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise WriteError(write_error(shown, exc)) from exc
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
