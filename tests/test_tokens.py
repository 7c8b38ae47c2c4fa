"""BM25 tokens: codes and numbers whole, reduplication, stopwords that keep negation and quote cues, stemming."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qa.normalize import normalize
from qa.tokens import canonical_number, fold, stem, stopwords, tokenize

SEED = Path(__file__).resolve().parent.parent / "corpus" / "deepseek.txt"


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("biaya US$5,6 juta", "us$5.6"),
        ("menimbun 10.000 chip", "10000"),
        ("chip H100 Nvidia", "h100"),
        ("model OpenAI o1", "o1"),
        ("mengembangkan GPT-4.", "gpt-4"),
        ("Model andalan platformnya, DeepSeek-R1, memicu", "deepseek-r1"),
        ("investasi US$$500 miliar", "us$500"),
        ("investasi US$ 500 miliar", "us$500"),
        ("pada 1960-an", "1960-an"),
    ],
)
def test_numbers_and_codes_stay_whole(text: str, token: str) -> None:
    assert token in tokenize(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("US$5,6 juta", "$5.6 million"),  # Indonesian and English decimal marks
        ("10.000 chip", "10,000 chips"),  # thousands separators
        ("DeepSeek-R1", "DeepSeek R1"),
        ("GPT-4", "GPT 4"),
    ],
)
def test_spellings_of_one_number_or_code_share_tokens(a: str, b: str) -> None:
    assert set(tokenize(a)) & set(tokenize(b)) - {"million", "chips", "chip", "juta"}


@pytest.mark.parametrize(
    ("number", "canonical"),
    [("10.000", "10000"), ("10,000", "10000"), ("5,6", "5.6"), ("5.6", "5.6"), ("1.234,5", "1234.5"), ("0,125", "0.125")],
)
def test_canonical_number(number: str, canonical: str) -> None:
    assert canonical_number(number) == canonical


def test_lowercase_and_accent_folding() -> None:
    assert fold("Café ÉLITE") == "cafe elite"
    assert tokenize("Café") == ["cafe"]


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("perusahaan-perusahaan", "perusahaan"), ("Model-model", "model"), ("berlomba-lomba", "berlomba"), ("membuang-buang", "membuang")],
)
def test_reduplication_reads_as_the_single_word(plural: str, singular: str) -> None:
    assert tokenize(plural) == tokenize(singular)


def test_hyphenated_names_split_into_their_parts() -> None:
    assert tokenize("Smith-Zadeh") == ["smith", "zadeh"]


def test_stemming_joins_affixed_forms() -> None:
    assert tokenize("kepunahan")[0] == tokenize("punah")[0]
    assert tokenize("berinvestasi")[0] == tokenize("investasi")[0]
    assert tokenize("pencipta")[0] == tokenize("menciptakan")[0]


def test_stemming_leaves_names_and_english_alone() -> None:
    assert tokenize("Mousavizadeh Nvidia Hammond generative") == ["mousavizadeh", "nvidia", "hammond", "generative"]


@pytest.mark.parametrize("name", ["Taiwan", "Kristian", "OpenAI", "Berkeley"])
def test_names_snowball_overstems_keep_a_stem_of_their_own(name: str) -> None:
    # Snowball has no dictionary, so a name that looks affixed loses its "ending" ("Taiwan" -> "taiw"); that
    # is harmless while no other word of the article shares the stem.
    words = set(re.findall(r"[^\W\d_]+", fold(normalize(SEED.read_text(encoding="utf-8")))))
    (token,) = tokenize(name)
    assert name.lower() in words
    assert {w for w in words if stem(w) == token} == {name.lower()}


def test_stem_is_cached() -> None:
    stem.cache_clear()
    tokenize("mengembangkan mengembangkan")
    assert stem.cache_info().hits >= 1


@pytest.mark.parametrize("word", ["tidak", "tak", "bukan", "belum", "jangan", "tanpa", "not", "no", "never"])
def test_negation_survives(word: str) -> None:
    assert tokenize(word), word


@pytest.mark.parametrize("word", ["kata", "katanya", "mengatakan", "menurut", "ujar", "ujarnya", "tutur", "menambahkan", "menyatakan", "said"])
def test_quote_cues_survive(word: str) -> None:
    assert tokenize(word), word


@pytest.mark.parametrize("word", ["AS", "US", "ada", "baru", "lalu", "dini", "cara", "bulan", "jelas", "lama", "besar"])
def test_content_words_common_lists_drop_survive(word: str) -> None:
    assert tokenize(word), word


@pytest.mark.parametrize("word", ["yang", "dan", "di", "untuk", "adalah", "siapa", "berapa", "the", "of", "who", "what", "is"])
def test_function_words_are_dropped(word: str) -> None:
    assert tokenize(word) == []


def test_stopword_lists_are_lowercase_single_words() -> None:
    assert all(w == w.lower() and w.isalpha() for w in stopwords())


def test_english_question_keeps_names_and_numbers() -> None:
    assert tokenize("Who created the Global AI Index?") == ["created", "global", "ai", "index"]
    assert tokenize("What did Nvidia say about the US$6.6 billion?") == ["nvidia", "say", "us$6.6", "us", "6.6", "billion"]


def test_seed_article_tokens() -> None:
    tokens = tokenize(normalize(SEED.read_text(encoding="utf-8")))
    assert {"deepseek", "us$5.6", "10000", "h100", "deepseek-r1", "gpt-4", "us$500", "tidak", "uang"} <= set(tokens)
    assert not {"kagak", "fulus", "yang", "dan"} & set(tokens)
