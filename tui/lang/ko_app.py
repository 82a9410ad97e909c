"""한국어 메시지 (강의 밖의 앱: 패널, 도움말, 키, 명령 팔레트, 대화 상자).

``tui.lang.ko.MESSAGES``에 합쳐집니다; en_app.py와 키와 서식 필드가 같아야 합니다
(tests/test_i18n.py).  강의의 용어: 말뭉치, 어휘, 원-핫 인코딩, 임베딩, 손실, 학습률,
음성 샘플링, 계층적 소프트맥스, 순환신경망, 장단기 메모리, 기울기 소실.
"""

MESSAGES: dict[str, str] = {
    # -- 앱 -----------------------------------------------------------------------------------
    "app.subtitle": "Word2Vec, 순환신경망, LSTM을 직접",
    "app.too-small": ("wordlab은 적어도 {width}x{height} 크기의 터미널이 필요합니다.\n"
                      "창을 키우세요 (또는 글꼴을 줄이세요)."),
    "app.current-corpus": "지금의 말뭉치",
    "app.switch.question": "{current}로 학습 중입니다. 멈추고 {corpus}로 바꿀까요?",
    "app.switch.yes": "멈추고 바꾸기",
    "app.keep-training": "계속 학습",
    "app.quit.question": "학습 중입니다. 멈추고 wordlab을 끝낼까요?",
    "app.kept.vectors": "Word2Vec 벡터 ({label})",
    "app.kept.lm": "언어 모델 ({label})",
    "app.and": ", ",
    "app.kept": ("이제 {corpus}입니다. 탐색과 평가에는 {kept}을(를) 그대로 씁니다; 한 단계와 "
                 "원-핫은 {corpus}에 새 가중치로 시작합니다."),
    "app.error.corpus": "말뭉치 {name!r}을(를) 열 수 없습니다: {error}",
    "app.error.vectors": "벡터 {path!r}을(를) 불러올 수 없습니다: {error}",
    "app.error.where": " (자세한 내용: {path})",
    "app.error.display": "화면 오류: {error}{where}. 학습은 계속됩니다.",
    "app.screen.error": "화면을 저장할 수 없습니다: {error}",
    "app.screen.saved": "{folder}에 {svg}, {txt} 저장",
    "app.screen.cannot-write": "{folder}에 쓸 수 없습니다",
    "app.screen.folder": "저장한 화면을 둘 폴더 (한 번만 묻습니다; Ctrl+S가 여기에 저장)",

    "pane.corpus": "말뭉치",
    "pane.onehot": "원-핫",
    "pane.train": "학습",
    "pane.step": "한 단계",
    "pane.explore": "탐색",
    "pane.evaluate": "평가",
    "pane.lstm": "LSTM",

    # -- 앱의 키 ---------------------------------------------------------------------------------
    "bind.tab-corpus": "말뭉치",
    "bind.tab-corpus.tip": "말뭉치 패널 보기",
    "bind.tab-onehot": "원-핫",
    "bind.tab-onehot.tip": "원-핫 패널 보기",
    "bind.tab-train": "학습",
    "bind.tab-train.tip": "학습 패널 보기",
    "bind.tab-step": "한 단계",
    "bind.tab-step.tip": "한 단계 패널 보기",
    "bind.tab-explore": "탐색",
    "bind.tab-explore.tip": "탐색 패널 보기",
    "bind.tab-evaluate": "평가",
    "bind.tab-evaluate.tip": "평가 패널 보기",
    "bind.tab-lstm": "LSTM",
    "bind.tab-lstm.tip": "LSTM(장단기 메모리) 패널 보기",
    "bind.help": "도움말",
    "bind.help.tip": "지금 패널의 설명과 키 목록",
    "bind.help-f1": "도움말",
    "bind.help-f1.tip": "지금 패널의 설명과 키 목록",
    "bind.quit": "끝내기",
    "bind.quit.tip": "wordlab 끝내기 (학습 중이면 먼저 묻습니다)",
    "bind.ctrl-c": "끝내기",
    "bind.ctrl-c.tip": "wordlab 끝내기 (학습 중이면 먼저 묻습니다)",
    "bind.lesson": "강의",
    "bind.lesson.tip": "강의를 단계별 수업으로 (L을 다시 누르면 같은 단계에서 이어집니다)",
    "bind.screenshot": "화면 저장",
    "bind.screenshot.tip": "이 화면을 노트용 SVG와 텍스트로 저장 (폴더는 한 번만 묻습니다)",
    "bind.language": "언어: 한국어 / English",
    "bind.language.tip": "앱의 언어를 한국어와 영어(English) 사이에서 바로 바꾸기",
    "bind.palette": "팔레트",
    "bind.palette.tip": "명령 팔레트 열기",
    "bind.leave-field": "입력 칸 나가기",
    "bind.leave-field.tip": "입력 칸에서 나가 글자와 숫자 키가 패널에 작동하게 하기",

    # -- Textual의 팔레트 명령 ---------------------------------------------------------------------
    "system.theme": "테마",
    "system.theme.tip": "화면 테마 바꾸기",
    "system.keys": "키",
    "system.keys.tip": "포커스된 위젯의 도움말과 쓸 수 있는 키 요약 보기",
    "system.keys.hide": "키와 위젯 도움말 창 숨기기",
    "system.maximize": "최대화",
    "system.maximize.tip": "포커스된 위젯을 최대화",
    "system.minimize": "최소화",
    "system.minimize.tip": "위젯을 원래 크기로 되돌리기",
    "system.screenshot": "스크린숏",
    "system.screenshot.tip": "지금 화면을 SVG '스크린숏'으로 저장",
    "plot.error": "그래프를 그릴 수 없습니다 ({error})",
    "palette.search": "명령 찾기…",
    "system.language": "언어: 한국어 / English",

    # -- 도움말 ----------------------------------------------------------------------------------
    "help.title": "도움말: {title}   (Esc 닫기, 화살표 스크롤)",
    "help.pane-keys": "이 패널의 키",
    "help.key": "키",
    "help.action": "동작",
    "help.global": """\
## 어디서나

| 키 | 동작 |
|---|---|
| `1`-`7` | 패널 바꾸기 (말뭉치, 원-핫, 학습, 한 단계, 탐색, 평가, LSTM) |
| `?` / `F1` | 이 도움말 |
| `Ctrl+P` | 명령 팔레트: 이 패널의 모든 동작 |
| `F2` | 언어: 한국어 / English (바로 바뀝니다) |
| `Esc` | 입력 칸에서 나가기 (글자 키가 패널에 작동) |
| `Tab` / `Shift+Tab` | 칸 사이 이동 |
| `q` / `Ctrl+C` | 끝내기 (학습 중이면 먼저 묻습니다) |
""",
    "bind.help-close": "닫기",
    "bind.help-close.tip": "도움말 닫기",

    # -- 대화 상자 --------------------------------------------------------------------------------
    "bind.confirm-yes": "예",
    "bind.confirm-yes.tip": "예라고 답하기",
    "bind.confirm-no": "아니요",
    "bind.confirm-no.tip": "아니요라고 답하기",
    "bind.path-cancel": "취소",
    "bind.path-cancel.tip": "고르지 않고 닫기",
    "dialog.path": "경로",
    "dialog.verb.open": "열기",
    "dialog.verb.save": "저장",
    "dialog.verb.load": "불러오기",
    "dialog.verb.use": "사용",
    "dialog.hint.save": "Enter: {verb}   →: 자동 완성 받기   Esc: 취소",
    "dialog.hint.open": "Enter: {verb} (자동 완성 포함)   →: 완성   Esc: 취소",
    "dialog.empty": "먼저 경로를 입력하세요",
    "dialog.not-saved": "저장하지 않음: {name}이(가) 있습니다; 다른 이름을 입력하세요",
    "dialog.exists": "{path}이(가) 이미 있습니다. 바꿀까요?",
    "dialog.replace": "바꾸기",
    "dialog.keep": "그대로 두기",
    "dialog.checking": "확인 중…",

    # -- pane 1: corpus ------------------------------------------------------------------------
    "help.corpus": """
# 말뭉치: Word2Vec이 배우는 글

**말뭉치**(corpus)는 문장의 흐름이고, 문장은 **토큰**(단어)의 목록입니다. Word2Vec은 어떤
단어가 어떤 단어 가까이에 나오는지만 봅니다: 임베딩이 아는 것은 모두 여기서 옵니다.

- **토큰**: 글 속의 단어, 반복도 셉니다; **타입**: 서로 다른 단어.
- **min_count**: 이보다 적게 나온 단어는 어휘(V)에서 빠집니다. **커버리지**는 단어가
  어휘에 남은 토큰의 비율입니다.
- **서브샘플링** (`sample`, word2vec.c의 식): 아주 흔한 단어("the", "i")는 학습 중에
  무작위로 건너뛰며, 각각 확률 `(sqrt(f/(s*total)) + 1) * (s*total)/f`로 남깁니다.
  0이면 끕니다 (작은 강의 말뭉치에 가장 좋습니다).
- **소문자로**: "King"과 "king"이 한 단어가 됩니다.
- **Zipf 그래프**는 빈도를 순위에 대해 로그-로그 축에 그립니다: 자연어는 직선에 가깝습니다
  (빈도 ~ 1/순위): 몇몇 단어는 아주 흔하고, 대부분은 드뭅니다.

강의의 말뭉치는 `lecture` ("i love cute cat", "we watch movie", ...), 한국어는 `lecture-ko`;
`toy-world`에는 유추 king - man + woman = queen을 위한 관계(king/queen, man/woman)가
심어져 있습니다. 여기의 설정은 학습 패널의 min_count와 sample의 기본값이 됩니다.
""",
    "bind.corpus-open": '열기',
    "bind.corpus-open.tip": '텍스트 파일이나 .txt 파일 폴더를 말뭉치로 열기',
    "bind.corpus-lower": '소문자',
    "bind.corpus-lower.tip": '소문자로 바꾸기 켜기/끄기 (말뭉치를 다시 엽니다)',
    "bind.corpus-min-count": 'min_count',
    "bind.corpus-min-count.tip": 'min_count 고치기 (Enter로 적용)',
    "bind.corpus-sample": 'sample',
    "bind.corpus-sample.tip": '서브샘플링 기준값 sample 고치기 (Enter로 적용)',
    "bind.corpus-list": '목록',
    "bind.corpus-list.tip": '말뭉치 목록으로 가기',
    "corpus.corpora": '말뭉치 (Enter로 열기)',
    "corpus.preprocessing": '전처리',
    "corpus.lower": '소문자로',
    "corpus.zipf": 'Zipf: 빈도 대 순위 (로그-로그)',
    "corpus.col.word": '단어',
    "corpus.col.count": '빈도',
    "corpus.rank": '순위',
    "corpus.not-downloaded": '{name} (받지 않음)',
    "corpus.open-file": '파일 열기…  (o)',
    "corpus.open-title": '텍스트 파일이나 .txt 파일 폴더를 말뭉치로 열기',
    "corpus.sample-set": 'sample = {sample} (학습 패널이 씁니다)',
    "corpus.opening": '{source} 여는 중…',
    "corpus.counting": '{name} 세는 중…',
    "corpus.kept": '{current} 유지: 학습이 계속됩니다 ({corpus}로 바꾸려면 패널 3에서 멈추세요)',
    "corpus.still-using": '계속 사용 중: {name}',
    "corpus.none": '말뭉치 없음',
    "corpus.stats": '토큰 {tokens:,}   타입 {types:,}   min_count {min_count}의 V: {V:,}   커버리지 {coverage:.1%}',
    "corpus.replaced": '[b]참고[/b]: UTF-8이 아닌 {n:,} 바이트를 바꿨습니다',
    "corpus.error.min-count-int": 'min_count는 정수여야 합니다 (입력: {got})',
    "corpus.error.min-count-low": 'min_count는 1 이상이어야 합니다 (입력: {got})',
    "corpus.error.sample-number": 'sample은 1e-3이나 0 같은 수여야 합니다 (입력: {got})',
    "corpus.error.sample-range": 'sample은 [0, 1) 안이어야 합니다 (입력: {got})',

    # -- pane 2: one-hot -----------------------------------------------------------------------
    "help.onehot": """
# 원-핫 대 임베딩: 강의의 논증을 눈으로

**원-핫 인코딩**: V개 단어 어휘의 *i*번째 단어는 V개의 0 가운데 *i*번째 자리만 1인
벡터입니다. 한계 두 가지 (강의 4절):

1. 벡터가 어휘와 함께 커집니다 (단어 100,000개 -> 100,000차원);
2. 유사도를 담지 못합니다: `L2(A, B) = sqrt(sum (A_i - B_i)^2)`로 재면 서로 다른 두
   단어는 언제나 `sqrt(1 + 1) = sqrt(2) = 1.414` 떨어져 있고, 코사인은 0입니다.

학습 뒤 각 단어의 **임베딩**은 `W_in`의 그 단어 행(d개의 수)입니다. 이제 L2 거리와 코사인
유사도가 쌍마다 다릅니다: 비슷한 문맥에 쓰인 단어가 더 가깝습니다. 표는 같은 단어를 두
가지로 보여 줍니다: 원-핫(왼쪽)과 학습된 임베딩(오른쪽, 아래는 코사인).

입력 칸에 단어를 12개까지 입력하고 (어휘에서 자동 완성), Enter로 보여 줍니다.
""",
    "bind.onehot-words": "단어",
    "bind.onehot-words.tip": "비교할 단어 고르기",
    "bind.onehot-top": "빈도순",
    "bind.onehot-top.tip": "어휘에서 가장 자주 나오는 단어 보기",
    "onehot.words": "단어",
    "onehot.vectors": "원-핫 벡터",
    "onehot.l2": "원-핫 L2 거리",
    "onehot.emb-l2": "임베딩 L2 (d={dim})",
    "onehot.emb-cos": "임베딩 코사인",
    "onehot.reading": "{corpus} 읽는 중…",
    "onehot.two-words": "서로 다른 단어를 두 개 이상 입력하세요",
    "onehot.at-most": "단어는 {n}개까지 들어갑니다: 처음 {n}개를 보여 줍니다",
    "onehot.unknown": "어휘에 없음: {words}",
    "onehot.this-corpus": "이 말뭉치",
    "onehot.unknown-vectors": "지금 벡터({label})는 {words}을(를) 모릅니다: 비교하려면 {corpus}로 학습하세요 (3)",
    "onehot.train-first": "비교하려면 모델을 학습하세요 (3): 임베딩의 거리는 쌍마다 다릅니다",
    "onehot.note.untrained": "대각선 밖의 원-핫 거리는 모두 sqrt(2) = 1.414, 코사인은 모두 0: 원-핫 벡터는 어떤 단어가 비슷한지 말해 주지 못합니다.",
    "onehot.note.trained": "원-핫: 모든 쌍이 sqrt(2) 떨어짐, 코사인 0. 임베딩({label}): 여기서 가장 가까운 쌍은 {a} ~ {b} (코사인 {cos:+.2f}).",

    # -- pane 3: train -------------------------------------------------------------------------
    "help.train": """
# 학습: 지금의 말뭉치로 Word2Vec (또는 GloVe)

신경망은 강의의 것입니다: 원-핫 입력(크기 V) -> 크기 **d**(`dim`)의 은닉층 **h** -> 어휘 전체의
점수 -> 소프트맥스 -> 교차 엔트로피 손실. 가중치 `W_in`(V x d)이 임베딩입니다: 한 단어의
벡터는 학습된 `W_in`의 그 단어 행입니다.

- **구조**(arch): *skip-gram*은 가운데 단어로 문맥 단어를 하나씩 예측하고, *CBOW*는 문맥의
  평균으로 가운데 단어를 예측합니다 (빈칸 채우기 시험).
- **손실**(출력층): *전체 소프트맥스*는 강의의 것입니다 (비용이 V와 함께 커짐); *음성 샘플링*
  (negative sampling)은 정답 단어를 `negative`개의 무작위 "잡음" 단어와 시그모이드로 겨루게
  하고; *계층적 소프트맥스*는 허프만 트리를 따라 내려갑니다 (log2 V개의 시그모이드).
- **윈도**(window): 양쪽 문맥 단어 수 (word2vec.c는 예제마다 무작위로 줄입니다).
- **에폭**(epochs), **학습률**(alpha, min_alpha까지 선형으로 줄어듦), **min_count**,
  **sample** (흔한 단어의 서브샘플링), **시드**(seed, 같은 시드면 같은 결과).
- **모델** GloVe는 말뭉치 전체의 동시 출현 횟수 X_ij의 로그를 맞춥니다:
  `f(X_ij) (w_i . w~_j + b_i + b~_j - log X_ij)^2`, 칸마다 AdaGrad(**eta**)로;
  **x_max**는 한 쌍이 온전한 무게를 갖는 횟수입니다. 진행은 단어가 아니라 칸을 셉니다.

손실은 소프트맥스라면 ln V 근처에서 시작하고 (균등한 추측: 단어 4개면 ln 4 = 1.386), 모델이
배우면서 내려갑니다. 스파크라인은 실행 전체의 손실을 0부터의 눈금으로, 그래프는 같은 것을
축과 함께 보여 줍니다; 단어/초, 학습률, 에폭, 남은 시간은 엔진이 줍니다. 학습이 끝나면
벡터가 원-핫, 탐색, 평가 패널로 갑니다. 아무 칸에서나 Enter로 시작합니다; 잘못된 값은
칸 옆에 설명이 나옵니다.
""",
    "bind.train-toggle": "시작/멈춤",
    "bind.train-toggle.tip": "학습 시작, 또는 잠시 멈춤 / 다시 시작",
    "bind.train-stop": "중지",
    "bind.train-stop.tip": "학습을 멈추고 지금까지의 벡터를 쓰기",
    "bind.train-reset": "초기화",
    "bind.train-reset.tip": "양식을 기본값으로 되돌리고 곡선을 지우기",
    "bind.train-save": "저장",
    "bind.train-save.tip": "벡터를 파일로 저장 (.bin: 이진)",
    "bind.train-load": "열기",
    "bind.train-load.tip": "word2vec 텍스트/이진 파일에서 벡터 불러오기",
    "bind.train-form": "양식",
    "bind.train-form.tip": "양식의 첫 칸으로 가기",
    "train.field.model": "모델",
    "train.field.arch": "구조",
    "train.field.loss": "손실",
    "train.field.dim": "차원 d",
    "train.field.window": "윈도",
    "train.field.negative": "음성 샘플",
    "train.field.epochs": "에폭",
    "train.field.alpha": "학습률",
    "train.field.min_count": "min_count",
    "train.field.sample": "sample",
    "train.field.seed": "시드",
    "train.field.x_max": "x_max",
    "train.field.eta": "eta",
    "train.option.sg": "skip-gram (sg)",
    "train.option.cbow": "CBOW (cbow)",
    "train.option.neg": "음성 샘플링",
    "train.option.softmax": "전체 소프트맥스",
    "train.option.hs": "계층적 소프트맥스",
    "train.plot": "실행 중의 손실",
    "train.epoch": "에폭",
    "train.loss": "손실",
    "train.idle": "대기",
    "train.idle.none": "대기: 열린 말뭉치 없음",
    "train.idle.glove": "대기 · {corpus}에 GloVe (GloVe의 설정)",
    "train.idle.glove-window": "대기 · {corpus}에 GloVe, 윈도 {window} (r: 설정 되돌리기)",
    "train.idle.general": "대기 · 말뭉치: {corpus} (일반 설정)",
    "train.idle.own": "대기 · {corpus}의 설정: {settings} (r: 되돌리기)",
    "train.error.int": "{label}은(는) 정수여야 합니다 (입력: {got})",
    "train.error.number": "{label}은(는) 수여야 합니다 (입력: {got})",
    "train.training": "학습 중",
    "train.paused": "멈춤",
    "train.no-corpus": "말뭉치 없음: 말뭉치 패널(1)에서 고르세요",
    "train.fix-fields": "먼저 위에 표시된 칸을 고치세요",
    "train.loading": "엔진을 불러오고 {corpus}의 어휘를 만드는 중…",
    "train.stopping": "멈추는 중…",
    "train.stop-before-reset": "초기화하기 전에 학습을 멈추세요 (s)",
    "train.nothing-to-save": "아직 저장할 것이 없습니다: 먼저 학습(Space)하거나 벡터를 불러오세요(o)",
    "train.saved": "벡터 {n:,}개를 {path}에 저장",
    "train.save-title": "벡터 저장 (word2vec 형식; .bin 이름이면 이진)",
    "train.stop-before-load": "다른 벡터를 불러오기 전에 학습을 멈추세요 (s)",
    "train.loaded": "{path}에서 {dim}차원 벡터 {n:,}개를 불러옴",
    "train.load-title": "벡터 불러오기 (word2vec 텍스트 또는 이진)",
    "train.started": "학습 중: V = {V:,} 단어, 에폭당 토큰 {tokens:,}",
    "train.once": "{text} (한 번만: 다음 학습은 바로 시작)",
    "train.stopped": "중지: 지금까지의 벡터({V:,} 단어)를 씁니다",
    "train.done": "완료: 벡터 {V:,}개 준비: 탐색(5)이나 원-핫(2)에서 보세요",
    "train.failed": "실패: 마지막 정상 가중치를 씁니다",
    "train.failed-early": "첫 보고 전에 실패: 이 학습의 벡터는 없습니다",
    "train.state.paused": "멈춤",
    "train.state.training": "학습 중",
    "train.keys.paused": "Space 다시 시작 · s 중지",
    "train.keys.training": "Space 멈춤 · s 중지",
    "train.keys.idle": "Space 시작 · 칸에서 Enter도 시작",
    "train.unit.words": "단어",
    "train.unit.cells": "칸",
    "train.eta.done": "완료",
    "train.eta": "남은 시간 {eta}",
    "train.figures": """에폭 {epoch:,}/{epochs:,} · 손실 {loss:.4f}
학습률 {lr:.5f} · {rate:,.0f} {unit}/초
{done:,}/{total:,} · {elapsed} · {eta}""",

    # -- pane 5: explore -----------------------------------------------------------------------
    "help.explore": """
# 탐색: 임베딩이 배운 것

이제 각 단어는 d차원의 한 점입니다 (`W_in`의 그 단어 행). 비슷한 문맥에 쓰인 단어는
가까이 모이고, 관계는 방향이 됩니다: 강의의 "woman -> man은 queen -> king과 평행".

- **이웃**: 그 단어와 **코사인 유사도** `cos(A, B) = A.B / (|A||B|)`가 가장 높은 단어들
  (1: 같은 방향, 0: 관계 없음, 원-핫 벡터의 모든 쌍처럼).
- **유추** `a : b :: c : ?`: `b - a + c`에 가장 가까운 단어 (3CosAdd, gensim처럼), 질의
  단어는 빼고. `man : king :: woman : ?`은 `queen`을 주어야 합니다 (`toy-world`로 학습해
  보세요). `m`은 3CosMul로 바꿉니다.
- **유사도**: 두 단어의 코사인.
- **다른 하나**: 나머지 단어들의 평균 방향에서 가장 먼 단어.
- **그래프**는 마지막 질의의 단어를 처음 두 주성분(PCA)에 투영합니다: 유추라면 네 단어와
  선 a-b, c-d, a-c, b-d가 그려지고, 관계를 배웠다면 평행사변형이 됩니다.

단어는 입력하는 동안 어휘에서 자동 완성됩니다 (→로 받기). Enter는 지금 칸의 질의를
실행합니다.
""",
    "bind.explore-neighbours": "이웃",
    "bind.explore-neighbours.tip": "한 단어의 가장 가까운 이웃 (코사인 유사도)",
    "bind.explore-analogy": "유추",
    "bind.explore-analogy.tip": "유추 a : b :: c : ? (b - a + c)",
    "bind.explore-similarity": "유사도",
    "bind.explore-similarity.tip": "두 단어의 코사인 유사도",
    "bind.explore-odd": "다른 하나",
    "bind.explore-odd.tip": "나머지와 어울리지 않는 단어는?",
    "bind.explore-method": "3CosAdd/Mul",
    "bind.explore-method.tip": "유추 방법을 3CosAdd와 3CosMul 사이에서 바꾸기",
    "bind.explore-export": "내보내기",
    "bind.explore-export.tip": ("벡터를 TensorBoard 임베딩 프로젝터(Embedding Projector)용 "
                                "vectors.tsv와 metadata.tsv로 폴더에 저장"),
    "explore.nn": "이웃",
    "explore.analogy": "유추",
    "explore.similarity": "유사도",
    "explore.odd": "다른 하나",
    "explore.plot": "질의 단어의 PCA",
    "explore.col.word": "단어",
    "explore.col.cosine": "코사인",
    "explore.col.cos-odd": "다른 것과 cos",
    "explore.no-vectors": "아직 벡터가 없습니다: 모델을 학습하거나 (3), 거기서 벡터를 불러오세요 (o).",
    "explore.source": "벡터 {n:,}개 {label} · Enter로 실행",
    "explore.method": "유추 방법: {method}",
    "explore.train-first": "아직 벡터가 없습니다: 먼저 학습 패널(3)에서 모델을 학습하세요",
    "explore.need": "먼저 단어를 {n}개 입력하세요",
    "explore.unknown": "모르는 단어: {words} (벡터 {label}에 없음)",
    "explore.nearest": "{words}에 가장 가까운",
    "explore.analogy-three": "유추는 세 칸에 단어를 하나씩 받습니다",
    "explore.similarity-two": "유사도는 두 칸에 단어를 하나씩 받습니다",
    "explore.odd-mark": "{word}  <- 다른 하나",
    "explore.odd-title": "다른 하나: {words}",
    "explore.two-words": "서로 다른 단어가 두 개 필요합니다",
    "explore.export.title": ("임베딩 프로젝터용 vectors.tsv와 metadata.tsv를 저장할 폴더 "
                             "(그 폴더의 같은 이름 파일은 바뀝니다)"),
    "explore.export.verb": "내보내기",
    "explore.export.done": "vectors.tsv + metadata.tsv 저장 ({n:,}개 단어, d={dim}): {folder}",
    "explore.export.done-counts": ("vectors.tsv + metadata.tsv 저장 ({n:,}개 단어와 빈도, "
                                   "d={dim}): {folder}"),

    # -- pane 6: evaluate ----------------------------------------------------------------------
    "help.evaluate": """
# 평가: 벡터는 얼마나 좋은가?

- **유추** (Google 형식: `: 구역` 줄 다음에 `a b c d` 문제): 각 문제에 모델은 `b - a + c`로
  답합니다 (3CosAdd, 질의 단어 제외, 가장 흔한 30,000 단어 가운데서, gensim의
  `evaluate_word_analogies`처럼). 표는 구역마다 몇 개를 맞혔는지 보여 줍니다. 어휘 밖의
  단어가 있는 문제는 **건너뛰고** 세기만 하며, 점수에는 넣지 않습니다.
- **단어 쌍** (WordSim-353: 사람이 매긴 `word1 word2 score`): 모델의 코사인 유사도와 사람
  점수 사이의 **스피어만** 순위 상관 (피어슨도), 그리고 어휘 밖(**OOV**) 쌍의 비율.

세트: `google`과 `wordsim353` (영어, text8 같은 큰 말뭉치가 필요), `toy-world` (장난감
세계에 심은 유추: 먼저 `toy-world`로 학습하세요), 또는 아무 파일.
""",
    "bind.evaluate-analogies": "유추 평가",
    "bind.evaluate-analogies.tip": "지금 벡터로 유추 평가 실행",
    "bind.evaluate-pairs": "쌍 평가",
    "bind.evaluate-pairs.tip": "단어 쌍(유사도) 평가 실행",
    "bind.evaluate-both": "둘 다",
    "bind.evaluate-both.tip": "두 평가를 모두 실행",
    "evaluate.analogies": "유추",
    "evaluate.pairs": "단어 쌍",
    "evaluate.path": "경로 (파일일 때)",
    "evaluate.own": "말뭉치 자체의 것",
    "evaluate.file": "파일…",
    "evaluate.analogies.none": "유추: 아직 실행 안 함 (a)",
    "evaluate.pairs.none": "단어 쌍: 아직 실행 안 함 (p)",
    "evaluate.col.section": "구역",
    "evaluate.col.correct": "정답",
    "evaluate.col.total": "전체",
    "evaluate.col.accuracy": "정확도",
    "evaluate.col.skipped": "건너뜀",
    "evaluate.total": "합계",
    "evaluate.source": """[b]평가 대상[/b]: {label}
[dim]a 유추 · p 단어 쌍 · e 둘 다 · Tab: 세트[/dim]""",
    "evaluate.no-vectors": "아직 벡터가 없습니다: 모델을 학습하거나 (3) 거기서 벡터를 불러오세요 (o)",
    "evaluate.running": "{name}로 실행 중…",
    "evaluate.failed.analogy": "유추: 실패",
    "evaluate.failed.pairs": "단어 쌍: 실패",
    "evaluate.undefined": "정의되지 않음",
    "evaluate.pairs.title": "[b]단어 쌍[/b] ({name})",
    "evaluate.pairs.used": "사용한 쌍 {n:,}",
    "evaluate.pairs.skipped": "건너뜀    {n:,} (OOV {oov:.1%})",
    "evaluate.pairs.invalid": "잘못된 줄 {n:,}",
    "evaluate.analogies.invalid": ", 잘못된 줄 {n:,}",
    "evaluate.analogies.result": "[b]유추[/b] ({name}): {correct:,}/{total:,} 정답 ({accuracy:.1%}), {skipped:,} 건너뜀 (모르는 단어){extra}",
    "evaluate.error.path": "평가할 파일의 경로를 입력하세요",
    "evaluate.error.no-own": "말뭉치 {name}에는 자체 유추 파일이 없습니다",

    # -- the app's state (tui/state.py) --------------------------------------------------------
    "state.loaded": "{path}에서 불러옴",
    "state.loaded-file": "파일에서 불러옴",
    "state.trained-on": "{corpus}로 학습",
    "state.epochs": "{n} 에폭",
    "state.stopped": "일찍 멈춤",
    "state.failed": "실패한 학습의 마지막 정상 가중치",
    "state.no-vectors": "아직 벡터 없음: 패널 3에서 학습(Space)하거나 파일을 불러오세요(o)",
    "state.vectors": "벡터",
    "state.not-on": " (지금 열린 말뭉치 {corpus}의 것이 아님)",

    # -- pane 4: step --------------------------------------------------------------------------
    "help.step": """# 한 단계: Word2Vec을 학습 예제 하나씩

강의의 신경망을 손으로 학습합니다. 왼쪽 표는 지금 문장에서 윈도가 만드는 **학습 쌍**입니다:
Skip-gram은 가운데 단어를 문맥 단어 하나하나와 짝짓고, CBOW는 문맥 전체로 가운데 단어를
예측합니다 (문맥 -> 가운데). 윈도는 word2vec의 *동적* 윈도입니다: 가운데 단어마다
word2vec.c는 [0, window)에서 b를 뽑아 window - b를 쓰므로, 가까운 단어가 먼 단어보다 더
자주 짝지어집니다 (어떤 b가 나왔는지 패널이 알려 줍니다).

방금 학습한 쌍(강조)에 대해 오른쪽은 전체 과정을 보여 줍니다:

1. **x**: 입력 단어의 원-핫 벡터 (길이 V, 1은 하나);
2. **h = W_in[단어]**: 원-핫 벡터에 W_in을 곱하면 그 단어의 행이 뽑힙니다 (CBOW: 문맥
   단어 행들의 평균); h는 크기 d의 은닉층입니다;
3. **점수** `W_out · h`와 어휘 전체의 **소프트맥스** (어휘가 크면: 위쪽 단어와 정답).
   음성 샘플링이면: 정답과 k개의 잡음 단어, 각각 라벨 1 또는 0의 **시그모이드** σ(점수);
   계층적 소프트맥스면: 정답의 허프만 경로 위 내부 노드의 시그모이드;
4. **손실** (교차 엔트로피 `-ln p(정답)`; 처음 값은 ln V);
5. **기울기** dL/dh와 **바뀐 행**: `W_in[단어] -= lr · dL/dh`, 그리고 점수를 매긴 W_out 행,
   부호별로 강조.

맨 위 줄은 언제나 입력 단어, 정답, 그 확률과 손실을 보여 줍니다. W_out은 word2vec.c처럼
0에서 시작하므로 첫 예제는 아직 W_in을 움직이지 못합니다 (dL/dh = 0); 패널이 그렇게
알려 줍니다. **e**를 누르면 같은 예제를 다시 학습합니다: 반복할수록 정답의 p가 오릅니다.

**어떤 가중치.** 지금 쓰는 모델(학습 패널)이 지금 열린 말뭉치로 학습된 것이면, 한 단계는 그
사본으로 진행합니다. 아니면 말뭉치에 새 가중치로 시작하고 (d = 10, 윈도 2, 예제 하나로도 p가
눈에 띄게 움직이도록 W_in을 word2vec.c의 1/d보다 넓게 뽑고, 학습률은 0.25 이상으로 고정),
지금 쓰는 모델이 어느 말뭉치에서 왔는지 알려 줍니다.

**Skip-gram의 방향.** 강의는 가운데 -> 문맥으로 그립니다; word2vec.c는 반대로 돕니다: 문맥
단어의 W_in 행이 입력이고 가운데 단어가 정답입니다. 말뭉치 전체로 보면 둘 다 같은 (가운데,
문맥) 쌍을 학습합니다. 쌍 표의 머리글과 숫자 위의 줄이 화면의 예제에서 엔진이 어느 쪽으로
갔는지 알려 줍니다.

**음성 샘플링.** k개의 잡음 단어는 unigram^0.75에서 뽑습니다; 정답과 같은 단어가 뽑히면
건너뜁니다 (word2vec.c: `if (target == word) continue;`). 그래서 한 행에 k개보다 적게 보일
수 있고, 두 번 뽑힌 단어는 두 번 나옵니다 (그 W_out 행은 두 번 갱신됩니다).
""",
    "bind.step.next": "다음",
    "bind.step.next.tip": "다음 예제를 학습하고 모든 수를 보여 주기",
    "bind.step.again": "다시",
    "bind.step.again.tip": "같은 예제를 다시 학습: 정답의 p가 오르는 것을 보기",
    "bind.step.next_sentence": "문장",
    "bind.step.next_sentence.tip": "다음 문장으로 건너뛰어 첫 예제를 학습",
    "bind.step.autoplay": "자동",
    "bind.step.autoplay.tip": "자동 진행 시작/멈춤 (몇 초마다 예제 하나; f/s: 빠르게/느리게)",
    "bind.step.faster": "빠르게",
    "bind.step.faster.tip": "자동 진행을 빠르게",
    "bind.step.slower": "느리게",
    "bind.step.slower.tip": "자동 진행을 느리게",
    "bind.step.arch": "sg/cbow",
    "bind.step.arch.tip": "구조 바꾸기: Skip-gram <-> CBOW (단계 세션을 다시 시작)",
    "bind.step.loss": "손실",
    "bind.step.loss.tip": "출력층 바꾸기: 소프트맥스 -> 음성 샘플링 -> 계층적 소프트맥스 (단계 세션을 다시 시작)",
    "bind.step.reset": "처음",
    "bind.step.reset.tip": "첫 문장부터 단계 세션을 다시 시작",
    "bind.step.scroll_down": "스크롤",
    "bind.step.scroll_down.tip": "숫자 열을 아래로 스크롤",
    "bind.step.scroll_up": "위로",
    "bind.step.scroll_up.tip": "숫자 열을 위로 스크롤",
    "bind.step.page_down": "다음 쪽",
    "bind.step.page_down.tip": "숫자 열을 한 쪽 아래로",
    "bind.step.page_up": "이전 쪽",
    "bind.step.page_up.tip": "숫자 열을 한 쪽 위로",
    "bind.step.top": "맨 위",
    "bind.step.top.tip": "숫자 열의 맨 위로",
    "bind.step.bottom": "맨 아래",
    "bind.step.bottom.tip": "숫자 열의 맨 아래로",
    "step.loss-name.softmax": "소프트맥스",
    "step.loss-name.neg": "음성 샘플링",
    "step.loss-name.hs": "계층적 소프트맥스",
    "step.model-arrived": "이 말뭉치로 학습한 모델이 왔습니다: 그 가중치(사본)로 이어갑니다…",
    "step.weights.copy": "지금 모델의 사본",
    "step.weights.fresh-model": "새 가중치 (지금 모델은 {corpus}로 학습)",
    "step.weights.fresh-loaded": "새 가중치 (지금 벡터는 파일에서 불러옴)",
    "step.weights.fresh": "새 가중치",
    "step.no-corpus": "말뭉치 없음: 말뭉치 패널(1)에서 여세요",
    "step.preparing": "단계 세션 준비 중…",
    "step.queued": "단계 세션 준비 중… ({n}단계 대기)",
    "step.not-ready": "단계 세션이 준비되지 않았습니다 (위 참고; r로 다시 만듭니다)",
    "step.nothing-to-repeat": "아직 다시 할 예제가 없습니다: n으로 하나 학습하세요",
    "step.auto": "자동 {s}초",
    "step.sentence": "문장: ",
    "step.first": "n: 첫 예제 학습",
    "step.where": "에폭 {epoch} · 예제 {example} · 학습률 {lr}",
    "step.none-yet": "아직 학습한 예제 없음: n을 누르세요",
    "step.nodes": "경로 위 노드 {n}개",
    "step.loss": "손실",
    "step.pass": "{n}번째",
    "step.every": "W_out = 0: 모두 {every}",
    "step.centre": "가운데",
    "step.context": "문맥",
    "step.earlier": "… 앞에 {n}개",
    "step.more": "… 뒤에 {n}개",
    "step.one-at": "V = {V} 가운데 id {i}만 1",
    "step.mean": "평균",
    "step.sum": "합",
    "step.h-of": "h = W_in[{words}]의 {how}  (d = {d})",
    "step.why.sg-c": "word2vec.c의 Skip-gram: 문맥이 입력, 가운데가 출력.",
    "step.why.sg-lecture": "Skip-gram: 가운데 단어가 입력, 문맥 단어가 출력.",
    "step.what.sg.one": "쌍 {n}개",
    "step.what.sg.many": "쌍 {n}개",
    "step.what.cbow.one": "문맥 단어 {n}개",
    "step.what.cbow.many": "문맥 단어 {n}개",
    "step.why.window-b": "윈도 {window}, '{centre}'의 b = {b}: window − b = {effective}, {what}.",
    "step.why.window-0": "윈도 {window}, '{centre}'의 b = 0: {what}.",
    "step.why.window-end": "윈도 {window}: '{centre}'에 {what} (윈도 안에서 문장이 끝남).",
    "step.why.skipped.one": "k = {k}: {n}번은 '{word}' 자신이 뽑혀, word2vec.c처럼 건너뜀.",
    "step.why.skipped.many": "k = {k}: {n}번은 '{word}' 자신이 뽑혀, word2vec.c처럼 건너뜀.",
    "step.why.twice": "두 번 뽑힘: {words} (그 행은 두 번 갱신됩니다).",
    "step.why.zero": "W_out은 word2vec.c처럼 아직 모두 0입니다: 점수가 모두 0이라 dL/dh = 0, 이 예제에서는 W_in이 움직이지 않습니다.",
    "step.why.h-initial": "h = 처음 뽑은 그대로의 W_in[{word}]: 아직 어떤 예제도 움직이지 않음.",
    "step.why.rows-initial": "W_in[{words}]: 처음 뽑은 그대로, 아직 어떤 예제도 움직이지 않음.",
    "step.softmax-title": "softmax(W_out·h), V = {V}",
    "step.top": ": 상위 {k}개 + 정답, 어휘 순서",
    "step.col.word": "단어",
    "step.col.score": "점수",
    "step.col.node": "노드",
    "step.col.label": "라벨",
    "step.drew-target": " (k = {k}: {n}번 정답이 뽑힘)",
    "step.noise-title": "정답 + 잡음 단어 {n}개{note}: σ(W_out[w]·h)",
    "step.huffman-title": "'{word}'의 허프만 경로: σ(W_out[node]·h)",
    "step.loss-hs": "L = 경로 위 -Σ ln σ(±s_node) = ",
    "step.node": "노드 {i}",
    "step.each-of": "ΔW_in: 각각 {rows}",
    "step.changes": "h, dL/dh와 변화량 Δ = -lr·grad",
    "step.plus-more": " 외 {n}개",
    "step.rows-changed": "바뀐 행: ",
    "step.none-zero": "W_in[없음: dL/dh = W_outᵀ·error = 0, W_out은 word2vec.c처럼 아직 모두 0]",
    "step.none-grad": "W_in[없음: dL/dh = 0]",
    "step.every-row": "(소프트맥스는 W_out의 모든 행을 움직입니다)",

    # -- pane 7: LSTM --------------------------------------------------------------------------
    "help.lstm": """# LSTM: 게이트를 한 단계씩

강의의 장단기 메모리(LSTM, 3절)를 고른 문장으로. 각 시점 t에서 셀은 x_t(단어의 임베딩)와
h_t-1을 읽고 다음을 계산합니다

- 망각 게이트 `f_t = σ(W_f·[h_t-1, x_t] + b_f)`: C_t-1을 얼마나 남길지 (0 잊기, 1 남기기)
- 입력 게이트 `i_t = σ(W_i·[h_t-1, x_t] + b_i)`와 후보 `C~_t = tanh(W_C·[h_t-1, x_t] + b_C)`
- 셀 상태 `C_t = f_t·C_t-1 + i_t·C~_t` (장기 기억)
- 출력 게이트 `o_t = σ(W_o·[h_t-1, x_t] + b_o)`와 `h_t = o_t·tanh(C_t)` (단기 기억)

표는 은닉 유닛마다 한 행(처음 8개), 옆 칸은 고른 유닛의 수를 채운 식입니다. 순환신경망
(RNN, `c`)의 식은 하나, `h_t = tanh(W_xh x_t + W_hh h_t-1 + b_h)`입니다. 어휘에 없는
단어는 `<unk>`가 됩니다.

**강의 표** (`k`): 모두 잊기, 모두 기억하기, 입력 게이트의 예; ↑ ↓ PgUp PgDn Home End로
스크롤합니다.
**기울기 흐름** (`d`): t = 0..T의 ‖dL/dh_t‖를 자동 미분으로: 1보다 작은 인수의 곱인
순환신경망의 기울기는 사라지고 (기울기 소실, 장기 의존성 문제), LSTM의 셀 상태는 그것을
지킵니다 (로그 눈금).
**언어 모델** (`m`): 임베딩 -> RNN/LSTM -> 소프트맥스, 지금 말뭉치로 학습; `t` 시작, `x`
중지. 퍼플렉서티를 유니그램 모델(기준선: 문맥을 무시하는 모델)의 것과 나란히 보여 줍니다;
학습된 가중치는 게이트 표에도 쓰입니다 (`w`). 다른 말뭉치로 학습한 모델은 그 말뭉치 이름을
달고 남습니다.

""",
    "bind.lstm.back": "t-1",
    "bind.lstm.back.tip": "시간을 한 칸 뒤로: t-1의 게이트",
    "bind.lstm.forward": "t+1",
    "bind.lstm.forward.tip": "시간을 한 칸 앞으로: t+1의 게이트",
    "bind.lstm.unit_up": "유닛-/스크롤",
    "bind.lstm.unit_up.tip": "이전 은닉 유닛 고르기 (게이트); 위로 스크롤 (강의 표)",
    "bind.lstm.unit_down": "유닛+/스크롤",
    "bind.lstm.unit_down.tip": "다음 은닉 유닛 고르기 (게이트); 아래로 스크롤 (강의 표)",
    "bind.lstm.page_up": "이전 쪽",
    "bind.lstm.page_up.tip": "강의 표를 한 쪽 위로 (게이트 표에서는 첫 유닛)",
    "bind.lstm.page_down": "다음 쪽",
    "bind.lstm.page_down.tip": "강의 표를 한 쪽 아래로 (게이트 표에서는 마지막 유닛)",
    "bind.lstm.home": "맨 위",
    "bind.lstm.home.tip": "강의 표의 맨 위로",
    "bind.lstm.end": "맨 아래",
    "bind.lstm.end.tip": "강의 표의 맨 아래로",
    "bind.lstm.cell": "RNN/LSTM",
    "bind.lstm.cell.tip": "셀을 순환신경망(RNN)과 장단기 메모리(LSTM) 사이에서 바꾸기",
    "bind.lstm.weights": "가중치",
    "bind.lstm.weights.tip": "새로 초기화한 가중치 또는 학습한 (언어 모델) 가중치 쓰기",
    "bind.lstm.edit": "문장",
    "bind.lstm.edit.tip": "셀에 넣을 문장 입력",
    "bind.lstm.corpus_sentence": "말뭉치",
    "bind.lstm.corpus_sentence.tip": "지금 말뭉치의 다음 문장 가져오기",
    "bind.lstm.view_gates": "게이트",
    "bind.lstm.view_gates.tip": "게이트 표와 수를 채운 식 보기",
    "bind.lstm.view_lecture": "강의표",
    "bind.lstm.view_lecture.tip": "강의의 망각/입력 게이트 표 보기",
    "bind.lstm.view_flow": "기울기",
    "bind.lstm.view_flow.tip": "RNN 대 LSTM의 기울기 흐름 ||dL/dh_t|| 보기 (로그 눈금)",
    "bind.lstm.view_lm": "언어모델",
    "bind.lstm.view_lm.tip": "언어 모델 보기: 학습과 다음 단어 예측",
    "bind.lstm.train": "학습",
    "bind.lstm.train.tip": "지금 말뭉치로 언어 모델 학습 (백그라운드)",
    "bind.lstm.stop": "중지",
    "bind.lstm.stop.tip": "언어 모델 학습 멈추기 (마지막 정상 가중치 유지)",
    "lstm.sentence": "문장 ",
    "lstm.sentence.placeholder": "문장을 입력하고 Enter로 실행",
    "lstm.hidden.tip": "은닉 크기 (유닛 수, 1-1024); Enter로 적용",
    "lstm.not-trained": "학습 전: t를 누르면 지금 말뭉치로 학습합니다",
    "lstm.kept": "언어 모델 유지: ",
    "lstm.earlier": "앞서 학습",
    "lstm.kept.not-on": " ({corpus}의 것이 아님); t로 {corpus}에 새로 학습",
    "lstm.unknown": "어휘에 없어 {unk}로 읽음: {words}",
    "lstm.no-sentence": "{kind} · 문장 없음 (e로 입력)",
    "lstm.trained": "학습됨",
    "lstm.fresh": "새 가중치",
    "lstm.predict.no-sentence": "다음 단어 예측: 문장 없음 (e로 입력)",
    "lstm.predict.training": "다음 단어 예측: {kind} 학습이 끝나면 (x로 일찍 멈춰도 배운 것은 남습니다)",
    "lstm.predict.train": "다음 단어 예측: {kind} 언어 모델을 학습하세요 (t)",
    "lstm.predict.after": "{prefix} 다음 단어:",
    "lstm.predict.other": "(언어 모델 {label}, {corpus}의 것이 아님)",
    "lstm.no-corpus": "말뭉치 없음: 먼저 말뭉치 패널에서 고르세요",
    "lstm.already": "{kind} 언어 모델을 이미 학습 중입니다 (x로 멈춤)",
    "lstm.the-corpus": "말뭉치",
    "lstm.starting": "{corpus}로 {kind} 언어 모델 학습: 어휘를 만드는 중 (처음에는 torch도 불러옵니다)… x 중지",
    "lstm.nothing-training": "학습 중인 것이 없습니다 (t로 시작)",
    "lstm.stopping": "멈추는 중…",
    "lstm.started": """H={hidden} emb={emb}, 토큰 {tokens:,}, V={V:,}, {epochs} 에폭{base}
첫 배치… x 중지""",
    "lstm.started.unigram": "; 유니그램 퍼플렉서티 {ppl:.1f}",
    "lstm.stopped-early": "첫 갱신 전에 학습이 멈췄습니다",
    "lstm.end.failed": "오류로 멈춤, 마지막 정상 가중치 유지",
    "lstm.end.stopped": "멈춤",
    "lstm.end.finished": "완료",
    "lstm.end.held-out": "검증 퍼플렉서티 {ppl:.1f}",
    "lstm.end.unigram": "유니그램 {ppl:.1f}",
    "lstm.end.fits": "게이트 표: 학습된 가중치 (w: 새 가중치)",
    "lstm.end.not-on": "{corpus}의 것이 아님 (w로 보기)",
    "lstm.no-steps": "진행할 문장이 없습니다: e를 누르고 입력하세요",
    "lstm.no-trained.fresh": "아직 학습된 {kind} 없음: 새 가중치를 보여 줍니다 (t로 학습)",
    "lstm.no-trained": "아직 학습된 {kind} 없음: t로 언어 모델을 학습하세요",
    "lstm.trained-other": "학습된 가중치: 언어 모델 {label} ({corpus}의 것이 아님); 본 적 없는 단어는 {unk}",
    "lstm.no-sentences": "말뭉치에 문장이 없습니다",
    "lstm.hidden.int": "은닉 크기는 정수여야 합니다 (입력: {got})",
    "lstm.lm.where": "에폭 {epoch}/{epochs} · {fraction:.0%} · {rate:,.0f} 토큰/초 · x 중지",
    "lstm.lm.loss": "손실 {loss:.3f}",
    "lstm.lm.ppl": "퍼플렉서티 {ppl:.1f}",
    "lstm.lm.held-out": "검증 {ppl:.1f}",
    "lstm.lm.unigram": "유니그램 {ppl:.1f}",
    "lstm.lm.loss-label": "손실",
    "lstm.lm.ppl-label": "퍼플렉서티",
    "lstm.lm.loss-line": "손실 (교차 엔트로피) {loss:.3f}   눈금 0 .. {top:.2f}",
    "lstm.lm.ppl-line": "퍼플렉서티 exp(손실) {ppl:.1f}{base}   눈금 0 .. {top:.1f}",
    "lstm.gates.unit": "유닛 {unit}",
    "lstm.gates.units": "유닛 0-{last} 표시 (전체 {H})",
    "lstm.gates.legend.lstm": "색: 게이트 f_t i_t o_t는 1 근처 (열림) / 0 근처 (닫힘); C~_t C_t h_t는 부호.",
    "lstm.gates.legend.rnn": "색: 부호; tanh 때문에 |h_t| <= 1.",
    "lstm.gates.legend.x": "x_t = 단어의 임베딩 (수 {n}개). ↑↓ 유닛, ←→ t",
    "lstm.flow.computing": "기울기 흐름: 계산 중… (처음에는 torch를 불러옵니다)",
    "lstm.flow.settings": "T={T} H={H}, RNN W_hh x{scale}, LSTM 망각 편향 +{bias}, 로그 눈금",
    "lstm.flow.slope": "한 단계 거슬러 갈 때 ln‖dL/dh‖의 기울기: ",
    "lstm.flow.xlabel": "t (손실은 t = T에)",
    "lstm.lecture.hint": "↑↓ PgUp PgDn Home End로 표 스크롤",

    # -- pane 7: the lecture's gate tables (English as engine/presets.py says it) --------------
    "lstm.preset.forget-all.note": "f_t = 0이면 C_{t-1}을 모두 잊고, 쓰는 것도 없어 (i_t = 0) C_t = 0",
    "lstm.preset.remember-all.note": "f_t = 1이면 C_{t-1}을 모두 남기고, 쓰는 것은 없어 (i_t = 0) C_t = C_{t-1}",
    "lstm.preset.input.note": "i_t가 후보 C~_t의 크기를 정합니다; f_t = 1이면 C_t = C_{t-1} + i_t * C~_t",

    # -- pane 1: the built-in corpora (English as corpora/registry.py says it) -----------------
    "corpus.about.lecture": "강의의 예문: i love cute cat, we watch movie, you draw picture, cat chase dog",
    "corpus.about.lecture-ko": "강의의 예문 (한국어): 나는 귀여운 고양이를 좋아한다, 나는 머신러닝이 좋다",
    "corpus.about.toy-world": "성별, 수도, 복수형, 시제 관계를 심어 만든 세계 + 유추 파일",
    "corpus.about.text8": "영어 위키백과의 처음 100 MB, 정리본 (Matt Mahoney); `wordlab corpora fetch text8`",
}
