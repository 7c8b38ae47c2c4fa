"""Property tests: arbitrary text through normalisation, tokenisation, speaker attribution, question cleaning and
search never raises anything but the ValueError that qa.question.clean documents.

Two kinds of text: any Unicode at all (lone surrogates, controls, unassigned code points), and "news-like"
text made of the seed article's own words, quote marks and line breaks, which reaches the deeper rules.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qa
from qa.corpus import read_article
from qa.index import build
from qa.normalize import lexicon, normalize, spin_score
from qa.question import MAX_CHARS, MAX_TOKEN_CHARS, Cleaned, clean
from qa.retrieval import MODES, Retriever
from qa.attribution import Speaker, attribute, match_speakers, without_names
from qa.tokens import tokenize

from .conftest import SEED, HashingEncoder

FAST = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REAL_MODEL = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])

INVISIBLE = ("Cc", "Cf", "Cs", "Co", "Cn")
# The messages clean() documents, and nothing else.
REFUSALS = re.compile(
    r"The question must be text, not \w+\.|The question is empty\.|The question has no words in it\.|"
    r"The question is one long unbroken string"
)

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_WORDS = sorted(set(SEED_TEXT.split()))

any_char = st.characters(exclude_categories=())  # surrogates and unassigned code points included
any_text = st.text(any_char, max_size=300)
news_piece = st.one_of(
    st.sampled_from(SEED_WORDS),
    st.sampled_from(sorted(e.spun for e in lexicon().entries.values())),
    st.sampled_from(["kata", "ujar", "menurut", "katanya", "Ia", "dia", "mengatakan", "Presiden", "seorang"]),
    st.sampled_from(['"', "“", "”", "‘", "’", "'", ",", ".", "—", "(", ")", ":", "US$", "5,6", "10.000"]),
    st.text(any_char, max_size=3),
)
news_line = st.lists(news_piece, max_size=40).map(" ".join)
news_text = st.lists(news_line, max_size=8).map("\n".join)
text = st.one_of(any_text, news_text)


@cache
def fake_retriever() -> Retriever:
    """The seed article searched with the hashing encoder: the whole pipeline, without the model's cost."""
    encoder = HashingEncoder()
    articles = [read_article(SEED)]
    return Retriever(build(articles, encoder.documents, encoder.id), encoder, articles)  # type: ignore[arg-type]


# --- normalisation ------------------------------------------------------------------------------------------


@FAST
@given(text)
def test_normalize_takes_any_text(s: str) -> None:
    assert isinstance(normalize(s), str)
    assert 0.0 <= spin_score(s) <= 1.0


@cache
def _lexicon_words() -> frozenset[str]:
    return frozenset(w for key in lexicon().entries for w in re.findall(r"\w+", key))


@FAST
@given(news_text)
def test_text_without_spinner_words_is_unchanged(s: str) -> None:
    kept = " ".join(w for w in s.split(" ") if not set(re.findall(r"\w+", w.lower())) & _lexicon_words())
    assert normalize(kept) == kept


# --- tokenisation -------------------------------------------------------------------------------------------


@FAST
@given(text)
def test_tokens_are_non_empty_words_without_spaces(s: str) -> None:
    tokens = tokenize(s)
    assert all(isinstance(t, str) and t and not any(c.isspace() for c in t) for t in tokens)


@FAST
@given(st.lists(st.sampled_from([w for w in SEED_WORDS if not w.endswith("$")]), max_size=30))
def test_tokenizing_is_word_by_word(words: list[str]) -> None:
    # BM25 relies on it: a passage's tokens do not depend on its neighbouring words.
    assert tokenize(" ".join(words)) == [t for w in words for t in tokenize(w)]


# --- speaker attribution ------------------------------------------------------------------------------------


@SLOW
@given(st.lists(st.one_of(news_line, any_text), max_size=6))
def test_attribute_gives_one_speaker_or_none_per_paragraph(paragraphs: list[str]) -> None:
    speakers = attribute(paragraphs)
    assert len(speakers) == len(paragraphs)
    for s in speakers:
        assert s is None or (isinstance(s, Speaker) and s.name.strip() and (s.role is None or s.role.strip()))


@SLOW
@given(st.lists(news_line, min_size=1, max_size=5), st.lists(news_line, min_size=1, max_size=5))
def test_one_article_does_not_leak_into_the_next(first: list[str], second: list[str]) -> None:
    alone = attribute(second)
    attribute(first)
    assert attribute(second) == alone


@FAST
@given(text, st.lists(st.one_of(st.sampled_from(["Stuart Russell", "Liang Wenfeng", "Nvidia", "Sam Altman"]), any_text)))
def test_match_speakers_picks_among_the_names(question: str, names: list[str]) -> None:
    found = match_speakers(question, names)
    assert set(found) <= set(names) and len(set(found)) == len(found)


@FAST
@given(text, st.one_of(st.sampled_from(["Stuart Russell", "Liang Wenfeng"]), any_text))
def test_without_name_returns_tidy_text(question: str, name: str) -> None:
    rest = without_names(question, {name: None})
    assert rest == " ".join(rest.split())


# --- question cleaning --------------------------------------------------------------------------------------


@FAST
@given(st.one_of(text, st.text(any_char, min_size=900, max_size=1200), st.none(), st.integers(), st.binary()))
def test_clean_refuses_only_as_documented(question: object) -> None:
    try:
        q = clean(question)
    except ValueError as exc:
        assert REFUSALS.match(str(exc)), exc
        return
    assert isinstance(question, str) and isinstance(q, Cleaned)
    assert q.text == " ".join(q.text.split()) and 0 < len(q.text) <= MAX_CHARS
    assert not any(unicodedata.category(c) in INVISIBLE for c in q.text)
    assert any(len(w) <= MAX_TOKEN_CHARS and any(c.isalnum() for c in w) for w in q.text.split())
    visible = " ".join("".join(" " if unicodedata.category(c) in INVISIBLE else c for c in question).split())
    assert q.truncated == (len(visible) > MAX_CHARS)
    assert visible.startswith(q.text) if q.truncated else q.text == visible
    assert clean(q.text) == Cleaned(q.text)  # cleaning twice changes nothing


# --- search -------------------------------------------------------------------------------------------------


@SLOW
@given(
    text,
    st.integers(min_value=1, max_value=40),
    st.sampled_from(MODES),
    st.one_of(st.none(), st.sampled_from(["Stuart Russell", "Liang Wenfeng"]), any_text),
)
def test_retrieve_takes_any_question(question: str, k: int, mode: str, speaker: str | None) -> None:
    r = fake_retriever()
    try:
        hits = r.retrieve(question, k=k, mode=mode, speaker=speaker)  # type: ignore[arg-type]
    except ValueError as exc:
        assert REFUSALS.match(str(exc)), exc
        return
    if speaker is None:
        assert len(hits) == min(k, len(r.passages))
    else:
        assert len(hits) <= k and all(h.speaker == speaker for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    stored = {p.id: p.text for p in r.passages}
    assert all(stored[h.id] == h.text for h in hits)


@SLOW
@given(text)
def test_ask_takes_any_question(question: str) -> None:
    try:
        answer = qa.answer.ask(fake_retriever(), question)
    except ValueError as exc:
        assert REFUSALS.match(str(exc)), exc
        return
    assert answer.text and answer.support in ("full", "partial", "none")
    # Passages without a quote from them only for a name the article lacks: shown as related, never as an answer.
    assert answer.in_article == (answer.evidence is not None) or (answer.gap and answer.gap.kind == "absent")
    if answer.evidence:
        assert answer.evidence.sentence in answer.evidence.passage.text


@pytest.mark.usefixtures("retriever")
@REAL_MODEL
@given(text)
def test_real_retriever_takes_any_question(question: str) -> None:
    try:
        hits = qa.retrieve(question)
    except ValueError as exc:
        assert REFUSALS.match(str(exc)), exc
        return
    assert len(hits) == 3
