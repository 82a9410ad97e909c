"""toy-world: a generated corpus with planted relations, and its own analogy file.

Why Skip-gram can learn it in seconds: every target word's contexts are the *product of its
attributes*.  In the gender family, ``queen`` appears with the contexts of its pair
(``crown``, ``throne``, shared with ``king``) and with the contexts of its gender
(``she``, ``her``, shared with every female word).  Skip-gram then gives
``v(queen) ~ v(pair: crown/throne) + v(female)``, so ``queen - king + man`` lands on
``woman``.  The other families work the same way:

* country-capital: the pair context is the nationality (``france``/``paris`` both meet
  ``french``); countries meet nation words (``border``, ``flag``), capitals city words;
* singular-plural: the pair context is the noun's own world (``cat``/``cats``: ``mouse``,
  ``whiskers``); number words (``a``, ``one`` vs ``two``, ``many``) carry the number;
* verb tense: the pair context is the verb's object (``eat``/``ate``: ``bread``, ``soup``);
  time words (``today``, ``will`` vs ``yesterday``, ``ago``) carry the tense.

Sentences are short templates, so with a window of 5 every word of a sentence is a context.
Target words are visited round-robin (shuffled per round), so a corpus of ``size`` sentences
holds each of the 140 target words ``size / 140`` times, give or take one: enough for min_count 5
as soon as ``size >= 700``.  The corpus is a pure function of ``(seed, size)``.

The analogy file (Google format) lists, for each family, every ordered pair of pairs:
``a b c d`` means a : b :: c : d.  It is shipped as ``data/toy-world-analogies.txt`` and
equals :func:`analogy_lines` (a test checks it).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from engine.errors import CorpusError

from .corpus import Corpus

__all__ = [
    "DEFAULT_SIZE",
    "DEFAULT_SEED",
    "ANALOGIES_PATH",
    "FAMILIES",
    "ToyWorld",
    "analogy_lines",
    "write_analogies",
    "target_words",
]

DEFAULT_SIZE = 16_000  # ~84k tokens: wordlab trains it to 100% in < 1 min on 2 busy cores
DEFAULT_SEED = 1
MIN_SIZE = 1
MAX_SIZE = 50_000_000
ANALOGIES_PATH = Path(__file__).resolve().parent / "data" / "toy-world-analogies.txt"

# ---------------------------------------------------------------------------------------
# The world.  Each family: the two attribute sides, and its pairs with their shared contexts.
# ---------------------------------------------------------------------------------------

GENDER_PAIRS: list[tuple[str, str, tuple[str, str]]] = [
    ("king", "queen", ("crown", "throne")),
    ("prince", "princess", ("castle", "heir")),
    ("emperor", "empress", ("empire", "palace")),
    ("duke", "duchess", ("estate", "manor")),
    ("man", "woman", ("street", "job")),
    ("boy", "girl", ("school", "toy")),
    ("father", "mother", ("parent", "baby")),
    ("son", "daughter", ("family", "grown")),
    ("brother", "sister", ("sibling", "twin")),
    ("husband", "wife", ("marriage", "wedding")),
    ("uncle", "aunt", ("cousin", "holiday")),
    ("nephew", "niece", ("birthday", "gift")),
    ("grandfather", "grandmother", ("garden", "old")),
    ("actor", "actress", ("film", "stage")),
    ("waiter", "waitress", ("restaurant", "tray")),
    ("monk", "nun", ("monastery", "prayer")),
    ("hero", "heroine", ("story", "rescue")),
    ("steward", "stewardess", ("flight", "airline")),
    ("host", "hostess", ("party", "guests")),
    ("god", "goddess", ("temple", "heaven")),
]

COUNTRY_PAIRS: list[tuple[str, str, tuple[str, str]]] = [
    ("france", "paris", ("french", "seine")),
    ("germany", "berlin", ("german", "rhine")),
    ("italy", "rome", ("italian", "tiber")),
    ("spain", "madrid", ("spanish", "flamenco")),
    ("japan", "tokyo", ("japanese", "sushi")),
    ("china", "beijing", ("chinese", "dynasty")),
    ("egypt", "cairo", ("egyptian", "nile")),
    ("greece", "athens", ("greek", "olive")),
    ("russia", "moscow", ("russian", "volga")),
    ("canada", "ottawa", ("canadian", "maple")),
    ("brazil", "brasilia", ("brazilian", "samba")),
    ("kenya", "nairobi", ("kenyan", "safari")),
    ("peru", "lima", ("peruvian", "andes")),
    ("norway", "oslo", ("norwegian", "fjord")),
    ("sweden", "stockholm", ("swedish", "baltic")),
    ("korea", "seoul", ("korean", "kimchi")),
    ("india", "delhi", ("indian", "ganges")),
    ("mexico", "mexicocity", ("mexican", "aztec")),
]

PLURAL_PAIRS: list[tuple[str, str, tuple[str, str]]] = [
    ("cat", "cats", ("mouse", "whiskers")),
    ("dog", "dogs", ("bone", "leash")),
    ("bird", "birds", ("nest", "feather")),
    ("horse", "horses", ("saddle", "hay")),
    ("cow", "cows", ("barn", "grass")),
    ("tree", "trees", ("leaf", "branch")),
    ("car", "cars", ("road", "wheel")),
    ("house", "houses", ("roof", "door")),
    ("apple", "apples", ("orchard", "juice")),
    ("book", "books", ("library", "page")),
    ("ship", "ships", ("harbor", "sail")),
    ("star", "stars", ("sky", "night")),
    ("child", "children", ("playground", "swing")),
    ("foot", "feet", ("shoe", "sock")),
    ("tooth", "teeth", ("dentist", "brush")),
    ("key", "keys", ("lock", "pocket")),
]

TENSE_PAIRS: list[tuple[str, str, tuple[str, str]]] = [
    ("eat", "ate", ("bread", "soup")),
    ("drink", "drank", ("water", "tea")),
    ("write", "wrote", ("letter", "pen")),
    ("sing", "sang", ("song", "choir")),
    ("swim", "swam", ("pool", "lake")),
    ("run", "ran", ("race", "track")),
    ("drive", "drove", ("truck", "highway")),
    ("speak", "spoke", ("language", "speech")),
    ("walk", "walked", ("park", "path")),
    ("play", "played", ("game", "ball")),
    ("cook", "cooked", ("dinner", "kitchen")),
    ("climb", "climbed", ("mountain", "rope")),
    ("paint", "painted", ("picture", "canvas")),
    ("build", "built", ("bridge", "tower")),
    ("teach", "taught", ("lesson", "class")),
    ("buy", "bought", ("market", "price")),
]

# Side contexts: (first side, second side), and the neutral words the templates use.
GENDER_SIDES = (("he", "his", "him", "mr"), ("she", "her", "hers", "mrs"))
COUNTRY_SIDES = (("country", "nation", "border", "flag"), ("city", "capital", "downtown", "mayor"))
PLURAL_SIDES = (("a", "one", "this", "each"), ("two", "many", "these", "several"))
TENSE_SIDES = (("today", "now", "will", "usually"), ("yesterday", "ago", "last", "once"))

FAMILIES: dict[str, tuple[list[tuple[str, str, tuple[str, str]]], tuple[tuple[str, ...], ...]]] = {
    "gender": (GENDER_PAIRS, GENDER_SIDES),
    "capital-country": (COUNTRY_PAIRS, COUNTRY_SIDES),
    "singular-plural": (PLURAL_PAIRS, PLURAL_SIDES),
    "present-past": (TENSE_PAIRS, TENSE_SIDES),
}

# Templates per family: W = the target word, P = one of its pair's contexts,
# S = one of its side's contexts; other words are filler shared by the whole family.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "gender": (
        "the W and S P",
        "S W loves the P",
        "the W said S P",
        "S P belongs to the W",
        "the W saw S P",
    ),
    "capital-country": (
        "W is the S of P",
        "the P S W",
        "W has its S and P",
        "people visit W the P S",
    ),
    "singular-plural": (
        "S W near the P",
        "I saw S W and the P",
        "S W with P",
        "look S W by the P",
    ),
    "present-past": (
        "S we W the P",
        "they W P S",
        "S I W some P",
        "you W the P S",
    ),
}


def target_words() -> list[str]:
    """Every word that has a planted relation, in family order."""
    return [w for pairs, _ in FAMILIES.values() for a, b, _ in pairs for w in (a, b)]


def analogy_lines() -> list[str]:
    """The analogy file's lines: ``: family`` then ``a b c d`` for every ordered pair of pairs."""
    lines: list[str] = []
    for family, (pairs, _) in FAMILIES.items():
        lines.append(f": {family}")
        for i, (a, b, _) in enumerate(pairs):
            for j, (c, d, _) in enumerate(pairs):
                if i != j:
                    lines.append(f"{a} {b} {c} {d}")
    return lines


def write_analogies(path: Path = ANALOGIES_PATH) -> Path:
    """(Re)write the shipped analogy file from the tables above."""
    path.write_text("\n".join(analogy_lines()) + "\n", encoding="utf-8")
    return path


class ToyWorld(Corpus):
    """The generated corpus: ``size`` sentences, a pure function of ``(seed, size)``."""

    name = "toy-world"

    def __init__(self, seed: int = DEFAULT_SEED, size: int = DEFAULT_SIZE,
                 lowercase: bool = True, strip_punct: bool = True) -> None:
        super().__init__()
        if isinstance(size, bool) or not isinstance(size, int) or not MIN_SIZE <= size <= MAX_SIZE:
            raise CorpusError(f"toy-world size must be a whole number of sentences from "
                              f"{MIN_SIZE} to {MAX_SIZE:,} (got {size!r})")
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise CorpusError(f"toy-world seed must be a whole number (got {seed!r})")
        self.seed = seed
        self.n_sentences = size
        self.lowercase = lowercase  # templates are lower-case already except "I"
        self.description = (f"generated world with planted gender, capital, plural and tense "
                            f"relations (seed {seed}) and its own analogy file")
        self.analogies = ANALOGIES_PATH

    @property
    def size(self) -> str:
        return f"{self.n_sentences:,} sentences"

    @property
    def token_estimate(self) -> int:
        if self.tokens_seen is not None:
            return self.tokens_seen
        return self.n_sentences * 5

    def _sentences(self) -> Iterator[list[str]]:
        rng = random.Random(self.seed)
        # (family, side, word, pair contexts) for every target word
        slots = [
            (family, side, word, ctx)
            for family, (pairs, _) in FAMILIES.items()
            for a, b, ctx in pairs
            for side, word in enumerate((a, b))
        ]
        parsed = {f: [t.split() for t in ts] for f, ts in TEMPLATES.items()}
        order: list[int] = []
        for _ in range(self.n_sentences):
            if not order:
                order = list(range(len(slots)))
                rng.shuffle(order)
            family, side, word, ctx = slots[order.pop()]
            sides = FAMILIES[family][1][side]
            sentence = []
            for tok in rng.choice(parsed[family]):
                if tok == "W":
                    sentence.append(word)
                elif tok == "P":
                    sentence.append(rng.choice(ctx))
                elif tok == "S":
                    sentence.append(rng.choice(sides))
                else:
                    sentence.append(tok.lower() if self.lowercase else tok)
            yield sentence
