"""corpora: registry, built-ins, the tokenizer, text files (encodings, errors, streaming)."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from corpora import Corpus, CorpusInfo, list_corpora, open_corpus, tokenize
from corpora.reader import BLOCK, LONG_LINE, LONG_LINE_CHUNK
from engine.errors import CorpusError, WordlabError

ROOT = Path(__file__).resolve().parents[1]
WIKI = Path("/work/shared/corpora/wiki-bench.txt")


@pytest.fixture(autouse=True)
def _no_user_data(tmp_path, monkeypatch):
    # text8's cache must never be the real user's folder in tests
    monkeypatch.setenv("WORDLAB_DATA_DIR", str(tmp_path / "data"))


def vocab(corpus) -> set[str]:
    return {w for s in corpus for w in s}


# --- registry -------------------------------------------------------------------------------

def test_list_corpora_names_and_availability():
    infos = list_corpora()
    assert all(isinstance(i, CorpusInfo) for i in infos)
    by_name = {i.name: i for i in infos}
    assert {"lecture", "lecture-ko", "toy-world", "text8"} <= set(by_name)
    assert by_name["lecture"].available and by_name["toy-world"].available
    assert not by_name["text8"].available
    assert "not downloaded" in by_name["text8"].size
    assert all(i.description and i.size for i in infos)


def test_text8_listed_available_once_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("WORDLAB_DATA_DIR", str(tmp_path))
    (tmp_path / "text8").write_text("anarchism originated as a term of abuse " * 300)
    info = {i.name: i for i in list_corpora()}["text8"]
    assert info.available and "not downloaded" not in info.size
    corpus = open_corpus("text8")
    sentences = list(corpus)
    assert [len(s) for s in sentences] == [1000, 1000, 100]  # 7 x 300 words; text8 streams in 1000-token chunks
    assert sentences[0][:3] == ["anarchism", "originated", "as"]


def test_text8_not_downloaded_names_the_way_out():
    with pytest.raises(CorpusError, match=r"fetch text8.*--corpus PATH"):
        open_corpus("text8")


def test_unknown_name_and_missing_path():
    with pytest.raises(CorpusError, match="unknown corpus 'shakespeare'"):
        open_corpus("shakespeare")
    with pytest.raises(CorpusError, match="no such file or folder: .*nothere.txt"):
        open_corpus("/definitely/nothere.txt")


def test_unknown_option_is_a_clear_error():
    with pytest.raises(CorpusError, match="does not take the option 'size'"):
        open_corpus("lecture", size=10)
    with pytest.raises(CorpusError, match="chunk must be a positive"):
        open_corpus("lecture", chunk=0)
    # a front end may always pass its run seed; fixed texts ignore it, None means "not given"
    assert len(list(open_corpus("lecture", seed=3, chunk=None))) == 20


def test_import_is_light():
    code = "import sys, corpora; print(' '.join(sorted(sys.modules)))"
    mods = set(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.split())
    assert not {"torch", "numpy", "textual", "rich", "urllib.request"} & mods


# --- built-ins ------------------------------------------------------------------------------

def test_lecture_corpus():
    corpus = open_corpus("lecture")
    assert isinstance(corpus, Corpus) and corpus.name == "lecture"
    sentences = list(corpus)
    assert sentences[:4] == [["i", "love", "cute", "cat"], ["we", "watch", "movie"],
                             ["you", "draw", "picture"], ["cat", "chase", "dog"]]
    assert ["i", "love", "cat"] in sentences  # the lecture's CBOW / skip-gram example
    assert 4 <= len(vocab(corpus)) <= 30
    assert corpus.analogies is None and corpus.replaced_bytes == 0
    assert list(corpus) == sentences  # re-iterable: each iter() starts from the beginning


def test_lecture_ko_corpus_keeps_hangul():
    corpus = open_corpus("lecture-ko")
    words = vocab(corpus)
    assert 4 <= len(words) <= 30
    assert ["나는", "머신러닝이", "좋다"] in list(corpus)
    assert all(any("\uac00" <= ch <= "\ud7a3" for ch in w) for w in words)


# --- tokenizer ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, tokens", [
    ("Hello, world!", ["hello", "world"]),
    ("나는 머신러닝이 좋다.", ["나는", "머신러닝이", "좋다"]),
    ("Café NAÏVE Ёлка", ["café", "naïve", "ёлка"]),
    ("cafe\u0301", ["cafe\u0301"]),                 # a combining accent stays in its word
    ("हिन्दी भाषा", ["हिन्दी", "भाषा"]),              # vowel signs (marks) stay in their word
    ("snake_case x--y 3.14", ["snake", "case", "x", "y", "3", "14"]),
    ("  \t\n", []),
])
def test_tokenize(text, tokens):
    assert tokenize(text) == tokens


def test_tokenize_options():
    assert tokenize("Hello, World!", lowercase=False) == ["Hello", "World"]
    assert tokenize("Hello, World!", strip_punct=False) == ["hello,", "world!"]
    corpus_lines = list(open_corpus("lecture", lowercase=False, strip_punct=False))
    assert corpus_lines[0] == ["i", "love", "cute", "cat"]


# --- files ----------------------------------------------------------------------------------

def test_utf8_file_and_nfc(tmp_path):
    p = tmp_path / "u.txt"
    p.write_text("\ufeffThe café, the cafe\u0301!\n\n나는 좋다\n", encoding="utf-8")
    corpus = open_corpus(p)
    assert list(corpus) == [["the", "café", "the", "café"], ["나는", "좋다"]]
    assert corpus.replaced_bytes == 0 and corpus.notes == []
    assert corpus.name == "u.txt"


def test_latin1_file_is_read_with_a_count_of_replaced_bytes(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Le café est près de l'école.\nÇa va très bien.\n".encode("latin-1"))
    corpus = open_corpus(p)
    sentences = list(corpus)
    assert sentences == [["le", "café", "est", "près", "de", "l", "école"], ["ça", "va", "très", "bien"]]
    assert corpus.replaced_bytes == 5
    assert corpus.notes == ["latin1.txt: not valid UTF-8; 5 bytes replaced (read as Windows-1252)"]
    assert list(corpus) == sentences and corpus.replaced_bytes == 5  # same again, not doubled


def test_invalid_bytes_across_block_boundaries(tmp_path):
    # valid multi-byte UTF-8 split by a block boundary must not count as replaced
    p = tmp_path / "edge.txt"
    text = "a" * (BLOCK - 1) + " 한국어 é " + "b"
    p.write_bytes(text.encode("utf-8") + b" caf\xe9\n")
    corpus = open_corpus(p)
    assert list(corpus)[0][1:] == ["한국어", "é", "b", "café"]
    assert corpus.replaced_bytes == 1


def test_forced_encoding(tmp_path):
    p = tmp_path / "cp.txt"
    p.write_bytes("привет мир".encode("cp1251"))
    assert list(open_corpus(p, encoding="cp1251")) == [["привет", "мир"]]
    with pytest.raises(CorpusError, match="unknown text encoding"):
        open_corpus(p, encoding="klingon-8")


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_text("Hello wide 세계\n", encoding="utf-16")
    assert list(open_corpus(p)) == [["hello", "wide", "세계"]]


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(CorpusError, match="empty.txt is empty"):
        open_corpus(p)


def test_file_with_no_words(tmp_path):
    p = tmp_path / "punct.txt"
    p.write_text("... !!! ???\n---\n")
    with pytest.raises(CorpusError, match="no words"):
        open_corpus(p)


def test_large_file_with_no_words_fails_while_streaming(tmp_path):
    p = tmp_path / "dots.txt"
    p.write_text(". " * 100_000)
    corpus = open_corpus(p)  # too big to check at open
    with pytest.raises(CorpusError, match="no words"):
        list(corpus)


def test_binary_file(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(CorpusError, match=r"looks like an image \(PNG\), not text"):
        open_corpus(p)


@pytest.mark.parametrize("head, what", [
    (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56, "an executable (ELF)"),
    (b"MZ\x90\x00\x03\x00\x00\x00", "a Windows executable"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "a ZIP archive"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "a gzip file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", "a PDF document"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "an image (JPEG)"),
    (b"GIF89a\x01\x00\x01\x00\x00\x00", "an image (GIF)"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "an image (WebP)"),
    (b"SQLite format 3\x00\x10\x00", "an SQLite database"),
    (b"3 2\n" + b"cat " + b"\x00\x00\x80?\x00\x00\x00\x00\n", "a binary word2vec vectors file"),
    (b"hello\x00\x00\x00world\x00", "binary data (NUL bytes)"),
    (b"\x01\x02\x03\x04\x05\x06abc" * 20, "binary data (control characters)"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_binary_file_says_what_it_looks_like(tmp_path, head, what):
    """Never the raw bytes ('\\x7fELF\\x02...'): what the file looks like, in words."""
    p = tmp_path / "mystery.txt"
    p.write_bytes(head + bytes(range(1, 256)) * 2)
    with pytest.raises(CorpusError) as err:
        open_corpus(p)
    message = str(err.value)
    assert f"looks like {what}" in message and message.endswith("not text")
    assert "\\x" not in message and "\x00" not in message


def test_binary_file_with_a_forced_encoding(tmp_path):
    p = tmp_path / "data.bin"
    p.write_bytes(b"text\x00\x00\x01\x02 more")
    with pytest.raises(CorpusError, match=r"looks like binary data \(NUL bytes\)"):
        open_corpus(p, encoding="latin-1")


def test_mostly_undecodable_file_is_binary(tmp_path):
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(b for b in range(1, 256) if b not in b"\t\n\r\f\v ") * 50)
    with pytest.raises(CorpusError, match=r"looks like binary data \(control characters\)"):
        open_corpus(p)


def test_errors_are_one_line_wordlab_errors(tmp_path):
    p = tmp_path / "e.txt"
    p.write_bytes(b"")
    with pytest.raises(WordlabError) as info:
        open_corpus(p)
    assert "\n" not in str(info.value)


# --- folders --------------------------------------------------------------------------------

def test_folder_is_recursive_sorted_and_only_text(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("second file\n")
    (tmp_path / "a.txt").write_text("first file\n")
    (tmp_path / "c.TXT").write_text("third file\n")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / ".hidden.txt").write_text("hidden\n")
    (tmp_path / "empty.txt").write_text("")
    corpus = open_corpus(tmp_path)
    assert list(corpus) == [["first", "file"], ["second", "file"], ["third", "file"]]
    assert "1 empty skipped" in corpus.description


def test_folder_without_text_files(tmp_path):
    (tmp_path / "x.png").write_bytes(b"\x89PNG")
    with pytest.raises(CorpusError, match="folder with no .txt files"):
        open_corpus(tmp_path)


def test_folder_of_empty_files(tmp_path):
    (tmp_path / "a.txt").write_text("")
    with pytest.raises(CorpusError, match="empty"):
        open_corpus(tmp_path)


# --- sentences: lines, long lines, chunks ---------------------------------------------------

def test_long_line_streams_in_chunks(tmp_path):
    p = tmp_path / "long.txt"
    n = LONG_LINE + 2_500
    p.write_text("short one\n" + " ".join(f"w{i % 97}" for i in range(n)) + "\nlast line")
    lengths = [len(s) for s in open_corpus(p)]
    assert lengths[0] == 2 and lengths[-1] == 2
    assert all(n_ == LONG_LINE_CHUNK for n_ in lengths[1:-2]) and sum(lengths[1:-1]) == n


def test_line_at_the_limit_stays_one_sentence(tmp_path):
    p = tmp_path / "limit.txt"
    p.write_text(" ".join(["word"] * LONG_LINE) + "\n")
    assert [len(s) for s in open_corpus(p)] == [LONG_LINE]


def test_chunk_option_ignores_newlines(tmp_path):
    p = tmp_path / "c.txt"
    p.write_text("a b c\nd e\nf g h i\n")
    assert list(open_corpus(p, chunk=4)) == [["a", "b", "c", "d"], ["e", "f", "g", "h"], ["i"]]


def test_words_split_by_block_boundaries_are_whole(tmp_path):
    p = tmp_path / "blocks.txt"
    words = [f"token{i}" for i in range(3 * BLOCK // 7)]
    p.write_text(" ".join(words))  # one line without newline, across several blocks
    got = [w for s in open_corpus(p) for w in s]
    assert got == words


def test_streaming_memory_stays_far_below_file_size(tmp_path):
    # one ~32 MB line without a newline: text8's shape, 4x a test file of 8 MB would not show much
    p = tmp_path / "big.txt"
    words = [f"streamingmemorytestword{i:03d}" for i in range(500)]  # long words: fewer tokens to trace
    line = " ".join(words) + " "
    with open(p, "w") as f:
        for _ in range(32_000_000 // len(line)):
            f.write(line)
    size = p.stat().st_size
    corpus = open_corpus(p)
    tracemalloc.start()
    try:
        tokens = 0
        for sentence in corpus:
            tokens += len(sentence)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert tokens == size // len(line) * 500
    assert peak < size / 8, f"peak {peak / 1e6:.1f} MB while streaming a {size / 1e6:.0f} MB file"


@pytest.mark.skipif(not WIKI.is_file(), reason="needs /work/shared/corpora/wiki-bench.txt")
def test_wiki_bench_matches_its_readme():
    corpus = open_corpus(WIKI)
    tokens = sum(len(s) for s in corpus)
    assert tokens == 686_478  # same as line.split(): it is already normalised like text8
    assert corpus.token_estimate == tokens


# --- property: block-wise streaming gives what reading the whole text at once gives -------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import corpora.reader as reader  # noqa: E402

_PIECES = st.sampled_from(["cat", "Café", "cafe\u0301", "나는", "좋다", "ёлка", "हिन्दी", "3.14",
                           " ", " ", "  ", "\n", "\r\n", "\t", ",", "!", "é", "\u0301", "_"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_PIECES, max_size=60), block=st.integers(1, 40))
def test_streaming_equals_whole_text(pieces, block):
    import tempfile
    import unicodedata

    text = "".join(pieces)
    expected = [t for line in unicodedata.normalize("NFC", text).split("\n") if (t := tokenize(line))]
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "p.txt"
        p.write_bytes(text.encode("utf-8"))
        old = reader.BLOCK
        reader.BLOCK = block  # tiny blocks: boundaries inside words, inside UTF-8 sequences
        try:
            report = reader.FileReport(p)
            got = list(reader.iter_sentences(p, tokenize, report))
            chunks = list(reader.iter_sentences(p, tokenize, reader.FileReport(p), chunk=3))
        finally:
            reader.BLOCK = old
    assert got == expected
    assert report.replaced_bytes == 0 and report.tokens == sum(map(len, expected))
    flat = [w for s in expected for w in s]
    assert chunks == [flat[i:i + 3] for i in range(0, len(flat), 3)]


def test_legacy_non_latin_encoding_asks_for_its_name(tmp_path):
    p = tmp_path / "ru.txt"
    p.write_bytes(("Москва — столица России. " * 20).encode("cp1251"))
    with pytest.raises(CorpusError, match=r"mostly not UTF-8.*--encoding"):
        open_corpus(p)
    assert ["москва", "столица", "россии"] == list(open_corpus(p, encoding="cp1251"))[0][:3]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("aZ09 \t\n\r\x0b\x0c_-.,'é나\u0301"), max_size=40),
       lowercase=st.booleans())
def test_plain_text_fast_path_equals_the_regex(text, lowercase):
    from corpora.tokenize import _word_regex

    reference = _word_regex().findall(text.lower() if lowercase else text)
    assert tokenize(text, lowercase=lowercase) == reference


def test_tokenizer_mark_scan_covers_every_combining_mark_of_this_python():
    """The tokenizer scans only the planes that hold combining marks; check that holds."""
    import sys
    import unicodedata

    outside = [cp for cp in range(0x20000, sys.maxunicode + 1)
               if not 0xE0000 <= cp < 0xE1000 and unicodedata.category(chr(cp))[0] == "M"]
    assert outside == []
