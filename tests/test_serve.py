"""``wordlab serve``: its arguments, the warning for a non-loopback address, one-line errors,
the command each browser tab runs, and the page's addresses.  tests/test_serve_browser.py
opens the real thing in Chromium."""

from __future__ import annotations

import shlex
import socket
import sys

import pytest

from cli import serve
from tests.cli_support import assert_one_line_error, call


@pytest.fixture
def served(monkeypatch) -> list:
    """Record the servers ``wordlab serve`` would start, instead of listening."""
    from textual_serve.server import Server

    started: list = []
    monkeypatch.setattr(Server, "serve", lambda self, debug=False: started.append(self))
    return started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_help_gives_the_defaults_and_the_port_forward(capsys):
    code, out, _ = call(["serve", "--help"], capsys)
    assert code == 0
    assert "127.0.0.1" in out and "8000" in out
    assert "ssh -L 8000:localhost:8000" in out
    assert "serve" in call(["--help"], capsys)[1]


def test_each_tab_runs_this_interpreters_app():
    assert serve.app_command() == f"{shlex.quote(sys.executable)} -m tui"
    assert serve.app_command("ko").endswith(" -m tui --lang ko")


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.3.4.5", True), ("localhost", True), ("::1", True),
    ("[::1]", True), ("0.0.0.0", False), ("::", False), ("192.168.1.10", False),
    ("labserver", False),
])
def test_loopback_addresses(host, loopback):
    assert serve.is_loopback(host) is loopback


def test_localhost_by_default_without_a_warning(served, capsys):
    port = free_port()
    code, out, err = call(["serve", "--port", port], capsys)
    assert code == 0 and err == ""
    (server,) = served
    assert (server.host, server.port) == ("127.0.0.1", port)
    assert server.command == serve.app_command()


def test_another_address_prints_one_warning_line(served, capsys):
    port = free_port()
    code, _, err = call(["serve", "--host", "0.0.0.0", "--port", port], capsys)
    assert code == 0 and served[0].host == "0.0.0.0"
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    assert "warning" in lines[0] and "anyone" in lines[0] and "file dialogs" in lines[0]


def test_lang_reaches_every_tab(served, capsys):
    port = free_port()
    assert call(["serve", "--port", port, "--lang", "ko"], capsys)[0] == 0
    assert call(["--lang", "en", "serve", "--port", port], capsys)[0] == 0
    assert [s.command for s in served] == [serve.app_command("ko"), serve.app_command("en")]


def test_a_port_in_use_is_one_line(served, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert_one_line_error(*call(["serve", "--port", port], capsys), str(port), "--port")
    assert served == []


@pytest.mark.parametrize("argv, needle", [
    (["serve", "--port", "0"], "1-65535"),
    (["serve", "--port", "http"], "not a port"),
    (["serve", "--host", "no-such-host.invalid", "--port", "8123"], "no-such-host.invalid"),
])
def test_bad_addresses_are_one_line(served, capsys, argv, needle):
    assert_one_line_error(*call(argv, capsys), needle)
    assert served == []


def test_without_textual_serve_it_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)  # import fails
    assert_one_line_error(*call(["serve", "--port", free_port()], capsys),
                          "pip install textual-serve")


async def test_the_page_connects_back_to_the_address_the_browser_used():
    """Behind 'ssh -L 9000:localhost:8000' the browser asks for localhost:9000, and with
    --host 0.0.0.0 for the server's name: the page's websocket must go there too, not to
    the address the server listens on."""
    from aiohttp.test_utils import TestClient, TestServer

    server = serve.make_server("0.0.0.0", 8000)
    async with TestClient(TestServer(await server._make_app())) as client:
        for host in ("localhost:9000", "labserver:8000"):
            page = await (await client.get("/", headers={"Host": host})).text()
            assert f'data-session-websocket-url="ws://{host}/ws"' in page
            assert f'src="http://{host}/static/js/textual.js"' in page


async def _start_server(port: int):
    """``wordlab serve`` in a process group of its own (with the apps it starts)."""
    import asyncio
    from pathlib import Path

    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "cli", "serve", "--port", str(port),
        cwd=Path(__file__).resolve().parents[1], stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        start_new_session=True)
    line = await asyncio.wait_for(proc.stdout.readline(), 60)
    assert f"http://127.0.0.1:{port}" in line.decode(), line
    for _ in range(300):  # the line comes as the server starts; listening follows
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            await asyncio.sleep(0.05)
    raise AssertionError(f"wordlab serve printed its address but does not listen on {port}")


def _group_alive(pgid: int) -> bool:
    import os

    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


async def _drain(ws) -> None:
    """Read a websocket until it closes (answering the server's close, as a browser does)."""
    async for _ in ws:
        pass


async def test_ctrl_c_stops_the_server_and_the_open_tabs_apps():
    """Ctrl+C exits 130 and ends the app of a tab still open, at once: textual-serve alone
    left aiohttp waiting on the open websocket (21 s measured; 2 s with the fix)."""
    import asyncio
    import os
    import signal

    import aiohttp

    port = free_port()
    proc = await _start_server(port)
    try:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24") as ws:
                first = await asyncio.wait_for(ws.receive(), 60)  # the tab's app draws
                assert first.type == aiohttp.WSMsgType.BINARY, first
                reader = asyncio.ensure_future(_drain(ws))  # as a browser reads on
                proc.send_signal(signal.SIGINT)
                assert await asyncio.wait_for(proc.wait(), 15) == 130
                await asyncio.wait_for(reader, 15)
        for _ in range(100):  # the tab's app (same process group) has quit too
            if not _group_alive(proc.pid):
                break
            await asyncio.sleep(0.1)
        assert not _group_alive(proc.pid), "the tab's app outlived the server"
    finally:
        if proc.returncode is None or _group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)


async def test_sigterm_stops_the_server_with_exit_code_0():
    import asyncio
    import signal

    proc = await _start_server(free_port())
    proc.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(proc.wait(), 15) == 0


async def test_a_killed_server_leaves_no_app_running():
    """kill -9 (or a crash) of ``wordlab serve`` gives its tabs' apps no signal: only their
    input ends.  Textual's web driver then just stops reading, and the app ran on, orphaned
    (found still training at 85% CPU); now it exits with its input."""
    import asyncio
    import os
    import signal

    import aiohttp

    port = free_port()
    proc = await _start_server(port)
    try:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24") as ws:
                first = await asyncio.wait_for(ws.receive(), 60)    # the tab's app draws
                assert first.type == aiohttp.WSMsgType.BINARY, first
                proc.kill()                                          # the server only
                await proc.wait()
        for _ in range(200):   # the app and its shell (the same process group) end
            if not _group_alive(proc.pid):
                break
            await asyncio.sleep(0.1)
        assert not _group_alive(proc.pid), "the tab's app outlived its killed server"
    finally:
        if _group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
