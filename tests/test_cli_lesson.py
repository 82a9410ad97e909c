"""``wordlab lesson [--step N] [--lang ko|en]``: the step is checked first (one line, exit 2);
the app is replaced by a recorder (tests/tui/test_lesson.py opens the real one)."""

from __future__ import annotations

import pytest

from tests.cli_support import assert_one_line_error, call, record_app
from tui.lesson.steps import STEPS


@pytest.fixture
def opened(monkeypatch):                 # tests.cli_support's recorder, in an English locale
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return record_app(monkeypatch)


def test_lesson_opens_the_first_step(opened, capsys):
    code, out, err = call(["lesson"], capsys)
    assert (code, err) == (0, "")
    assert opened == [{"lesson": 0, "lang": "en"}]


def test_the_locale_chooses_korean_and_the_korean_lecture(opened, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert call(["lesson"], capsys)[0] == 0
    assert opened == [{"corpus_name": "lecture-ko", "lesson": 0, "lang": "ko"}]


def test_step_and_language(opened, capsys):
    assert call(["lesson", "--step", "7", "--lang", "ko"], capsys)[0] == 0
    assert call(["lesson", "--step", str(len(STEPS)), "--lang", "en"], capsys)[0] == 0
    assert opened == [{"corpus_name": "lecture-ko", "lesson": 6, "lang": "ko"},
                      {"lesson": len(STEPS) - 1, "lang": "en"}]


@pytest.mark.parametrize("step", ["0", str(len(STEPS) + 1), "-3", "99"])
def test_a_bad_step_is_one_line_and_exit_2(step, opened, capsys):
    code, out, err = call(["lesson", "--step", step], capsys)
    assert_one_line_error(code, out, err, f"no lesson step {step}", f"1 to {len(STEPS)}")
    assert opened == []


@pytest.mark.parametrize("argv, needle", [
    (["lesson", "--step", "two"], "invalid int value"),
    (["lesson", "--lang", "fr"], "invalid choice"),
])
def test_usage_errors_are_one_line(argv, needle, opened, capsys):
    assert_one_line_error(*call(argv, capsys), needle)
    assert opened == []


def test_lesson_is_listed_in_the_help(capsys):
    code, out, _ = call(["--help"], capsys)
    assert code == 0 and "lesson" in out
    code, out, _ = call(["lesson", "--help"], capsys)
    assert code == 0 and "--step" in out and "--lang" in out


@pytest.mark.parametrize("argv, expected", [
    (["--lang", "ko"], {"lang": "ko"}),
    (["lecture-ko", "--lang", "ko"], {"corpus_name": "lecture-ko", "lang": "ko"}),
    (["--lang", "en", "lecture"], {"corpus_name": "lecture", "lang": "en"}),
    (["--lang", "ko", "lesson", "--step", "2"],
     {"corpus_name": "lecture-ko", "lesson": 1, "lang": "ko"}),
])
def test_the_app_takes_lang_too(argv, expected, opened, capsys):
    code, out, err = call(argv, capsys)
    assert (code, err) == (0, "")
    assert opened == [expected]


def test_lang_of_the_app_must_be_known(opened, capsys):
    assert_one_line_error(*call(["--lang", "fr"], capsys), "invalid choice")
    assert_one_line_error(*call(["lecture", "--lang", "fr"], capsys), "invalid choice")
    assert opened == []
