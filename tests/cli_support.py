"""Helpers shared by the CLI tests: call ``wordlab`` in-process and check one-line errors."""

from __future__ import annotations

from cli.main import main


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
