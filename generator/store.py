"""Small files the build keeps for itself (the cache's file index, compiled language data), and the
package versions that decide when they are stale.

A kept file is a sha256 of its payload, then the payload: plain values in marshal form (loading it
runs no code). It is written atomically, or, when it is new, in place (:func:`create`); one that fails
its checksum is refused, never trusted.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any


def package_versions(*packages: str) -> str:
    """``name=version`` for each package ("none" when it is not installed), one per line."""
    out = []
    for package in packages:
        try:
            out.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            out.append(f"{package}=none")
    return "\n".join(out)


def replace_file(path: Path, data: bytes, tmp: Path | None = None) -> None:
    """Put ``data`` at ``path`` as a new file: written beside it under ``tmp`` (default: a hidden
    name with this process's id), then renamed over it. A reader never sees half a file, and a file
    that another folder shares by a hard link (an update's copy of the last site) is never written
    into. Raises OSError."""
    tmp = tmp or path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def dump(path: Path, value: Any) -> None:
    """Keep ``value`` at ``path`` (atomically: a reader never sees half a file). Raises OSError."""
    blob = _blob(value)
    try:
        replace_file(path, blob)
    except FileNotFoundError:  # the folder is made only when it is missing: one call, not one per file
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, blob)


def create(path: Path, value: Any) -> None:
    """Keep ``value`` at ``path`` as :func:`dump` does, but when no file is there yet, write it in
    place: no file beside it and no rename, which on a slow disk cost a cold build's analysis
    cache several times what writing its entries does. A reader that comes upon the file half
    written finds its checksum wrong and treats it as missing, as it does a damaged one; a file
    that is there already (damaged, or another build's) is replaced atomically. Raises OSError."""
    blob = _blob(value)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, 0o666)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, flags, 0o666)
    except FileExistsError:
        dump(path, value)
        return
    try:
        view = memoryview(blob)
        while view:
            view = view[os.write(fd, view):]
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)


def _blob(value: Any) -> bytes:
    payload = marshal.dumps(value)
    return hashlib.sha256(payload).digest() + payload


def load(path: Path) -> Any:
    """The value kept at ``path``. Raises OSError when it cannot be read, ValueError, EOFError or
    TypeError when it is damaged."""
    blob = path.read_bytes()
    if hashlib.sha256(blob[32:]).digest() != blob[:32]:
        raise ValueError("checksum mismatch")
    paused = gc.isenabled()
    gc.disable()  # many small containers, no cycles: collections would find nothing
    try:
        return marshal.loads(blob[32:])
    finally:
        if paused:
            gc.enable()
