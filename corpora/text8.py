"""text8: download once from its canonical address, verify, cache in the user's data directory.

``fetch_text8()`` streams the zip to a temporary file next to the cache (so the final rename
is atomic), checks its size (and a SHA-256 when one is given), unzips the ``text8`` member
to another temporary file while checking that it is ``[a-z ]`` text of the expected size,
then renames it into place.  Any failure, a cancel (``cancel_event``) or Ctrl-C removes
every temporary file: the cache holds a whole, verified text8 or nothing.

Cache folder: ``$WORDLAB_DATA_DIR`` if set, else ``platformdirs.user_data_dir("wordlab")``.

No SHA-256 of the official zip is recorded here (it could not be computed where this was
written, and a made-up one would be worse than none); the official download is instead
verified by its exact sizes (31,344,016 bytes zipped, 100,000,000 bytes unzipped) and by its
alphabet (only a-z and space), which together catch truncation and corruption.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

from engine.errors import CorpusError

__all__ = [
    "TEXT8_URL",
    "TEXT8_ZIP_SIZE",
    "TEXT8_SIZE",
    "data_dir",
    "text8_path",
    "fetch_text8",
]

TEXT8_URL = "http://mattmahoney.net/dc/text8.zip"
TEXT8_ZIP_SIZE = 31_344_016
TEXT8_SIZE = 100_000_000
_CHUNK = 1 << 16
_ALPHABET = b"abcdefghijklmnopqrstuvwxyz "
_WAY_OUT = "train on your own text with --corpus PATH instead"


def data_dir() -> Path:
    """Where wordlab caches downloads: $WORDLAB_DATA_DIR, else the platform's user data dir."""
    env = os.environ.get("WORDLAB_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("wordlab", appauthor=False))


def text8_path(dest_dir: Path | None = None) -> Path:
    """Where the unzipped text8 lives (it may not exist yet)."""
    return Path(dest_dir or data_dir()) / "text8"


def _remove(path: Path | None) -> None:
    if path is not None:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def fetch_text8(
    url: str = TEXT8_URL,
    dest_dir: str | os.PathLike | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    cancel_event: threading.Event | None = None,
    *,
    expected_sha256: str | None = None,
    expected_zip_size: int | None = None,
    expected_size: int | None = None,
    member: str = "text8",
    timeout: float = 30.0,
    force: bool = False,
) -> Path:
    """Download, verify and cache text8; return the path of the unzipped text.

    ``progress(done, total)`` is called as bytes arrive (``total`` may be None when the
    server does not say).  For the canonical URL the expected sizes default to the official
    ones; for another URL (a mirror, a test) pass them, or leave them None to skip that check.
    Already cached: returns at once unless ``force``.  Raises CorpusError with one line.
    """
    dest = Path(dest_dir) if dest_dir is not None else data_dir()
    final = text8_path(dest)
    if final.is_file() and not force:
        return final
    if url == TEXT8_URL:
        expected_zip_size = TEXT8_ZIP_SIZE if expected_zip_size is None else expected_zip_size
        expected_size = TEXT8_SIZE if expected_size is None else expected_size
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CorpusError(f"cannot create the data folder {dest}: {e.strerror or e}") from None

    _remove_stale_parts(dest)
    zip_tmp: Path | None = None
    txt_tmp: Path | None = None
    try:
        zip_tmp = _download(url, dest, progress, cancel_event, expected_zip_size, expected_sha256, timeout)
        txt_tmp = _unzip(zip_tmp, dest, member, expected_size, cancel_event)
        os.replace(txt_tmp, final)
        txt_tmp = None
        return final
    finally:  # success, CorpusError, OSError, KeyboardInterrupt: no partial file stays behind
        _remove(zip_tmp)
        _remove(txt_tmp)


def _remove_stale_parts(dest: Path, max_age: float = 600.0) -> None:
    """Temporary files left by a process that was killed outright (no chance to clean up).

    Only files untouched for ``max_age`` seconds: a download in progress writes every block."""
    import time

    now = time.time()
    for p in dest.glob(".text8-*.part"):
        try:
            if now - p.stat().st_mtime > max_age:
                p.unlink()
        except OSError:
            pass


def _cancelled(cancel_event: threading.Event | None) -> None:
    if cancel_event is not None and cancel_event.is_set():
        raise CorpusError("text8 download cancelled; the partial download was removed")


def _download(url, dest, progress, cancel_event, expected_zip_size, expected_sha256, timeout) -> Path:
    import urllib.error
    import urllib.request

    fd, name = tempfile.mkstemp(prefix=".text8-", suffix=".zip.part", dir=dest)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            try:
                response = urllib.request.urlopen(url, timeout=timeout)
            except urllib.error.HTTPError as e:
                raise CorpusError(f"cannot download text8 from {url}: HTTP {e.code} {e.reason}; "
                                  f"{_WAY_OUT}") from None
            except (urllib.error.URLError, OSError, ValueError) as e:
                reason = getattr(e, "reason", None) or e
                raise CorpusError(f"cannot download text8 from {url} ({reason}): no network? "
                                  f"{_WAY_OUT}") from None
            with response:
                length = response.headers.get("Content-Length")
                total = int(length) if length and length.isdigit() else expected_zip_size
                sha = hashlib.sha256()
                done = 0
                if progress:
                    progress(0, total)
                while True:
                    _cancelled(cancel_event)
                    try:
                        block = response.read(_CHUNK)
                    except (OSError, ValueError) as e:
                        raise CorpusError(f"text8 download from {url} broke off after {done:,} bytes "
                                          f"({e}); {_WAY_OUT}") from None
                    if not block:
                        break
                    out.write(block)
                    sha.update(block)
                    done += len(block)
                    if progress:
                        progress(done, total)
        if length and length.isdigit() and done != int(length):
            raise CorpusError(f"text8 download incomplete: got {done:,} of {int(length):,} bytes; "
                              "try again, or " + _WAY_OUT)
        if expected_zip_size is not None and done != expected_zip_size:
            raise CorpusError(f"text8 download has the wrong size: {done:,} bytes, expected "
                              f"{expected_zip_size:,}; try again, or " + _WAY_OUT)
        if expected_sha256 is not None and sha.hexdigest() != expected_sha256.lower():
            raise CorpusError("text8 download is corrupt (SHA-256 mismatch); try again, or " + _WAY_OUT)
        return tmp
    except BaseException:
        _remove(tmp)
        raise


def _unzip(zip_path: Path, dest: Path, member: str, expected_size, cancel_event) -> Path:
    try:
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as e:
        raise CorpusError(f"text8 download is not a valid zip file ({e}); try again, or {_WAY_OUT}") from None
    fd, name = tempfile.mkstemp(prefix=".text8-", suffix=".part", dir=dest)
    tmp = Path(name)
    try:
        with zf, os.fdopen(fd, "wb") as out:
            names = zf.namelist()
            if member not in names:
                raise CorpusError(f"text8 zip has no member {member!r} (it has: {', '.join(names[:5])})")
            info = zf.getinfo(member)
            if expected_size is not None and info.file_size != expected_size:
                raise CorpusError(f"text8 in the zip has {info.file_size:,} bytes, expected {expected_size:,}")
            size = 0
            with zf.open(info) as src:
                while True:
                    _cancelled(cancel_event)
                    block = src.read(1 << 20)
                    if not block:
                        break
                    if block.translate(None, _ALPHABET):
                        raise CorpusError("text8 is corrupt: it holds characters other than a-z and space")
                    out.write(block)
                    size += len(block)
            if size == 0:
                raise CorpusError("text8 in the zip is empty")
            if expected_size is not None and size != expected_size:
                raise CorpusError(f"text8 unzipped to {size:,} bytes, expected {expected_size:,}")
        return tmp
    except zipfile.BadZipFile as e:  # CRC mismatch while reading
        _remove(tmp)
        raise CorpusError(f"text8 download is corrupt ({e}); try again, or {_WAY_OUT}") from None
    except BaseException:
        _remove(tmp)
        raise
