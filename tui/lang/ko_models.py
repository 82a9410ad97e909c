"""한국어: GloVe 단계 모드 (tui/panes/glove_step.py). ``tui.lang.ko.MESSAGES`` 에 합쳐진다."""

MESSAGES: dict[str, str] = {
    "glove.title": "GloVe, 동시 출현 칸 하나씩",
    "glove.key.next": "다음 칸",
    "glove.tip.next": ("다음 동시 출현 칸을 (GloVe가 섞은 순서로) 학습하고 그 갱신을 보여 준다: "
                       "각 가중치는 g x 짝 / sqrt(G) 만큼 움직이고, G는 기울기 제곱의 누적 합 "
                       "(1부터)이라 자주 갱신되는 가중치는 덜 움직인다"),
    "glove.key.again": "다시",
    "glove.tip.again": "같은 칸을 다시 학습: 오차와 손실이 줄어드는 것을 본다",
    # keys.toml (tui/keymap.py)
    "app.keys.ignored": "{path}: 무시함: {what}",
    "glove.key.help": "도움말",
    "glove.tip.help": "이 화면이 보여 주는 것 (논문의 용어로) 과 키",
    "glove.help": """# GloVe 단계 모드

GloVe (Pennington, Socher, Manning 2014) 는 Word2Vec처럼 문장을 예시 하나씩 훑지 않는다. 먼저
**X** 를 센다: X_ij 는 단어 i 의 윈도우 안에 단어 j 가 나온 횟수이고, 한 번 나올 때마다
1/거리 로 가중한다 (glove.c 의 cooccur). 그리고 0이 아닌 칸마다

    w_i · w~_j + b_i + b~_j  ≈  log X_ij

가 되도록 가중 최소제곱으로 맞춘다: J = Σ f(X_ij) (w_i · w~_j + b_i + b~_j - log X_ij)²,
f(x) = (x / x_max)^α (x_max = 100 미만), 그 이상은 1 (α = 0.75): 드문 쌍은 덜 세고, 아주 잦은
쌍이 전체를 지배하지 않는다. 단어의 벡터는 마지막에 w + w~ 이다.

**칸 하나** (n): 칸은 glove.c 처럼 섞인 순서로 방문한다. 화면은 X_ij, log X_ij, 가중치 f, 예측과
그 세 부분, 오차 (예측 - log X), 그 칸의 손실 f·오차²/2 를 갱신 전과 후로 보여 준다. 갱신은
**AdaGrad** 이다: g = eta·f·오차, 각 가중치는 -g × 짝 / √G 만큼 움직이고, G 는 그 가중치의
기울기 제곱 누적 합 (1부터) 이다: w_i 의 짝은 w~_j 이고 그 반대도 같으며, 편향의 짝은 1 이다.
자주 갱신된 가중치는 더 작게 움직인다.

**다시** (e) 는 같은 칸을 한 번 더 학습한다: 오차가 줄어든다. **초기화** (r) 는 새 가중치로
시작한다. 아래 행렬은 X 자체다 (강의 말뭉치의 12 단어는 80x24 에 다 들어간다; 더 큰 어휘는
가장 많이 나온 단어들만), 방금 학습한 칸은 반전되어 있다.
""",
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
    # FastText 단계 모드 (tui/panes/fasttext_step.py)
    "ft.title": "FastText, 예제 하나씩",
    "ft.key.next": "다음",
    "ft.tip.next": ("다음 예제를 학습하고 (fastText의 순서: 가운데 단어를 왼쪽부터) 그 행들을 보여 "
                    "준다: 입력 단어 자신의 W_in 행과 n-gram마다 한 행, 그 평균 h, 갱신으로 각 행이 "
                    "움직인 거리"),
    "ft.key.again": "다시",
    "ft.tip.again": "같은 예제를 같은 잡음 단어로 다시 학습: 손실이 줄어드는 것을 본다",
    "ft.key.reset": "초기화",
    "ft.tip.reset": "지금 말뭉치에서 새 가중치로 시작",
    "ft.key.arch": "구조",
    "ft.tip.arch": "Skip-gram <-> CBOW 바꾸기 (새 단계 모델)",
    "ft.key.word": "단어",
    "ft.key.jamo": "자모",
    "ft.tip.jamo": ("n-gram을 글자 <-> 한글 자모로 (음절마다 초성, 중성, 종성, 종성이 없으면 e: 한국어 "
                    "FastText 연구의 방식), 새 모델로 시작"),
    "ft.tip.word": ("아무 단어나 찾아보기 (말뭉치에 없던 단어도): n-gram과 버킷, 학습된 버킷, "
                    "그 평균인 벡터, 가장 가까운 단어"),
    "ft.key.help": "도움말",
    "ft.tip.help": "이 화면이 보여 주는 것 (강의의 용어로)과 키",
    "ft.help": """# FastText 단계 모드

FastText (Bojanowski 외 2017)는 입력 하나만 다른 Word2Vec입니다: 단어는 `W_in`의 한 행이
아니라 자신의 행과 **글자 n-gram** 행들의 **평균**입니다. n = 3..6이면 `cat`은 `<ca`, `<cat`,
`<cat>`, `cat`, `cat>`, `at>` (`<`와 `>`는 단어의 시작과 끝 표시). n-gram은 이름으로 저장되지
않습니다: fastText 자신의 해시(FNV-1a)로 `bucket`개의 행 중 하나, 행 `V + hash(g) % bucket`에
들어갑니다. fastText의 버킷은 2,000,000개; 이 단계 모델은 2^16 = 65,536개와 d = 10이라 바로
만들어지고 h가 한 줄에 들어갑니다 (번호는 여전히 fastText의 해시를 2^16으로 나눈 나머지).

**예제 하나** (n): Skip-gram은 가운데 단어의 행들이 입력, 문맥 단어 하나가 정답; CBOW는 문맥
단어 전부의 행들이 입력, 가운데 단어가 정답입니다. **음성 샘플링**은 정답 (레이블 1)과 잡음
단어 몇 개 (레이블 0)에 점수를 매깁니다: f = W_out·h, σ(f); 손실은 -log σ(f_정답) - Σ log
σ(-f_잡음). 갱신은 출력 행마다 g·h만큼, 그리고 **입력 행 모두를 똑같이** lr·Σ g·W_out만큼
움직입니다: 단어 자신의 행과 n-gram 행 하나하나를. 화면은 그 행들을 버킷 번호, 움직인 거리와
함께, 갱신 전후의 손실과 함께 보여 줍니다. W_out은 (fastText처럼) 0에서 시작합니다: 점수를
매긴 출력 행이 아직 0이면 dL/dh = 0이라 입력 행은 움직이지 않습니다.

**아무 단어나** (w 또는 /): 말뭉치에 없던 단어에도 n-gram이 있습니다. 그 벡터는 n-gram으로
만듭니다: 그 행들의 평균. 찾아보기는 n-gram, 버킷, 단계 모드가 각 버킷을 움직인 횟수 (아는
단어와 같이 쓰는 버킷은 그 단어와 함께 배우고, 나머지는 아직 무작위), 가장 가까운 아는 단어를
보여 줍니다.

**한국어** (j): 음절 하나가 글자 하나라서 `고양이는`은 `고양이를`과 같은 n-gram이 적습니다.
j는 n-gram을 자모로 만듭니다: 음절마다 초성, 중성, 종성 (종성이 없으면 `e`), 한국어 FastText
연구가 하는 대로: `고양이` -> `ㄱㅗeㅇㅑㅇㅇㅣe`. lecture-ko에서 `고양이는`을 찾아보면 같이 쓰는
버킷이 보입니다.
""",
    "ft.key.leave": "돌아가기",
    "ft.tip.leave": "패널로 돌아가기 (단어 칸에서는 칸 닫기)",
    "ft.no-corpus": "말뭉치가 없습니다: 말뭉치 패널(1)에서 여세요",
    "ft.building": "{corpus}에 단계 모델을 만드는 중: 단어와 그 n-gram 행…",
    "ft.header": "FastText · {corpus} · {arch} · V={V} · d={d} · 학습률 {lr} · {done}번째 예제",
    "ft.arch.sg": "Skip-gram",
    "ft.arch.cbow": "CBOW",
    "ft.buckets": "n-gram: {units} {minn}-{maxn}개; 버킷 = fastText 해시 % {bucket} (작게; fastText는 2M)",
    "ft.press-n": ("n: 예제 하나 학습. FastText의 입력은 W_in의 한 행이 아니라 단어 자신의 행과 "
                   "글자 n-gram 행들의 평균입니다.\n"
                   "w 또는 /: 아무 단어나 찾아보기 (본 적 없는 단어도).\n"
                   "j: 글자 대신 한글 자모로 n-gram 만들기 (고양이 -> ㄱㅗeㅇㅑㅇㅇㅣe)."),
    "ft.units.chars": "글자",
    "ft.units.jamo": "자모",
    "ft.example.sg": "{k}번째 예제: 입력 {word} -> 정답 {target}, 잡음 단어 {neg}개 (음성 샘플링)",
    "ft.example.cbow": "{k}번째 예제: 입력 문맥 {context} -> 정답 {target}, 잡음 단어 {neg}개",
    "ft.rows.sg": "h = W_in 행 {n}개의 평균: {word} 자신의 행 + n-gram {g}개 (Δ: 움직인 거리)",
    "ft.rows.cbow": "h = W_in 행 {n}개의 평균: 단어 {words}개 자신의 행 + n-gram {g}개 (Δ: 움직임)",
    "ft.row": "행",
    "ft.out.word": "출력",
    "ft.out.label": "레이블",
    "ft.out.f": "f=W_out·h",
    "ft.out.sigma": "σ(f)",
    "ft.out.moved": "|ΔW_out|",
    "ft.loss": "손실 = -log σ(f) - Σ log σ(-f_잡음) = {loss}  ->  갱신 뒤 {after}",
    "ft.changed.sg": "움직인 것: 정확히 W_in 행 {n}개 ({word} 자신과 n-gram) + W_out 행 {out}개",
    "ft.changed.cbow": "움직인 것: 정확히 문맥의 W_in 행 {n}개 (모두 같은 Δ) + W_out 행 {out}개",
    "ft.changed.none": ("W_in 행은 그대로: 이 W_out 행들이 0이었다 (fastText는 W_out을 0에서 시작),\n"
                        "그래서 dL/dh = 0: W_out만 배웠다"),
    "ft.lookup.placeholder": "단어 하나, 본 적 없어도 됨 (Enter; Esc로 닫기)",
    "ft.lookup.hint": "w 또는 /: 아무 단어나 찾아보기 (n-gram, 버킷, 벡터)",
    "ft.lookup.known": "{word}: 말뭉치에 있음; 벡터 = 자신의 행 ({k}번 움직임) + n-gram 행 {g}개의 평균",
    "ft.lookup.unseen": "{word}: 본 적 없음; n-gram으로 만든 벡터: n-gram 행 {g}개의 평균",
    "ft.lookup.trained": "버킷 {g}개 중 {trained}개 학습됨 (×k: 움직인 횟수; 그 뒤 버킷을 같이 쓰는 단어)",
    "ft.lookup.vector": "벡터",
    "ft.lookup.nearest": "가장 가까운 아는 단어: {words}",
    "bind.fasttext-step": "FastText 단계",
    "bind.fasttext-step.tip": "FastText 단계 모드: 단어의 n-gram과 버킷 번호, 그 평균인 벡터, 갱신 한 번과 바뀐 행들; 아무 단어나 찾아보기 (Esc로 돌아가기)",
    # -- issue 11 in the panes: FastText in Train, unseen words in Explore, models side by
    # side in Evaluate, the tokenizer in Corpus (tui/panes/{train,explore,evaluate,corpus}.py)
    "train.field.subwords": "n-gram",
    "train.field.minn": "minn",
    "train.field.maxn": "maxn",
    "train.field.bucket": "버킷",
    "train.option.chars": "글자",
    "train.option.jamo": "한글 자모",
    "train.idle.fasttext": "대기 · {corpus}에 FastText (FastText의 설정)",
    "train.idle.fasttext-own": "대기 · FastText, {corpus}의 설정: {settings} (r: 되돌리기)",
    "explore.from-ngrams": "{words}: 어휘에 없음; n-gram으로 만든 벡터 (FastText)",
    "bind.evaluate-compare": "비교",
    "bind.evaluate-compare.tip": ("이 세션에서 이 말뭉치로 학습한 모델들(Word2Vec, GloVe, FastText: "
                                  "각각 마지막 것)을 고른 유추 문제와 단어 쌍으로 나란히 비교"),
    "evaluate.compare.need-two": ("{corpus}로 학습한 모델은 아직 {model}뿐: 비교하려면 다른 모델을 "
                                  "학습하세요 (3)"),
    "evaluate.compare.none": "이 말뭉치로 학습한 모델이 아직 없음: 둘이나 셋을 학습하세요 (3)",
    "evaluate.compare.running": "{models} 비교 중: {analogies}, {pairs}…",
    "evaluate.compare.title": "[b]나란히 비교[/b] ({corpus}): {analogies}, {pairs} (가장 좋은 값 강조)",
    "evaluate.compare.row.analogies": "유추 전체",
    "evaluate.compare.row.pairs": "단어 쌍 Spearman",
    "evaluate.col.spread": "차이",
    "bind.corpus-tokenizer": "토큰화",
    "bind.corpus-tokenizer.tip": ("글을 단어(띄어쓰기)로 나눌지 한국어 형태소로 나눌지 "
                                  "(kiwipiepy: 고양이를 -> 고양이 + 를); 말뭉치를 다시 엽니다"),
    "corpus.tokenizer": "토큰",
    "corpus.option.words": "단어",
    "corpus.option.morphemes": "형태소",
    "corpus.error.no-kiwi": "형태소 분석에는 kiwipiepy가 필요: pip install 'wordlab[ko]'",
    "corpus.error.toy-morphemes": "toy-world는 단어 단위로 생성됨: 형태소는 글 말뭉치용",
    "corpus.tokenized": "형태소로 나눔 (kiwipiepy)",
}
