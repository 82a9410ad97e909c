"""한국어 메시지: 강의의 용어를 그대로 씁니다 (순환신경망, 장기 의존성 문제, 기울기 소실,
원-핫 인코딩, 장단기 메모리, 임베딩, 손실, 학습률).  Every key of en.py, same format fields
(tests/test_i18n.py)."""

MESSAGES: dict[str, str] = {
    # -- 강의 화면 ------------------------------------------------------------------------------
    "lesson.title": "강의",
    "lesson.header": "강의 {n}/{total} · {section} · {title}",
    "lesson.section.rnn": "순환신경망",
    "lesson.section.lstm": "장단기 메모리",
    "lesson.section.words": "단어 표현",
    "lesson.section.word2vec": "Word2Vec 학습",
    "lesson.key.next": "다음",
    "lesson.key.back": "이전",
    "lesson.key.advance": "진행",
    "lesson.key.leave": "패널",
    "lesson.key.help": "도움말",
    "lesson.key.language": "English",
    "lesson.tip.next": "강의의 다음 단계",
    "lesson.tip.back": "강의의 이전 단계",
    "lesson.tip.advance": "이 단계 안에서: 다음 시점, 다음 단어 또는 다음 학습 예제",
    "lesson.tip.leave": "자유 패널로 나가기 (L을 누르면 이 단계로 돌아옵니다)",
    "lesson.tip.help": "이 단계의 설명, 단계 목록과 키",
    "lesson.tip.language": "강의를 영어로 (English)",
    "lesson.tip.to": "강의를 나가 {pane} 패널 보기",
    "lesson.help.title": "도움말: {title}   (Esc 닫기, 화살표 스크롤)",
    "lesson.help.steps": "단계",
    "lesson.help.keys": "키",
    "lesson.help.key": "키",
    "lesson.help.action": "동작",
    "lesson.help.panes": "강의를 나가 1-7번 패널로 (L로 돌아옴)",
    "lesson.help.palette": "명령 팔레트: 강의의 모든 키",
    "lesson.help.quit": "wordlab 종료",

    # -- 1. 순환신경망 ---------------------------------------------------------------------------
    "lesson.rnn.title": "순환신경망, 시점별로",
    "lesson.rnn.text": (
        "h_t = tanh(W_xh x_t + W_hh h_t-1 + b_h),  y_t = W_hy h_t + b_y. 단어가 한 시점에 하나씩 "
        "들어가고, h_t가 이전 정보를 다음 시점으로 전달합니다 (순환). h_t-1은 윗줄의 h_t입니다. "
        "n을 누르면 다음 t의 식이 채워집니다."),
    "lesson.rnn.onehot": "x_t (원-핫)",
    "lesson.rnn.top": "y_t 최댓값",
    "lesson.rnn.shared": "W_xh, W_hh, b_h, W_hy, b_y (V={V}, H={H}): 모든 시점에서 같은 값 (공유 파라미터)",
    "lesson.rnn.at": "t={t} ({word}):",
    "lesson.rnn.column": "(W_xh의 '{word}' 열)",

    # -- 2. 구조의 종류 --------------------------------------------------------------------------
    "lesson.shapes.title": "일대다, 다대일, 다대다",
    "lesson.shapes.text": (
        "같은 셀을 입력과 출력 시퀀스의 길이에 따라 세 가지로 씁니다. 각 행은 실제로 셀을 "
        "통과한 결과입니다: – 는 입력 없음 (x_t = 0), · 는 계산되었지만 쓰지 않는 출력. "
        "다대다 (Sequence to Sequence)는 모든 y_t를 씁니다."),
    "lesson.shapes.one-to-many": "일대다 one-to-many",
    "lesson.shapes.many-to-one": "다대일 many-to-one",
    "lesson.shapes.many-to-many": "다대다 many-to-many",
    "lesson.shapes.ignored": "·",
    "lesson.shapes.legend": "y_t: 점수가 가장 높은 단어 (학습 전 가중치라 추측일 뿐)",

    # -- 3. BPTT ----------------------------------------------------------------------------------
    "lesson.bptt.title": "학습: 시간에 따른 역전파 (BPTT)",
    "lesson.bptt.text": (
        "W_hh는 모든 시점에서 쓰이므로 dL/dW_hh는 시점마다 한 항씩의 합입니다: t 시점에서의 영향, "
        "t-1 시점에서의 영향, ... 한 시점 거슬러 갈 때마다 인수 J_t = dh_t/dh_t-1이 하나씩 "
        "곱해집니다. 괄호 속 인수의 크기와 항이 작아지는 것을 보세요."),
    "lesson.bptt.loss": (
        "입력: {inputs}   L = CE(y_{T}, {target}) = -ln p({target}) = -ln {p} = {loss}"),
    "lesson.bptt.term": "W_hh 시점",
    "lesson.bptt.chain": "인수의 곱 (‖J‖)",
    "lesson.bptt.size": "‖항‖",
    "lesson.bptt.sum": "‖합‖",
    "lesson.bptt.factors": "J_t = dh_t/dh_t-1 = diag(1 − h_t²)·W_hh; 괄호 안은 크기 ‖J_t‖",
    "lesson.bptt.h0": "t=1에서 W_hh는 h_0 = 0에 곱해지므로 그 항은 0이지만, ‖dL/dh_1‖은 0이 아닙니다",

    # -- 4. 기울기 소실 ----------------------------------------------------------------------------
    "lesson.vanishing.title": "장기 의존성 문제",
    "lesson.vanishing.text": (
        "시퀀스가 길면 t = 0 시점이 T 시점의 손실에 미치는 영향은 0 ~ 1 사이의 인수 T개를 거칩니다. "
        "그 곱은 ~0이 되어 기울기 소실이 일어나고, 시퀀스 앞부분에 대해서는 파라미터가 "
        "업데이트되지 않습니다."),
    "lesson.vanishing.factors": "T = {T} 시점의 무작위 순환신경망의 인수",
    "lesson.vanishing.range": "(모두 {lo} ~ {hi})",
    "lesson.vanishing.products": "그 곱 ‖dh{T}/dh_t‖, 곧 h_t가 손실에 미치는 영향:",

    # -- 5-8. LSTM 표 -----------------------------------------------------------------------------
    "lesson.forget-all.title": "forget gate: 다 잊는 경우",
    "lesson.forget-all.text": (
        "장단기 메모리(LSTM)는 cell state C_t와 세 gate로 장기 의존성 문제를 완화합니다. "
        "forget gate f_t는 불필요한 과거 정보를 잊기 위한 gate (sigmoid: 0 ~ 1 사이 가중치)로, "
        "이전 cell state에 원소별로 곱해집니다. f_t = 0이면 C_t-1을 하나도 남기지 않습니다."),
    "lesson.forget-all.equation": "f_t = σ(W_f · [h_t-1, x_t] + b_f)",
    "lesson.forget-all.note": "f_t ⊗ C_t-1: LSTM 셀의 업데이트 코드가 직접 계산한 값",
    "lesson.remember-all.title": "forget gate: 모두 기억하는 경우",
    "lesson.remember-all.text": (
        "같은 C_t-1에 f_t = 1: 이전 cell state가 그대로 전달됩니다. 그 사이, 예를 들어 0.5이면 "
        "절반을 남깁니다. 원소마다 얼마나 남길지를 네트워크가 학습합니다."),
    "lesson.remember-all.equation": "f_t = σ(W_f · [h_t-1, x_t] + b_f)",
    "lesson.remember-all.note": "f_t = 1은 C_t-1을 모두 남깁니다: 장기 기억이 그대로 이어집니다",
    "lesson.input-gate.title": "input gate (입력 게이트)",
    "lesson.input-gate.text": (
        "input gate i_t는 현재 정보를 기억하기 위한 gate로, 후보 C~_t (tanh: -1 ~ 1)를 얼마나 "
        "cell state에 쓸지 정합니다. 세 번째 원소를 보세요: 0.6의 0.8은 0.48."),
    "lesson.input-gate.equation": (
        "i_t = σ(W_i · [h_t-1, x_t] + b_i)    C~_t = tanh(W_C · [h_t-1, x_t] + b_C)"),
    "lesson.input-gate.note": "i_t ⊗ C~_t: input gate가 쓰는 값 (강의의 표)",
    "lesson.cell-update.title": "cell state 업데이트",
    "lesson.cell-update.text": (
        "C_t = f_t ⊗ C_t-1 + i_t ⊗ C~_t: 불필요한 정보를 제거한 이전 시점의 cell state와 현재 "
        "시점의 후보의 합입니다. 여기서는 f_t = 1 (모두 기억)과 강의의 input gate: 아래의 모든 "
        "수는 엔진의 셀 업데이트가 계산합니다."),
    "lesson.cell-update.equation": "C_t = f_t ⊗ C_t-1 + i_t ⊗ C~_t",
    "lesson.cell-update.table": "강의의 input gate, C_t-1은 그대로 (f_t = 1)",
    "lesson.cell-update.note": "그다음 o_t = σ(W_o·[h_t-1, x_t] + b_o), h_t = o_t ⊗ tanh(C_t): 다음 단계",
    "lesson.lstm-sentence.title": "문장 위의 LSTM 셀",
    "lesson.lstm-sentence.text": (
        "같은 식을 'i love cute cat'에 적용합니다 (학습 전 가중치): 은닉 유닛마다 한 행, 옆에는 "
        "유닛 0의 식에 값을 채운 것. output gate o_t가 tanh(C_t)를 얼마나 h_t (단기 기억)에 "
        "반영할지 정합니다. n을 누르면 다음 단어로."),
    "lesson.lstm-sentence.status": "{sentence}   t={t}   H={H} (학습 전 가중치)",
    "lesson.lstm-sentence.legend": "색: gate는 1에 가까우면 열림 / 0에 가까우면 닫힘; C~_t, C_t, h_t는 부호. n: 다음 단어",
    "lesson.flow.title": "순환신경망 대 LSTM: 기울기의 흐름",
    "lesson.flow.text": (
        "같은 무작위 입력에서 autograd로 잰 ‖dL/dh_t‖ (t = 0..T): 순환신경망은 인수의 곱 때문에 "
        "기울기 소실이 일어나고, LSTM의 cell state (forget gate가 1에 가까움)는 기울기를 훨씬 "
        "멀리까지 전달합니다. 로그 눈금: 한 칸 내려갈 때마다 10배 작아집니다."),

    # -- LSTM의 한계: Seq2Seq (engine/seq2seq.py) ----------------------------------------------------
    "lesson.seq2seq.title": "LSTM의 한계: Seq2Seq",
    "lesson.seq2seq.text": (
        "인코더 LSTM이 문장을 읽고, 마지막 h_T와 C_T(문맥 벡터)만 디코더 LSTM에 넘깁니다. "
        "디코더는 <SOS>부터 가장 확률이 높은 단어를 하나씩 쓰고(greedy) 다시 입력으로 "
        "읽습니다. 방금 문장 쌍으로 학습했습니다. n: 다음 단어."),
    "lesson.seq2seq.training": "인코더와 디코더를 학습하는 중 (몇 초)…",
    "lesson.seq2seq.trained": (
        "학습: 문장 쌍 {pairs}개, Adam {steps} 스텝, H = {H}; 손실 {before} -> {after}"),
    "lesson.seq2seq.encoder": "인코더가 읽은 문장 '{sentence}' (T = {T}): 문맥 벡터, H = {H}",
    "lesson.seq2seq.decoder": "디코더 (greedy), 문맥 벡터에서 시작:",
    "lesson.seq2seq.input": "입력 y_k-1",
    "lesson.seq2seq.output": "출력 y_k",
    "lesson.seq2seq.so-far": "지금까지의 번역: {words}",
    "lesson.seq2seq.press": "n: 다음 출력 단어 (p: softmax 확률)",
    "lesson.seq2seq-long.title": "Seq2Seq: 긴 입력",
    "lesson.seq2seq-long.text": (
        "장기 의존성 문제는 남아 있습니다: 짧은 입력도 긴 입력도 같은 크기의 문맥 "
        "벡터에 담깁니다. 아래는 새 문장의 greedy 번역을 정답과 단어별로 비교한 것: "
        "Sequence 길이가 길어질수록 틀리는 단어가 늘어납니다."),
    "lesson.seq2seq-long.measured": (
        "길이마다 새 문장 {n}개, 학습은 1-{hi}개 절, 문맥 벡터 H = {H}:"),
    "lesson.seq2seq-long.clauses": "절",
    "lesson.seq2seq-long.words": "입력 단어",
    "lesson.seq2seq-long.right": "맞은 단어",
    "lesson.seq2seq-long.exact": "문장 전체",
    "lesson.seq2seq-long.trained": "(학습한 길이)",
    "lesson.seq2seq-long.example": "긴 입력 하나 ({n}단어); 틀린 단어는 반전 표시:",
    "lesson.seq2seq-long.input": "입력",
    "lesson.seq2seq-long.output": "출력",
    "lesson.seq2seq-long.reference": "정답",

    # -- 11-13. 원-핫 인코딩 ---------------------------------------------------------------------
    "lesson.onehot.title": "원-핫 인코딩",
    "lesson.onehot.text": (
        "전통적인 언어 데이터 표현 방법: 각 단어를 고유한 인덱스로 변환한 후, 그 자리만 1이고 "
        "나머지는 0인 one-hot vector로 표현합니다. 강의의 네 단어: cat, apple, dog, banana."),
    "lesson.onehot.index": "(인덱스 {i}에 1)",
    "lesson.onehot-size.title": "한계 (1): 단어가 많을수록 벡터가 커짐",
    "lesson.onehot-size.text": (
        "단어가 100,000개면 one-hot vector 하나가 100,000개의 수이고 하나 빼고 모두 0입니다: "
        "메모리 요구량과 계산 효율성 문제. Word2Vec은 각 단어를 낮은 차원의 실수 벡터 (임베딩)로 "
        "표현합니다. 그 차원 d는 하이퍼파라미터입니다."),
    "lesson.onehot-size.numbers": "수의 개수",
    "lesson.onehot-size.memory": "메모리",
    "lesson.onehot-size.vector": "one-hot vector 하나 (V = {V})",
    "lesson.onehot-size.table": "one-hot vector {V}개 전부",
    "lesson.onehot-size.embedding": "임베딩 {V}개 전부, d = {d}",
    "lesson.onehot-size.nonzero": "one-hot vector에서 0이 아닌 수: 전체의 {pct}%.",
    "lesson.onehot-size.ratio": "one-hot vector는 d = {d} 임베딩보다 메모리를 {ratio}배 씁니다.",
    "lesson.onehot-size.float32": "수 하나에 {bytes}바이트 (float32)",
    "lesson.onehot-distance.title": "한계 (2): 단어 간 유사도 식별 불가",
    "lesson.onehot-distance.text": (
        "서로 다른 두 one-hot vector의 L2 거리는 언제나 √2로 같습니다: cat은 dog와도 banana와도 "
        "같은 거리입니다. one-hot vector는 어떤 단어가 비슷한지 말하지 못합니다."),
    "lesson.onehot-distance.l2": "L2 거리",
    "lesson.onehot-distance.cosine": "코사인",
    "lesson.onehot-distance.same": "서로 다른 모든 단어 쌍: L2 = {values} (√2), 코사인 = {cos}.",

    "lesson.embedding.title": "Word2Vec: 거리와 관계",
    "lesson.embedding.text": (
        "Word2Vec은 각 단어를 낮은 차원의 실수 벡터 (임베딩, 차원 d는 하이퍼파라미터)로 "
        "표현합니다. 잘 학습되면 비슷한 단어는 가깝고 관계를 벡터로 표현할 수 있습니다: "
        "woman → man 벡터와 queen → king 벡터는 유사한 형태를 가집니다. 방금 toy-world "
        "(생성된 문장 20,000개)로 학습했고, 그림은 네 벡터의 처음 두 주성분입니다."),
    "lesson.embedding.trained": "{corpus}: {arch}/{loss}, d={dim}, {epochs} 에폭; 손실 {before} -> {after}",
    "lesson.embedding.parallel": "cos({b} − {a}, {d} − {c}) = {cos}: 두 화살표가 같은 방향입니다",
    "lesson.embedding.plot": "네 벡터의 PCA",
    # -- 14-15. 4개 단어 모델 -------------------------------------------------------------------
    "lesson.model-untrained.title": "4개 단어 모델: 충분히 학습되지 않은 경우",
    "lesson.model-untrained.text": (
        "'i', 'love', 'cute', 'cat'을 R^4의 one-hot vector로 -> 크기 d (하이퍼파라미터)의 은닉층 "
        "-> 4개 단어에 대한 softmax. 학습 전에는 모든 단어가 p = 1/4: 교차 엔트로피 손실은 "
        "ln 4입니다."),
    "lesson.model.shape": (
        "one-hot x (V={V}) -> W_in (V x d) -> h (d={d}) -> W_out -> softmax (V={V})"),
    "lesson.model.example": "CBOW: {inputs} -> {target}?   h = 두 단어의 W_in 행의 평균 = {h}",
    "lesson.model.word": "단어",
    "lesson.model.score": "점수",
    "lesson.model.ce": (
        "CE(Y, Ŷ) = -Σ Y_i log Ŷ_i = -ln p({target}) = -ln {p} = {loss}   (= ln {V} = "
        "{ln})"),
    "lesson.model-trained.title": "4개 단어 모델: 충분히 학습된 경우",
    "lesson.model-trained.text": (
        "'i love cute cat'으로 학습한 같은 모델: 손실이 낮고, hidden vector가 단어 'love'에 대해 "
        "충분히 잠재적인 정보를 가집니다. 중요: 단어의 임베딩 벡터는 훈련이 끝난 Weight W_in의 "
        "각 행입니다."),
    "lesson.model-trained.training": "4개 단어 모델을 학습하는 중…",
    "lesson.model-trained.loss": "{epochs} 에폭 후: 손실 {before} -> {after},  p({target}) = {p}",
    "lesson.model-trained.row": "임베딩('{word}') = W_in['{word}'] = {row}",
    "lesson.model-trained.note": "단어별 독립 학습으로는 단어 간 관계를 파악할 수 없습니다: 해결 방법은 CBOW와 Skip-gram (다음).",

    # -- 16-17. CBOW, Skip-gram --------------------------------------------------------------------
    "lesson.corpus.opening": "{corpus} 말뭉치를 읽는 중…",
    "lesson.cbow.title": "CBOW: 빈칸 추론",
    "lesson.cbow.text": (
        "Continuous Bag-of-Words: 빈칸 추론 문제처럼 전후 문맥 (context)으로 가운데 단어를 "
        "예측합니다. 대규모 문장 데이터만 있으면 됩니다: 단어들이 문맥 안에서 관계성을 스스로 "
        "학습합니다."),
    "lesson.cbow.blanks": "{corpus} 말뭉치의 문장, 가운데 단어를 빈칸으로:",
    "lesson.pairs.input": "입력",
    "lesson.pairs.output": "출력",
    "lesson.pairs.title": "{arch} 학습 데이터, 윈도 {window}: {sentence}",
    "lesson.pairs.short": "{arch}",
    "lesson.skipgram.title": "Skip-gram: 반대 방향",
    "lesson.skipgram.text": (
        "Skip-gram: 하나의 단어를 주고 그 주변에 나타날 수 있는 단어들을 출력합니다. CBOW는 "
        "여러 단어를 주고 하나를 출력, Skip-gram은 하나를 주고 여러 단어를 출력 (쌍마다 하나)."),
    "lesson.skipgram.sentence": "'{sentence}'의 학습 데이터, 윈도 {window}:",
    "lesson.skipgram.count": "같은 문장에서 CBOW 예제 {cbow}개, Skip-gram 쌍 {sg}개가 나옵니다.",

    # -- what practitioners use ------------------------------------------------------------------
    "lesson.output-cost.title": "실무에서 쓰는 방법: 출력층의 비용",
    "lesson.output-cost.text": (
        "전체 softmax는 예제마다 어휘의 모든 단어에 점수를 매깁니다: W_out의 V개 행. negative sampling은 정답 단어와 잡음 "
        "단어 k개, hierarchical softmax는 Huffman 트리에서 그 단어의 경로 위 내부 노드 (약 log2 V개)만 계산합니다. "
        "강의 단어와 100,000개 단어로 세어 봅니다."),
    "lesson.cost.title-line": "학습 예제 하나가 계산하고 업데이트하는 W_out 행의 수",
    "lesson.cost.layer": "출력층",
    "lesson.cost.rows": "{corpus} (V={V})",
    "lesson.cost.negative": "negative sampling (k={k})",
    "lesson.cost.hs": "hierarchical softmax",
    "lesson.cost.hs-big": "{mean} (최대 {longest})",
    "lesson.cost.saving": (
        "V = {V}에서 negative sampling은 softmax보다 {ns}배, hierarchical softmax는 {hs}배 적게 "
        "계산합니다."),
    "lesson.negative.title": "negative sampling, 예제 하나",
    "lesson.negative.text": (
        "강의 문장에 대한 Skip-gram: 정답 단어는 레이블 1, unigram^0.75 분포에서 뽑은 잡음 단어 k개는 레이블 0; V개에 대한 "
        "softmax 대신 각각 sigmoid 하나입니다. W_out은 0에서 시작하므로 처음에는 모든 σ가 0.5입니다. n을 누르면 다음 예제."),
    "lesson.hierarchical.title": "hierarchical softmax, 예제 하나",
    "lesson.hierarchical.text": (
        "단어의 확률은 Huffman 트리의 뿌리에서 그 단어까지의 경로 위 이진 결정들의 곱입니다 (자주 나오는 단어는 경로가 짧음). 경로 위 내부 "
        "노드 하나가 W_out의 한 행이고 sigmoid 하나입니다. n을 누르면 다음 예제."),
    "lesson.step.node": "내부 노드",
    "lesson.step.label": "레이블",
    "lesson.step.example": "예제 {n}: {inputs} -> {target}   (문장: {sentence})",
    "lesson.step.rows": "W_out의 {rows}개 행을 계산 (전체 softmax: {V}개 모두)",
    "lesson.step.loss-neg": "L = -ln σ(s_정답) - Σ ln σ(-s_잡음) = {loss}",
    "lesson.step.loss-hs": "L = 경로를 따라 -Σ ln σ(±s) = {loss}",
    "lesson.step.press": "n: 이 예제를 학습하고 다음 예제 보기 (4번 Step 패널과 같음)",

    # -- 18. 말뭉치로 학습 ------------------------------------------------------------------------
    "lesson.train-corpus.title": "강의 문장으로 학습하기",
    "lesson.train-corpus.text": (
        "강의의 모든 문장으로 Word2Vec을 학습합니다 (3번 패널, 'wordlab train'과 같은 설정). "
        "이제 거리가 의미를 가집니다: 같은 문맥에 쓰이는 단어끼리 가깝습니다. Esc를 누르면 "
        "패널들이 이 벡터를 씁니다 (5 Explore, 2 One-hot)."),
    "lesson.train.settings": (
        "{corpus}: {arch}/{loss}, d={dim}, 윈도 {window}, 학습률 {alpha}, {epochs} 에폭"),
    "lesson.train.loss": "예제당 손실: 학습 전 {before} -> 학습 후 {after}",
    "lesson.train.word": "단어",
    "lesson.train.nearest": "가장 가까운 단어 (코사인)",
    "lesson.train.similarity": "cos({a}, {b}) = {cos}: 어떤 두 단어의 one-hot vector도 코사인은 0이었습니다.",
    "lesson.train.note": "해 보기: Esc, 5 (Explore), n: 아무 단어의 가장 가까운 단어.",

    "lesson.king-queen.title": "제공 말뭉치로 king - man + woman",
    "lesson.king-queen.text": (
        "wordlab에 들어 있는 가장 큰 말뭉치 toy-world로 방금 Word2Vec을 학습했습니다: 성별, "
        "수도, 복수형, 시제 관계를 심어 생성한 문장들입니다 (실제 텍스트 text8은 따로 내려받고 "
        "학습에 몇 분 걸립니다). king - man + woman에 가장 가까운 단어는?"),
    "lesson.king-queen.trained": (
        "{corpus}: {arch}/{loss}, d={dim}, 단어 {tokens}개 {epochs} 에폭, V={V}, "
        "{seconds}초"),
    "lesson.king-queen.word": "단어",
    "lesson.king-queen.cosine": "코사인",
    "lesson.king-queen.found": (
        "답: {answer} (코사인 {cos}). 강의의 king - man + woman = {expected}, 엔진이 계산한 "
        "결과입니다."),
    "lesson.king-queen.missed": (
        "이 벡터의 답: {answer} (코사인 {cos}), {expected} 아님. 이번 학습은 이 관계를 "
        "배우지 못했습니다."),
}

# the app around the lesson (panes, help, keys, palette, dialogs): tui/lang/ko_app.py
from tui.lang.ko_app import MESSAGES as _APP  # noqa: E402

assert not set(_APP) & set(MESSAGES), sorted(set(_APP) & set(MESSAGES))
MESSAGES.update(_APP)

# the other model families' views (GloVe's step mode): tui/lang/ko_models.py
from tui.lang.ko_models import MESSAGES as _MODELS  # noqa: E402

assert not set(_MODELS) & set(MESSAGES), sorted(set(_MODELS) & set(MESSAGES))
MESSAGES.update(_MODELS)
