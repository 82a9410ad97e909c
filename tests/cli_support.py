"""Helpers shared by the CLI tests: call ``wordlab`` in-process and check one-line errors."""

from __future__ import annotations

from cli.main import main


def record_app(monkeypatch) -> list[dict]:
    """Pretend to be in a terminal and record the keyword arguments the app is built with
    (the app itself needs a terminal; tests/tui/ open the real one)."""
    import tui.app

    seen: list[dict] = []

    class FakeApp:
        return_code = 0

        def __init__(self, **kwargs):
            seen.append(kwargs)

        def run(self):
            pass

    monkeypatch.setattr(tui.app, "WordlabApp", FakeApp)
    monkeypatch.setattr("cli.main._interactive", lambda: True)
    return seen


def call(argv, capsys):
    """Run ``wordlab argv``; (exit code, stdout, stderr). argparse exits via SystemExit."""
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code, out, err, *needles):
    """Exit code 2, no traceback, exactly one line on stderr naming the program and the needles."""
    assert code == 2, (code, out, err)
    assert "Traceback" not in err
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("wordlab"), err
    for needle in needles:
        assert needle.lower() in lines[0].lower(), (needle, lines[0])
    return lines[0]


def make_unreadable(monkeypatch, path):
    """Opening ``path`` raises PermissionError, as ``chmod 000`` does for a normal user.

    chmod alone stops nobody when the suite runs as root (containers, CI); patching ``open``
    (``builtins.open`` and ``io.open``, which ``Path.open`` uses) and ``os.open`` makes the
    error happen for every user, so these tests never skip."""
    import builtins
    import errno
    import io
    import os

    target = os.path.realpath(os.fspath(path))

    def refuse(real):
        def opener(file, *args, **kwargs):
            if isinstance(file, (str, bytes, os.PathLike)) and \
                    os.path.realpath(os.fsdecode(os.fspath(file))) == target:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(file))
            return real(file, *args, **kwargs)
        return opener

    monkeypatch.setattr(builtins, "open", refuse(builtins.open))
    monkeypatch.setattr(io, "open", refuse(io.open))
    monkeypatch.setattr(os, "open", refuse(os.open))
