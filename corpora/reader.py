"""Streaming text files into sentences of tokens, never holding a whole file in memory.

Files are read in fixed-size blocks (:data:`BLOCK`) through an incremental decoder, so a
1 GB file, or one 100 MB line without a newline (text8), costs a few blocks of memory.

Encoding policy (documented for users in one line each):

* UTF-8 is expected; a UTF-8 byte-order mark is ignored, a UTF-16 BOM selects UTF-16.
* Bytes that are not valid UTF-8 are *replaced*, one by one, by the character they mean in
  Windows-1252 (a superset of Latin-1 for printable text).  A Latin-1 file ``café`` therefore
  still gives the token ``café``; each such byte is counted in ``replaced_bytes`` and the user
  sees ``"latin1.txt: not valid UTF-8; 3 bytes replaced (read as Windows-1252)"``.
  This works in a stream (unlike "try UTF-8, then re-read the file as Latin-1") and keeps a
  mostly-UTF-8 file with a few stray bytes intact.
* ``encoding="latin-1"`` (or any Python codec name) forces a codec instead.
* A file with NUL bytes in its first block, or whose first block is mostly undecodable or
  control characters, is refused, with what it looks like (:func:`looks_like`): "an executable
  (ELF)", "a ZIP archive", "an image (PNG)", ... or "binary data (NUL bytes)", never its raw
  bytes.

Sentences: one per line by default; a line longer than :data:`LONG_LINE` tokens is cut into
sentences of :data:`LONG_LINE_CHUNK` tokens as it streams.  With ``chunk=N`` line breaks are
ignored and every N tokens make a sentence (word2vec.c's behaviour on text8).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from engine.errors import CorpusError

__all__ = [
    "BLOCK",
    "LONG_LINE",
    "LONG_LINE_CHUNK",
    "FileReport",
    "sniff",
    "iter_sentences",
    "looks_like",
]

BLOCK = 1 << 18            # 256 KiB per read: a block's tokens, not the file, bound the memory
SNIFF = 1 << 16            # bytes looked at to decide "binary?"
LONG_LINE = 10_000         # a line with more tokens than this is streamed in chunks
LONG_LINE_CHUNK = 1_000    # ... of this many tokens (word2vec.c's MAX_SENTENCE_LENGTH)
MAX_TAIL = 1 << 20         # a "word" longer than this without a space is cut anyway

_ESCAPED = re.compile("[\udc80-\udcff]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x9f]")  # C0/C1 controls, not whitespace
# surrogateescape turns an undecodable byte b into U+DC00+b; map it to its Windows-1252 meaning
# (the five bytes cp1252 leaves undefined fall back to Latin-1, i.e. a C1 control character).
_CP1252 = {
    0xDC00 + b: bytes([b]).decode("cp1252", errors="strict") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    else chr(b)
    for b in range(0x80, 0x100)
}


@dataclass
class FileReport:
    """What reading one file found; filled in as the file streams."""

    path: Path
    encoding: str = "utf-8"
    replaced_bytes: int = 0
    tokens: int = 0

    def note(self) -> str | None:
        """The one line to show the user, or None when there is nothing to say."""
        if self.replaced_bytes:
            n = self.replaced_bytes
            return (f"{self.path.name}: not valid UTF-8; {n} byte{'s' if n != 1 else ''} "
                    "replaced (read as Windows-1252)")
        return None


def _detect_encoding(head: bytes, forced: str | None) -> tuple[str, int]:
    """(codec, bytes of BOM to skip)."""
    if forced:
        try:
            name = codecs.lookup(forced).name
        except LookupError:
            raise CorpusError(f"unknown text encoding {forced!r}") from None
        return name, 0
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 0  # the utf-16 codec reads and drops its own BOM
    return "utf-8", 0


class _Decoder:
    """Incremental decoder that counts (and repairs) bytes that are not valid UTF-8."""

    def __init__(self, encoding: str) -> None:
        self.utf8 = encoding == "utf-8"
        errors = "surrogateescape" if self.utf8 else "replace"
        self._dec = codecs.getincrementaldecoder(encoding)(errors=errors)
        self.replaced = 0

    def decode(self, data: bytes, final: bool = False) -> str:
        text = self._dec.decode(data, final)
        if self.utf8:
            if not text.isascii() and _ESCAPED.search(text):
                self.replaced += len(_ESCAPED.findall(text))
                text = text.translate(_CP1252)
        elif "\ufffd" in text:
            self.replaced += text.count("\ufffd")
        return text


def _nfc(text: str) -> str:
    """NFC, so "café" typed as e + U+0301 and as é is one word.  Applied to text cut at
    whitespace (never between a letter and its accent, which may sit in different blocks)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _open(path: Path):
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise CorpusError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise CorpusError(f"{path} is a folder, not a file") from None
    except PermissionError:
        raise CorpusError(f"cannot read {path}: permission denied") from None
    except OSError as e:
        raise CorpusError(f"cannot read {path}: {e.strerror or e}") from None


# (offset, magic bytes, what the file is); checked in order, first match wins.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x7fELF", "an executable (ELF)"),
    (0, b"MZ", "a Windows executable (PE)"),
    (0, b"\xcf\xfa\xed\xfe", "an executable (Mach-O)"),
    (0, b"\xce\xfa\xed\xfe", "an executable (Mach-O)"),
    (0, b"\xca\xfe\xba\xbe", "an executable (Mach-O) or a Java class file"),
    (0, b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.jar/.pt, which are ZIPs)"),
    (0, b"PK\x05\x06", "a ZIP archive (empty)"),
    (0, b"\x1f\x8b", "a gzip file (unpack it first: gunzip)"),
    (0, b"BZh", "a bzip2 file (unpack it first: bunzip2)"),
    (0, b"\xfd7zXZ\x00", "an xz file (unpack it first: unxz)"),
    (0, b"\x28\xb5\x2f\xfd", "a zstd file (unpack it first: unzstd)"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (257, b"ustar", "a tar archive"),
    (0, b"%PDF", "a PDF document"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls/.ppt)"),
    (0, b"\x89PNG", "an image (PNG)"),
    (0, b"\xff\xd8\xff", "an image (JPEG)"),
    (0, b"GIF8", "an image (GIF)"),
    (0, b"II*\x00", "an image (TIFF)"),
    (0, b"MM\x00*", "an image (TIFF)"),
    (0, b"ID3", "audio (MP3)"),
    (0, b"OggS", "audio or video (Ogg)"),
    (0, b"fLaC", "audio (FLAC)"),
    (4, b"ftyp", "a video or audio file (MP4/MOV)"),
    (0, b"\x1aE\xdf\xa3", "a video (Matroska/WebM)"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"\x93NUMPY", "a NumPy array file (.npy)"),
)
_RIFF = {b"WEBP": "an image (WebP)", b"WAVE": "audio (WAV)", b"AVI ": "a video (AVI)"}
_W2V_HEADER = re.compile(rb"\s*\d+[ \t]+\d+[ \t]*\r?\n")


def looks_like(head: bytes) -> str | None:
    """What a file whose first bytes are ``head`` looks like, from its signature (magic
    bytes): ``"an executable (ELF)"``, ``"a ZIP archive ..."``, ``"an image (PNG)"``, ...
    ``"a binary word2vec vectors file"`` for a ``<words> <dimensions>`` header followed by
    raw floats; None when no known signature matches.  For messages: a user told what the
    file is sees the mistake at once, which ``'\\x7fELF\\x02...'`` does not show."""
    for offset, magic, what in _SIGNATURES:
        if head[offset:offset + len(magic)] == magic:
            return what
    if head[:4] == b"RIFF" and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    if _W2V_HEADER.match(head):
        return "a binary word2vec vectors file (open it as vectors)"
    return None


def _binary_file(path: Path, head: bytes, evidence: str) -> CorpusError:
    what = looks_like(head) or f"binary data ({evidence})"
    return CorpusError(f"{path} looks like {what}, not text")


def sniff(path: Path, encoding: str | None = None) -> str:
    """Look at the first block: refuse binaries, return the codec that will be used.

    Raises CorpusError for a binary-looking file.  Does not decide emptiness of the
    tokens (that needs the tokenizer); an empty (0-byte) file is refused here.
    """
    with _open(path) as f:
        head = f.read(SNIFF)
    if not head:
        raise CorpusError(f"{path} is empty")
    codec, skip = _detect_encoding(head, encoding)
    if not codec.startswith(("utf-16", "utf-32")) and b"\x00" in head:
        raise _binary_file(path, head, "NUL bytes")
    dec = _Decoder(codec)
    text = dec.decode(head[skip:])
    if text:
        controls = len(_CONTROL.findall(text))
        if controls > 0.05 * len(text):
            raise _binary_file(path, head, "control characters")
        if dec.replaced > 0.3 * len(text):
            what = looks_like(head)
            if what:  # e.g. a JPEG without a NUL in its first block
                raise CorpusError(f"{path} looks like {what}, not text")
            # Greek/Cyrillic/... in a legacy code page: Windows-1252 would make nonsense words
            raise CorpusError(f"{path} is mostly not UTF-8 ({dec.replaced:,} bad bytes in its first "
                              f"{len(head):,}); if it is text, name its encoding with --encoding "
                              "(e.g. cp1251, iso8859-7)")
    return codec


def _blocks(path: Path, codec: str, report: FileReport) -> Iterator[str]:
    """Decoded text of the file, block by block."""
    with _open(path) as f:
        first = True
        dec = _Decoder(codec)
        while True:
            data = f.read(BLOCK)
            if first:
                if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
                    data = data[3:]
                first = False
            if not data:
                text = dec.decode(b"", final=True)
                report.replaced_bytes = dec.replaced
                if text:
                    yield text
                return
            text = dec.decode(data)
            report.replaced_bytes = dec.replaced
            if text:
                yield text


def _split_tail(text: str) -> tuple[str, str]:
    """Split at the last whitespace: (complete text, unfinished word carried to the next block).

    The complete part comes back NFC-normalized."""
    cut = max(text.rfind(" "), text.rfind("\n"), text.rfind("\t"), text.rfind("\r"))
    if cut < 0:
        return ("", text) if len(text) < MAX_TAIL else (_nfc(text), "")
    return _nfc(text[: cut + 1]), text[cut + 1:]


def iter_sentences(
    path: Path,
    tokenize: Callable[[str], list[str]],
    report: FileReport,
    chunk: int | None = None,
    codec: str = "utf-8",
) -> Iterator[list[str]]:
    """Stream one file as sentences (lists of tokens); updates ``report`` as it goes."""
    report.replaced_bytes = 0
    report.tokens = 0
    tail = ""                 # the unfinished word at the end of the previous block
    pending: list[str] = []   # tokens of the current (unfinished) line or chunk

    if chunk:
        for text in _blocks(path, codec, report):
            text, tail = _split_tail(tail + text)
            toks = tokenize(text)
            report.tokens += len(toks)
            pending.extend(toks)
            if len(pending) >= chunk:
                start = 0
                while len(pending) - start >= chunk:
                    yield pending[start:start + chunk]
                    start += chunk
                del pending[:start]
        toks = tokenize(_nfc(tail))
        report.tokens += len(toks)
        pending.extend(toks)
        for start in range(0, len(pending), chunk):
            yield pending[start:start + chunk]
        return

    size = LONG_LINE_CHUNK
    long_line = False  # the current line passed LONG_LINE tokens: it streams in chunks

    def add(toks: list[str]) -> None:
        nonlocal pending
        report.tokens += len(toks)
        if pending:
            pending.extend(toks)
        else:
            pending = toks

    def end_of_line() -> Iterator[list[str]]:
        nonlocal pending, long_line
        if long_line or len(pending) > LONG_LINE:
            for start in range(0, len(pending), size):
                yield pending[start:start + size]
        elif pending:
            yield pending
        pending = []
        long_line = False

    for text in _blocks(path, codec, report):
        text, tail = _split_tail(tail + text)
        if not text:
            continue
        lines = text.split("\n")
        for line in lines[:-1]:
            add(tokenize(line))
            yield from end_of_line()
        add(tokenize(lines[-1]))
        if long_line or len(pending) > LONG_LINE:
            long_line = True
            start = 0
            while len(pending) - start >= size:
                yield pending[start:start + size]
                start += size
            pending = pending[start:]
    add(tokenize(_nfc(tail)))
    yield from end_of_line()
