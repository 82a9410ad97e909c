"""English and Korean: one message table per language, looked up with ``t(key, **fields)``.

The tables are plain dicts in ``tui/lang/en.py`` and ``tui/lang/ko.py`` (``MESSAGES``); a
message is a ``str.format`` template (``"Lesson {n}/{total}"``).  ``tests/test_i18n.py``
checks that every key exists in both languages with the same format fields, so a missing
translation fails the suite rather than the screen.  Korean uses the lecture's own terms
(순환신경망, 장기 의존성 문제, 기울기 소실, 원-핫 인코딩, 장단기 메모리, 임베딩, 손실, 학습률).

The language is chosen once per app: ``--lang ko|en``, else the locale (``LC_ALL``, then
``LC_MESSAGES``, then ``LANG``, as POSIX orders them: a value starting with ``ko`` gives
Korean), else English.  Text fitted to a width is measured in cells (``rich.cells.cell_len``:
a Hangul syllable takes two), never with ``len()``.
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping

from tui.lang import en, ko

LANGUAGES: tuple[str, ...] = ("en", "ko")
DEFAULT = "en"
MESSAGES: dict[str, dict[str, str]] = {"en": en.MESSAGES, "ko": ko.MESSAGES}

_current = DEFAULT


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale asks for: the first set of LC_ALL, LC_MESSAGES, LANG decides
    (``ko_KR.UTF-8`` -> ``"ko"``); anything else is English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "ko" if value.lower().startswith("ko") else DEFAULT
    return DEFAULT


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (choose from: {', '.join(LANGUAGES)})")
    return lang


def set_language(lang: str | None) -> str:
    """Use ``lang`` from now on (None: the locale's); returns the language in use."""
    global _current
    _current = check_language(lang) if lang is not None else detect_language()
    return _current


def language() -> str:
    return _current


def t(key: str, lang: str | None = None, **fields: object) -> str:
    """The message ``key`` in the current language (or ``lang``), formatted with ``fields``.

    A key missing from the language falls back to English, then to the key itself (the test
    suite makes sure neither happens)."""
    table = MESSAGES[lang or _current]
    text = table.get(key)
    if text is None:
        text = MESSAGES[DEFAULT].get(key, key)
    return text.format(**fields) if fields else text


def has(key: str) -> bool:
    return key in MESSAGES[DEFAULT]


def format_fields(text: str) -> set[str]:
    """The names of the ``str.format`` fields in ``text`` (``"{n}/{total:,}"`` -> n, total)."""
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(text) if name}
