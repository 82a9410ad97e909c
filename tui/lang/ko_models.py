"""한국어: GloVe 단계 모드 (tui/panes/glove_step.py). ``tui.lang.ko.MESSAGES`` 에 합쳐진다."""

MESSAGES: dict[str, str] = {
    "glove.title": "GloVe, 동시 출현 칸 하나씩",
    "glove.key.next": "다음 칸",
    "glove.tip.next": ("다음 동시 출현 칸을 (GloVe가 섞은 순서로) 학습하고 그 갱신을 보여 준다: "
                       "각 가중치는 g x 짝 / sqrt(G) 만큼 움직이고, G는 기울기 제곱의 누적 합 "
                       "(1부터)이라 자주 갱신되는 가중치는 덜 움직인다"),
    "glove.key.again": "다시",
    "glove.tip.again": "같은 칸을 다시 학습: 오차와 손실이 줄어드는 것을 본다",
    "glove.key.reset": "초기화",
    "glove.tip.reset": "지금 말뭉치에서 새 가중치로 시작",
    "glove.key.leave": "돌아가기",
    "glove.tip.leave": "패널로 돌아가기",
    "glove.no-corpus": "말뭉치가 없습니다: 말뭉치 패널(1)에서 여세요",
    "glove.counting": "{corpus}의 동시 출현을 세는 중…",
    "glove.header": "GloVe 단계 · {corpus} · V={V} · X의 칸 {cells}개 · d={d} · eta {eta} · {done}번째 칸",
    "glove.press-n": ("n: 동시 출현 칸 하나를 학습. GloVe는 w_i · w~_j + b_i + b~_j 를 log X_ij 에 "
                      "맞추고, 칸마다 f(X_ij)로 가중하며, AdaGrad로 학습한다."),
    "glove.cell": "칸 ({word}, {context}):",
    "glove.prediction": "예측",
    "glove.error": "오차 = 예측 - log X",
    "glove.loss": "손실",
    "glove.after": "갱신 뒤 {loss}",
    "glove.matrix": "X, 동시 출현 (윈도우 {window}, 1/거리): 행 i = 단어, 열 j = 문맥",
    "glove.matrix-top": "{V}개 단어 중 가장 많이 나온 {n}개의 X (윈도우 {window}, 1/거리)",
    "glove.outside": "(이 칸 {word} × {context} 는 보이는 단어 밖에 있다)",
    "bind.glove-step": "GloVe 단계",
    "bind.glove-step.tip": "GloVe 단계 모드: 동시 출현 칸 하나씩, AdaGrad 갱신의 모든 수와 행렬 X (Esc로 돌아가기)",
}
