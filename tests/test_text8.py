"""text8 fetch against a local HTTP server on 127.0.0.1: success, corruption, interruption, no network."""

from __future__ import annotations

import hashlib
import io
import random
import socket
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from corpora import fetch_text8, list_corpora, open_corpus, text8_path
from corpora.text8 import TEXT8_URL, data_dir
from engine.errors import CorpusError

rng = random.Random(0)
TEXT = " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 9)))
                for _ in range(40_000)).encode()  # ~200 kB of [a-z ], compresses to > 64 kB


def make_zip(member: bytes, name: str = "text8") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, member)
    return buf.getvalue()


GOOD = make_zip(TEXT)
GOOD_SHA = hashlib.sha256(GOOD).hexdigest()


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, bytes] = {
        "/text8.zip": GOOD,
        "/upper.zip": make_zip(b"Hello World"),
        "/renamed.zip": make_zip(TEXT, name="other"),
        "/garbage.zip": b"this is not a zip file at all" * 100,
        "/flipped.zip": GOOD[:5000] + bytes([GOOD[5000] ^ 0xFF]) + GOOD[5001:],
    }

    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):
        if self.path == "/short.zip":  # claims the full length, sends half, hangs up
            self.send_response(200)
            self.send_header("Content-Length", str(len(GOOD)))
            self.end_headers()
            self.wfile.write(GOOD[: len(GOOD) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        body = self.routes.get(self.path)
        if body is None:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def dest(tmp_path, monkeypatch):
    monkeypatch.setenv("WORDLAB_DATA_DIR", str(tmp_path))
    return tmp_path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_data_dir_follows_the_environment(dest):
    assert data_dir() == dest and text8_path() == dest / "text8"


def test_fetch_success_then_open(server, dest):
    seen = []
    path = fetch_text8(f"{server}/text8.zip", progress=lambda done, total: seen.append((done, total)),
                       expected_sha256=GOOD_SHA, expected_zip_size=len(GOOD), expected_size=len(TEXT))
    assert path == dest / "text8" and path.read_bytes() == TEXT
    assert leftovers(dest) == ["text8"]  # no temporary files left
    assert seen[0] == (0, len(GOOD)) and seen[-1] == (len(GOOD), len(GOOD))
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:]))
    assert {i.name: i.available for i in list_corpora()}["text8"]
    corpus = open_corpus("text8")
    tokens = [w for s in corpus for w in s]
    assert tokens == TEXT.decode().split()
    assert max(len(s) for s in corpus) == 1000
    # cached: a second fetch does not download again (the server is not even asked)
    assert fetch_text8("http://127.0.0.1:1/never") == path


def test_truncated_download(server, dest):
    with pytest.raises(CorpusError, match="incomplete|broke off"):
        fetch_text8(f"{server}/short.zip")
    assert leftovers(dest) == []


def test_wrong_size(server, dest):
    with pytest.raises(CorpusError, match="wrong size"):
        fetch_text8(f"{server}/text8.zip", expected_zip_size=len(GOOD) + 1)
    assert leftovers(dest) == []


def test_checksum_mismatch(server, dest):
    with pytest.raises(CorpusError, match="SHA-256"):
        fetch_text8(f"{server}/flipped.zip", expected_sha256=GOOD_SHA)
    assert leftovers(dest) == []


def test_corrupt_zip_without_checksum_is_caught_by_crc(server, dest):
    with pytest.raises(CorpusError, match="corrupt|not a valid zip"):
        fetch_text8(f"{server}/flipped.zip")
    assert leftovers(dest) == []


def test_not_a_zip(server, dest):
    with pytest.raises(CorpusError, match="not a valid zip"):
        fetch_text8(f"{server}/garbage.zip")
    assert leftovers(dest) == []


def test_unexpected_content(server, dest):
    with pytest.raises(CorpusError, match="a-z and space"):
        fetch_text8(f"{server}/upper.zip")
    with pytest.raises(CorpusError, match="no member 'text8'"):
        fetch_text8(f"{server}/renamed.zip")
    with pytest.raises(CorpusError, match="expected 5"):
        fetch_text8(f"{server}/text8.zip", expected_size=5)
    assert leftovers(dest) == []


def test_http_error(server, dest):
    with pytest.raises(CorpusError, match=r"HTTP 404.*--corpus PATH"):
        fetch_text8(f"{server}/missing.zip")
    assert leftovers(dest) == []


def test_interrupt_cleans_up(server, dest):
    def progress(done, total):
        if done > 0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fetch_text8(f"{server}/text8.zip", progress=progress)
    assert leftovers(dest) == []


def test_cancel_cleans_up(server, dest):
    cancel = threading.Event()

    def progress(done, total):
        if done > 0:
            cancel.set()

    with pytest.raises(CorpusError, match="cancelled"):
        fetch_text8(f"{server}/text8.zip", progress=progress, cancel_event=cancel)
    assert leftovers(dest) == []


def test_no_network_names_the_way_out(dest):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(CorpusError, match=r"cannot download text8.*--corpus PATH"):
        fetch_text8(f"http://127.0.0.1:{port}/text8.zip", timeout=5)
    assert leftovers(dest) == []


def test_canonical_address_and_sizes():
    assert TEXT8_URL == "http://mattmahoney.net/dc/text8.zip"
    from corpora.text8 import TEXT8_SIZE, TEXT8_ZIP_SIZE

    assert (TEXT8_ZIP_SIZE, TEXT8_SIZE) == (31_344_016, 100_000_000)


def test_stale_partial_files_from_a_killed_run_are_removed(server, dest):
    import os

    stale = dest / ".text8-abc.zip.part"
    stale.write_bytes(b"half a download")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    fresh = dest / ".text8-xyz.zip.part"  # another fetch may be writing this one right now
    fresh.write_bytes(b"in progress")
    fetch_text8(f"{server}/text8.zip")
    assert leftovers(dest) == [".text8-xyz.zip.part", "text8"]
