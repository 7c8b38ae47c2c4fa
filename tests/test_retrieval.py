"""The retrieval API contract, on an in-memory index with a small deterministic encoder."""

import dataclasses

import numpy as np
import pytest

from qa import Passage, Retriever
from qa.corpus import read_article
from qa.fusion import convex, minmax, rrf
from qa.passages import list_items
from qa.question import Question, read
from qa.retrieval import SETTINGS, Settings, Signals, fuse, lift
from qa.index import build

from .conftest import SEED


@pytest.fixture
def small(encoder) -> Retriever:
    articles = [read_article(SEED)]
    return Retriever(build(articles, encoder.documents, encoder.id), encoder, articles)


def test_retrieve_returns_k_passages_best_first(small):
    hits = small.retrieve("melatih modelnya dalam dua bulan dengan biaya", k=3)
    assert len(hits) == 3 and all(isinstance(h, Passage) for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert any("US$5,6 juta" in h.text for h in hits)


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_every_mode_answers(small, mode):
    assert len(small.retrieve("chip H100 Nvidia", k=2, mode=mode)) == 2


def test_passages_are_in_article_order_with_fields(small):
    assert [p.paragraph for p in small.passages] == list(range(1, 33))
    p = small.passages[5]
    assert p.id == "deepseek#p6" and p.article == "deepseek" and p.section is None
    assert small.passages[8].section == "Dampak signifikan"


def test_hits_are_the_stored_passages_with_a_score(small):
    hit = small.retrieve("Stargate", k=1)[0]
    stored = next(p for p in small.passages if p.id == hit.id)
    assert dataclasses.replace(hit, score=0.0) == stored


def test_k_beyond_passage_count_returns_all(small):
    assert len(small.retrieve("AI", k=1000)) == 32


@pytest.mark.parametrize("k", [0, -1, 2.5, "3", None, True])
def test_bad_k_is_refused(small, k):
    with pytest.raises(ValueError, match="k"):
        small.retrieve("AI", k=k)


def test_unknown_mode_is_refused(small):
    with pytest.raises(ValueError, match="mode"):
        small.retrieve("AI", mode="magic")


def test_speaker_filter_keeps_only_that_speaker(small):
    name = small.speakers()[0].name
    hits = small.retrieve("AI", k=50, speaker=name)
    assert hits and all(h.speaker == name for h in hits)


def test_naming_a_speaker_prefers_their_passages(small):
    profile = max(small.speakers(), key=lambda s: len(s.passages))
    surname = profile.name.split()[-1]
    hits = small.retrieve(f"Apa kata {surname} tentang hal itu?", k=len(profile.passages))
    assert {h.speaker for h in hits} == {profile.name}


def test_which_org_figure_said_asks_for_a_person_not_the_organisation(small):
    # "DeepSeek" speaks in the seed article; "Which DeepSeek figure said …" asks who, so it names no speaker
    # and keeps the organisation's name in the search.
    assert small.rank("What did DeepSeek claim?").question.speakers == ("DeepSeek",)
    ranking = small.rank("Which DeepSeek figure said it is about innovation?")
    assert ranking.question.speakers == () and "DeepSeek" in ranking.question.query


def test_minmax_and_fusions():
    dense = np.array([0.9, 0.5, 0.1], dtype=np.float32)
    keyword = np.array([0.0, 3.0, 1.0], dtype=np.float32)
    assert minmax(np.ones(3)).tolist() == [0, 0, 0]
    assert np.argmax(convex(dense, keyword, 1.0)) == 0
    assert np.argmax(convex(dense, keyword, 0.0)) == 1
    assert np.argmax(rrf(dense, keyword, 0.5)) == 1  # ranks 2+1 beat 1+3
    assert np.argmax(rrf(dense, np.zeros(3), 0.5)) == 0  # a list with no signal adds nothing
    assert rrf(dense, dense, 0.7)[0] == pytest.approx(1.0)  # first in every list scores 1


@pytest.mark.parametrize("fused", [np.array([0.9, 0.5, 0.1, 0.7]), np.array([3.0, -1.0, 0.5, 2.0]), np.ones(4)])
def test_a_named_speakers_passages_lead_whatever_the_fusions_scale(fused):
    named = np.array([False, True, True, False])
    order = np.argsort(-lift(fused, named), kind="stable")
    assert set(order[:2]) == {1, 2} and fused[order[0]] >= fused[order[1]]  # lifted, and kept in their order
    assert list(order[2:]) == sorted([0, 3], key=lambda i: -fused[i])


def test_a_quoted_phrase_finds_its_sentence_despite_the_rest_of_the_question(retriever):
    # Real model: the whole question leans towards the paragraphs about the AI race in general; the quoted
    # words, matched alone, find the one sentence that says them (in Indonesian).
    top = retriever.retrieve('Who called the AI race a "race to the edge of the cliff"?', k=1)[0]
    assert "Perlombaan menuju tepi jurang" in top.text


def _signals(dense, sentence, keyword, sentence_keyword, wants=None, lists=None) -> Signals:
    q = Question(typed="q", text="q", lang="id", kind="fact", wants=wants, lists=bool(lists))
    n = len(dense)
    as_array = lambda xs: np.array(xs, dtype=np.float32)  # noqa: E731
    return Signals(
        q, as_array(dense), as_array(sentence), as_array(sentence), as_array(keyword), as_array(sentence_keyword),
        np.zeros(n, bool), lists or {},
    )


def test_the_best_sentence_lifts_its_paragraph_on_both_sides():
    # Passage 0 is a long paragraph whose one sentence matches; passage 1 matches a little throughout.
    s = _signals(dense=[0.40, 0.50], sentence=[0.80, 0.52], keyword=[2.0, 3.0], sentence_keyword=[6.0, 2.0])
    whole = Settings(convex, {"id": 0.5, "en": 1.0}, 0.0, 0.0, 0.0)
    by_sentence = dataclasses.replace(whole, sentence_weight=1.0, keyword_sentence_weight=1.0)
    never = lambda row: False  # noqa: E731
    assert np.argmax(fuse(s, whole, never)) == 1
    assert np.argmax(fuse(s, by_sentence, never)) == 0


def test_the_asked_kind_breaks_a_tie_and_is_no_filter():
    settings = Settings(convex, {"id": 1.0, "en": 1.0}, 0.0, 0.0, 0.1)
    holds_amount = lambda i: i == 1  # noqa: E731
    tied = _signals(dense=[0.70, 0.69, 0.10], sentence=[0, 0, 0], keyword=[0, 0, 0], sentence_keyword=[0, 0, 0],
                    wants="amount")
    assert np.argmax(fuse(tied, settings, holds_amount)) == 1
    # Far behind, a passage holding a number stays behind; and a question asking no kind is not reordered.
    apart = _signals(dense=[0.90, 0.30, 0.10], sentence=[0, 0, 0], keyword=[0, 0, 0], sentence_keyword=[0, 0, 0],
                     wants="amount")
    assert np.argmax(fuse(apart, settings, holds_amount)) == 0
    plain = dataclasses.replace(tied, question=dataclasses.replace(tied.question, wants=None))
    assert np.argmax(fuse(plain, settings, holds_amount)) == 0


def test_the_best_sentence_of_a_passage_is_checked_for_the_asked_kind(small):
    i = next(i for i, p in enumerate(small.passages) if "US$5,6 juta" in p.text)
    signals = small.signals(small.read("Berapa biaya pelatihan model DeepSeek dalam dolar?"))
    row = small.best_row(i, signals.sentences)
    assert signals.sentences[row] == signals.sentence[i]
    assert small.holds(row, "amount") and not small.holds(row, None)


LIST_ARTICLE = """Rapat DPRD Kota Sukamaju soal banjir

Ketua Komisi C DPRD Kota Sukamaju, Budi Hartono, mengatakan rapat berlangsung tiga jam dan dihadiri dinas terkait.

Di akhir rapat, Komisi C menyampaikan tiga rekomendasi kepada pemerintah kota, yaitu:

1. Mengeruk saluran drainase di Jalan Merdeka sebelum musim hujan.

2. Membangun dua kolam retensi di Kecamatan Timur.

3. Melaporkan hasil pengerukan kepada dewan setiap bulan.

Warga berharap banjir tahun ini tidak separah tahun lalu, ketika air setinggi satu meter merendam 400 rumah.
"""


def test_a_list_is_found_a_paragraph_an_item(tmp_path, encoder):
    path = tmp_path / "rapat.txt"
    path.write_text(LIST_ARTICLE)
    passages = Retriever(build([read_article(path)], encoder.documents, encoder.id), encoder).passages
    assert list_items(passages) == {1: (2, 3, 4)}


def test_items_follow_their_opener_when_a_question_asks_for_them():
    # The opener (1) leads; its items (2, 3) share no words with the question and rank last on their own.
    s = _signals(dense=[0.5, 0.7, 0.1, 0.1, 0.4], sentence=[0.5, 0.7, 0.1, 0.1, 0.4], keyword=[1, 3, 0, 0, 1],
                 sentence_keyword=[1, 3, 0, 0, 1])
    order = np.argsort(-fuse(s, SETTINGS, lambda i: False), kind="stable")
    assert list(order[:3]) == [1, 0, 4]
    asked = dataclasses.replace(s, question=dataclasses.replace(s.question, lists=True), lists={1: (2, 3)})
    order = np.argsort(-fuse(asked, SETTINGS, lambda i: False), kind="stable")
    assert list(order[:4]) == [1, 2, 3, 0]


@pytest.mark.parametrize(
    ("question", "lists"),
    [
        ("Apa saja rekomendasi Komisi C?", True),
        ("Di mana saja kolam retensi dibangun?", True),
        ("What are the recommendations of the council?", True),
        ("List the council's recommendations", True),
        ("Apa rekomendasi pertama Komisi C?", False),
        ("What are farmers paid per kilo?", False),
    ],
)
def test_a_question_asks_for_the_items_of_something(question: str, lists: bool) -> None:
    assert read(question, {}).lists is lists
