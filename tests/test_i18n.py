"""The message tables: every key in both languages, with the same format fields; the language
from --lang, else the locale, else English; the lecture's Korean terms are used."""

from __future__ import annotations

import pytest

from tui import i18n
from tui.lang import en, ko
from tui.lesson.steps import STEPS


@pytest.fixture(autouse=True)
def _restore_language():
    before = i18n.language()
    yield
    i18n.set_language(before)


def test_every_key_exists_in_both_languages():
    assert set(en.MESSAGES) == set(ko.MESSAGES), (
        sorted(set(en.MESSAGES) ^ set(ko.MESSAGES)))


@pytest.mark.parametrize("key", sorted(en.MESSAGES))
def test_same_format_fields_in_both_languages(key):
    assert i18n.format_fields(en.MESSAGES[key]) == i18n.format_fields(ko.MESSAGES[key]), key


def test_no_message_is_empty_and_korean_is_translated():
    for table in (en.MESSAGES, ko.MESSAGES):
        assert all(text.strip() for text in table.values())
    hangul = [k for k, text in ko.MESSAGES.items() if any("\uac00" <= c <= "\ud7a3" for c in text)]
    # step titles and texts are all Korean (formulas and the lecture's English words aside)
    for step in STEPS:
        assert f"lesson.{step.key}.text" in hangul, step.key


def test_every_step_has_a_title_and_a_text():
    for step in STEPS:
        for part in ("title", "text"):
            assert i18n.has(f"lesson.{step.key}.{part}"), (step.key, part)
        assert i18n.has(f"lesson.section.{step.section}")


def test_the_lectures_korean_terms_are_used():
    text = " ".join(ko.MESSAGES.values())
    for term in ("순환신경망", "장기 의존성 문제", "기울기 소실", "원-핫 인코딩", "장단기 메모리",
                 "임베딩", "손실", "학습률", "하이퍼파라미터"):
        assert term in text, term


@pytest.mark.parametrize("env, lang", [
    ({"LANG": "ko_KR.UTF-8"}, "ko"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
    ({"LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"}, "en"),   # LC_ALL wins
    ({"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_GB.UTF-8"}, "ko"),
    ({"LC_ALL": "", "LANG": "ko"}, "ko"),                      # an empty one does not count
])
def test_language_from_the_locale(env, lang):
    assert i18n.detect_language(env) == lang


def test_set_language_and_lookup(monkeypatch):
    assert i18n.set_language("ko") == "ko"
    assert i18n.t("lesson.header", n=7, total=18, section="S", title="T") == "강의 7/18 · S · T"
    assert i18n.t("lesson.title", lang="en") == "Lesson"
    assert i18n.set_language("en") == "en"
    assert i18n.t("lesson.header", n=7, total=18, section="S", title="T") == "Lesson 7/18 · S · T"
    monkeypatch.setenv("LC_ALL", "ko_KR.UTF-8")
    assert i18n.set_language(None) == "ko"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_language("fr")
    assert i18n.t("no.such.key") == "no.such.key"


def test_format_fields():
    assert i18n.format_fields("{n}/{total:,} {x.y} {{literal}}") == {"n", "total", "x"}
