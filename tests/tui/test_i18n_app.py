"""The app in Korean (issue 10 §2): every pane, the help, the footer and the palette speak the
language chosen with --lang (or the locale); F2 switches it live, keeping the state.

The screens are read as the terminal shows them (``tui.screenshots.screen_text``).  Each pane's
list of English labels is checked both ways: present in English (so the list names what is
really on screen) and absent in Korean, where the Korean labels must be present instead.
"""

from __future__ import annotations

import pytest

from tests.tui.conftest import settle
from tui import i18n
from tui.app import PANES, WordlabApp
from tui.screenshots import screen_text

#: per pane (key 1-7): labels shown in English, and what shows instead in Korean
LABELS: dict[str, tuple[list[str], list[str]]] = {
    "1": (["Corpora (Enter opens)", "Preprocessing", "lower-case", "Open file", "rank"],
          ["말뭉치 (Enter로 열기)", "전처리", "소문자로", "파일 열기", "순위", "커버리지"]),
    "2": (["one-hot vectors", "one-hot L2 distance", "the closest pair", "Top words"],
          ["원-핫 벡터", "원-핫 L2 거리", "가장 가까운 쌍", "빈도순"]),
    "3": (["Start/Pause", "Space start", "idle", "model", "epochs", "seed"],
          ["시작/멈춤", "Space 시작", "대기", "모델", "에폭", "학습률", "시드"]),
    "4": (["sentence:", "no example trained yet", "fresh weights", "centre", "again"],
          ["문장:", "아직 학습한 예제 없음", "새 가중치", "가운데", "다시"]),
    "5": (["neighbours", "analogy", "similarity", "odd one out", "Neighbours", "cosine"],
          ["이웃", "유추", "유사도", "다른 하나", "코사인"]),
    "6": (["Evaluating", "analogies", "word pairs", "not run yet", "accuracy", "Run both"],
          ["평가 대상", "유추", "단어 쌍", "아직 실행 안 함", "정확도", "둘 다"]),
    "7": (["sentence", "fresh", "next-word predictions", "weights", "lecture"],
          ["문장", "새 가중치", "다음 단어 예측", "가중치", "강의표"]),
}
#: on every pane: the tabs, the header, the app's keys in the footer
EVERYWHERE = (["Corpus", "One-hot", "Train", "Explore", "Evaluate", "palette", "live"],
              ["말뭉치", "원-핫", "학습", "탐색", "평가", "팔레트", "직접"])


@pytest.fixture(autouse=True)
def _restore_language():
    before = i18n.language()
    yield
    i18n.set_language(before)


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_every_pane_speaks_the_language(lecture, lecture_vectors, lang):
    app = WordlabApp(corpus=lecture, vectors=lecture_vectors, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for key, (english, korean) in LABELS.items():
            await pilot.press(key)
            await settle(app, pilot)
            text = screen_text(app)
            expected, leftover = (english, []) if lang == "en" else (korean, english)
            expected = expected + (EVERYWHERE[0] if lang == "en" else EVERYWHERE[1])
            leftover = leftover + (EVERYWHERE[0] if lang == "ko" else [])
            missing = [w for w in expected if w not in text]
            left = [w for w in leftover if w in text]
            assert not missing, (key, missing, text)
            assert not left, (key, left, text)


async def test_help_and_palette_in_korean(lecture):
    app = WordlabApp(corpus=lecture, lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "question_mark")
        await settle(app, pilot)
        text = screen_text(app)
        assert "도움말: 학습" in text and "신경망은 강의의 것입니다" in text
        assert "Help:" not in text and "The network is the lecture's" not in text
        help_text = app.screen.query_one("Markdown").source
        assert "이 패널의 키" in help_text and "시작/멈춤" not in help_text   # tooltips, not labels
        assert "학습 시작, 또는 잠시 멈춤" in help_text and "| `F2` |" in help_text
        await pilot.press("escape")
        from tui.commands import PaneCommands

        entries = [text for text, *_ in PaneCommands(app.screen)._commands()]
        assert "학습: 시작/멈춤 (Space)" in entries
        assert "도움말 (? / F1)" in entries
        assert not [e for e in entries if e.startswith(("Help", "Train:"))]
        systems = [c.title for c in app.get_system_commands(app.screen)]
        assert "언어: 한국어 / English" in systems and "끝내기" in systems
        assert "Quit" not in systems and "Theme" not in systems


async def test_f2_switches_the_language_live_and_keeps_a_training_run(lecture):
    from tui.messages import TrainingProgress

    app = WordlabApp(corpus=lecture, lang="en")
    seen: list = []
    hook = lambda m: isinstance(m, TrainingProgress) and seen.append(m)  # noqa: E731
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        train = app.current_pane()
        train.query_one("#epochs").value = "100000"         # runs until stopped below
        train.query_one("#dim").value = "7"                  # a field the user changed
        train.focus_default()
        await pilot.press("space")
        while not seen:
            await pilot.pause()
        await pilot.pause(0.6)                               # the live figures are drawn
        assert app.training and train._last is not None
        before = screen_text(app)
        assert "Start/Pause" in before and "TRAINING" in before
        await pilot.press("f2")
        await pilot.pause()
        await pilot.pause()
        after = screen_text(app)
        assert i18n.language() == "ko"
        assert "시작/멈춤" in after and "Start/Pause" not in after      # the footer
        assert "학습 중" in after and "TRAINING" not in after            # the pane
        assert "1 말뭉치" in after and "1 Corpus" not in after          # the tabs
        assert "에폭" in after                                          # the live figures
        assert app.training, "the run must go on"
        assert app.state.corpus is lecture
        assert train.query_one("#dim").value == "7"
        await pilot.press("s")                                          # 중지
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert not app.training
        assert "중지" in screen_text(app)
        await pilot.press("5")                                          # vectors labelled
        await settle(app, pilot)
        assert "lecture로 학습" in screen_text(app)
        await pilot.press("f2")                                         # and back
        await pilot.pause()
        assert "trained on lecture" in screen_text(app) and "학습" not in screen_text(app)
        await pilot.press("3")
        await settle(app, pilot)
        back = screen_text(app)
        assert "Start/Pause" in back and "1 Corpus" in back and "stopped" in back
        assert i18n.language() == "en"


async def test_f2_on_the_lesson_switches_it_and_the_panes_follow(lecture):
    app = WordlabApp(corpus=lecture, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("L")
        await settle(app, pilot)
        assert "Lesson 1/" in screen_text(app)
        await pilot.press("f2")
        await settle(app, pilot)
        assert "강의 1/" in screen_text(app) and i18n.language() == "ko"
        await pilot.press("escape")
        await settle(app, pilot)
        text = screen_text(app)
        assert "말뭉치 (Enter로 열기)" in text and "1 말뭉치" in text
        assert "Corpora (Enter opens)" not in text


async def test_the_locale_gives_korean(lecture, monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "말뭉치 (Enter로 열기)" in screen_text(app)


def test_every_pane_and_key_has_a_message_in_both_languages():
    """Every pane's name and help, and every key the app and the panes bind (by id)."""
    import importlib

    from tui.app import PANE_CLASSES, WordlabApp

    nodes = [WordlabApp]
    for module, name in PANE_CLASSES.values():
        nodes.append(getattr(importlib.import_module(module), name))
    for pane_id, _ in PANES:
        for key in (f"pane.{pane_id}", f"help.{pane_id}"):
            assert i18n.has(key), key
    for node in nodes:
        for b in node.BINDINGS:
            assert b.id and i18n.has(f"bind.{b.id}"), (node.__name__, b.key)
            assert i18n.has(f"bind.{b.id}.tip"), (node.__name__, b.key)


#: Korean messages of the app that are rightly the same as the English ones: names of the
#: engine's settings and architectures, formulas, key names
NOT_TRANSLATED = {"app.and", "pane.lstm", "bind.tab-lstm", "bind.corpus-min-count",
                  "bind.corpus-sample", "train.field.min_count", "train.field.sample",
                  "train.field.x_max", "train.field.eta", "train.option.sg", "train.option.cbow",
                  "bind.explore-method", "bind.step.arch", "step.softmax-title", "bind.lstm.back",
                  "bind.lstm.forward", "bind.lstm.cell"}


def test_the_apps_korean_is_korean_in_the_lectures_terms():
    import re

    from tui.lang import en_app, ko_app

    untranslated = {k for k, v in ko_app.MESSAGES.items() if not re.search("[\uac00-\ud7a3]", v)}
    assert untranslated <= NOT_TRANSLATED, sorted(untranslated - NOT_TRANSLATED)
    text = " ".join(ko_app.MESSAGES.values())
    for term in ("말뭉치", "어휘", "원-핫 인코딩", "임베딩", "손실", "학습률", "음성 샘플링",
                 "계층적 소프트맥스", "순환신경망", "장단기 메모리", "기울기 소실", "장기 의존성 문제"):
        assert term in text, term
    assert set(en_app.MESSAGES) == set(ko_app.MESSAGES)


def test_the_built_in_corpora_are_described_in_both_languages():
    """The English descriptions are the registry's own (a changed one must be changed here)."""
    from corpora import list_corpora

    for info in list_corpora():
        key = f"corpus.about.{info.name}"
        assert i18n.has(key), info.name
        assert i18n.t(key, lang="en") == info.description, info.name


# ---------------------------------------------------------------- Korean snapshots at 80x24
def _ko(lecture, vectors=None):
    return WordlabApp(corpus=lecture, vectors=vectors, lang="ko")


def _press(*keys):
    async def before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press(*keys)
        await settle(pilot.app, pilot)

    return before


def test_corpus_in_korean(snap_compare, lecture):
    assert snap_compare(_ko(lecture), terminal_size=(80, 24), run_before=_press())


def test_train_in_korean(snap_compare, lecture):
    assert snap_compare(_ko(lecture), terminal_size=(80, 24), run_before=_press("3"))


def test_explore_in_korean(snap_compare, lecture, royal_vectors):
    async def before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("5")
        await settle(pilot.app, pilot)
        pilot.app.query_one("#nn-word").value = "king"
        pilot.app.query_one("#nn-word").focus()
        await pilot.press("enter")
        await pilot.press("escape")
        await settle(pilot.app, pilot)

    assert snap_compare(_ko(lecture, royal_vectors), terminal_size=(80, 24), run_before=before)


def test_help_in_korean(snap_compare, lecture):
    assert snap_compare(_ko(lecture), terminal_size=(80, 24), run_before=_press("3", "question_mark"))
