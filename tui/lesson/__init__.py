"""Lesson mode: the lecture as a guided sequence of steps over live engine figures.

``steps.py`` lists the steps (plain data, importable without textual, so ``wordlab lesson
--step N`` checks N before the app loads); ``views.py`` builds each step's live view from the
engine; ``screen.py`` is the ``LessonScreen`` (header ``Lesson n/N``, the step's text, the view,
the keys).  Texts come from ``tui.i18n`` in English or Korean.
"""
