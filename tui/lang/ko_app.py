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
}
