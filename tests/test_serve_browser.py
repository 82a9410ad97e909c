"""``wordlab serve`` in a real browser: Debian's Chromium, headless, driven by Playwright.

Start the server on a free port, open the page, wait for the app's header, press 3 for the
Train pane, train the lecture corpus and read the loss figure change on the page; a second
tab gets an app of its own.  The screen is read from the page's own terminal (xterm.js's
buffer: the characters the browser shows), keys are typed into the page.

Playwright's own browser download is not used: the system's Chromium is (``.ci/run`` installs
Debian's ``chromium`` where it is missing and apt-get can).  The test skips, saying why, only
where Playwright or a Chromium cannot be found; WORDLAB_CHROMIUM=/path/to/chrome picks one.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')")


def find_chromium() -> str | None:
    given = os.environ.get("WORDLAB_CHROMIUM")
    if given:
        return given
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


# textual-serve's page keeps its xterm.js Terminal in a closure; catch it as the page's script
# assigns it (``this.terminal = new Terminal(...)``) so that the test can read the screen.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, 'terminal', {
  configurable: true,
  set(value) {
    Object.defineProperty(this, 'terminal',
      {value, writable: true, configurable: true, enumerable: true});
    if (value && value.buffer && typeof value.write === 'function') window.__terminal = value;
  },
});
"""

# the rows the terminal shows, as text
SCREEN = """() => {
  const t = window.__terminal;
  if (!t) return '';
  const buffer = t.buffer.active, rows = [];
  for (let y = 0; y < t.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : '');
  }
  return rows.join('\\n');
}"""

TIMEOUT_MS = 30_000
KEY_GAP = 0.15  # seconds between key presses, a fast typist's pace


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        pytest.skip("no Chromium to drive: apt-get install chromium (.ci/run does where it "
                    "can), or set WORDLAB_CHROMIUM=/path/to/chrome")
    return path


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    """``wordlab serve`` on a free port, stopped (with its apps) at the end."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    home = tmp_path_factory.mktemp("home")
    env = dict(os.environ, XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), LANG="C.UTF-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", str(port), "--lang", "en"],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    pytest.fail(f"wordlab serve did not start:\n{server.stdout.read()}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()  # SIGTERM: textual-serve closes its sessions and their apps
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
            server.wait()


@pytest.fixture(scope="module")
def browser(chromium):
    with sync_api.sync_playwright() as playwright:
        # --no-sandbox: Chromium refuses to start as root (containers, CI) without it
        browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                             args=["--no-sandbox"])
        yield browser
        browser.close()


def open_app(browser, url: str):
    page = browser.new_page(viewport={"width": 1100, "height": 700})
    # the page asks Google for a web font: stay on this machine (there is no network here)
    page.route("**/*", lambda route: route.continue_()
               if route.request.url.startswith(url) else route.abort())
    page.add_init_script(CATCH_TERMINAL)
    page.goto(url)
    wait_for_text(page, "wordlab")
    page.focus(".xterm-helper-textarea")  # where xterm.js takes the keyboard
    return page


def screen(page) -> str:
    return page.evaluate(SCREEN)


def wait_for_text(page, pattern: str) -> str:
    """Wait until the screen matches the regular expression; the screen then."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        text = screen(page)
        if re.search(pattern, text):
            return text
        time.sleep(0.1)
    pytest.fail(f"{pattern!r} never appeared on the page; it shows:\n{screen(page)}")


# the page coordinates of the middle of the cell at (column, row)
CELL = """([col, row]) => {
  const t = window.__terminal;
  const box = t.element.querySelector('.xterm-screen').getBoundingClientRect();
  return [box.left + (col + 0.5) * box.width / t.cols, box.top + (row + 0.5) * box.height / t.rows];
}"""


def click_text(page, pattern: str) -> None:
    """Click the first character of the regular expression's first group on the screen.

    A click focuses the widget under it before the next event is handled; a key that moves the
    focus (Widget.focus) waits for the app's next idle moment, so keys typed right after it can
    land in the old widget on a loaded machine."""
    rows = screen(page).split("\n")
    for y, line in enumerate(rows):
        found = re.search(pattern, line)
        if found:
            x, y = page.evaluate(CELL, [found.start(1), y])
            page.mouse.click(x, y)
            return
    pytest.fail(f"{pattern!r} is not on the page; it shows:\n{screen(page)}")


def press(page, *keys: str) -> None:
    for key in keys:
        page.keyboard.press(key)
        time.sleep(KEY_GAP)


def test_the_app_trains_in_a_browser(url, browser):
    page = open_app(browser, url)
    press(page, "3")
    wait_for_text(page, r"Space start")                  # the Train pane, idle
    assert re.search(r"(?m)^ *epochs +50\b", screen(page))  # the lecture's settings
    # enough epochs that the run lasts while the page is read: the figure must change
    click_text(page, r"^ *epochs +(50)\b")            # the field, not the status line
    press(page, "End", "Backspace", "Backspace")
    page.keyboard.type("50000")
    wait_for_text(page, r"(?m)^ *epochs +50000\b")
    press(page, "Enter")                                 # Enter in a field starts

    losses: list[str] = []
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while len(losses) < 3 and time.monotonic() < deadline:
        found = re.search(r"loss (\d+\.\d{4})", screen(page))
        if found and (not losses or found.group(1) != losses[-1]):
            losses.append(found.group(1))
        time.sleep(0.05)
    assert len(losses) >= 3, f"the loss figure did not change: {losses}\n{screen(page)}"
    assert "TRAINING" in screen(page)

    # a second tab is an app of its own: its Train pane is idle while the first one trains
    other = open_app(browser, url)
    press(other, "3")
    wait_for_text(other, r"idle · lecture")
    assert "TRAINING" in screen(page)

    page.bring_to_front()
    page.focus(".xterm-helper-textarea")
    press(page, "s")                                    # stop; keeps the vectors so far
    wait_for_text(page, r"stopped")
