import json

import numpy as np

from qa.bm25 import Bm25, Bm25sPlus, RankBm25Plus, analyze
from qa.corpus import load_corpus, split_paragraphs

from .conftest import ROOT


DOCS = [
    "DeepSeek melatih model AI dengan chip Nvidia.",
    "DeepSeek mengguncang pasar saham AI.",
    "Chip AI DeepSeek lebih murah.",
    "Presiden berbicara tentang investasi.",
]


def test_idf_stays_positive_for_terms_in_most_documents():
    # "deepseek" and "ai" are in 3 of 4 documents: BM25Okapi would give them idf <= 0.
    bm25 = Bm25(DOCS)
    for term in ("deepseek", "ai", "chip"):
        assert bm25.idf(term) > 0


def test_common_term_still_separates_documents():
    scores = Bm25(DOCS).scores("DeepSeek")
    assert scores[3] < min(scores[:3])


def test_rare_term_outweighs_common_term():
    scores = Bm25(DOCS).scores("investasi DeepSeek")
    assert int(np.argmax(scores)) == 3


def test_question_with_no_known_term_gives_no_signal():
    scores = Bm25(DOCS).scores("rendang")
    assert np.ptp(scores) == 0


def test_a_short_form_meets_the_words_it_stands_for():
    bm25 = Bm25([
        "Kepala Seksi Tindak Pidana Khusus Kejaksaan Negeri Lebak, Budi Santoso, menahan dua tersangka.",
        "Warga desa menggelar doa bersama di balai desa.",
        "Harga beras naik di pasar induk.",
    ])
    scores = bm25.scores("Siapa Kasi Pidsus Kejari Lebak?")
    assert scores[0] > scores[1] and scores[0] > scores[2]
    assert set(analyze("Kemenhub")) >= set(analyze("Kementerian Perhubungan"))


def test_bm25s_scores_and_ranks_as_rank_bm25_over_every_article():
    # The scorer for large archives is a kept library (bm25s); over every article the repository holds, with
    # every eval question, it must give rank_bm25's BM25+ scores and so its rankings.
    articles = load_corpus(ROOT / "corpus") + load_corpus(ROOT / "tests" / "data" / "articles")
    corpus = [analyze(p.text) for a in articles for p in split_paragraphs(a)]
    reference, library = RankBm25Plus(corpus), Bm25sPlus(corpus)
    questions = [
        json.loads(line)["question"]
        for name in ("questions.jsonl", "wire_articles.jsonl", "other_articles.jsonl")
        for line in (ROOT / "evals" / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(corpus) > 1000 and len(questions) > 100
    for question in questions:
        tokens = analyze(question)
        expected, got = reference.scores(tokens), library.scores(tokens)
        assert np.allclose(got, expected, rtol=1e-9, atol=1e-9), question
        # Same order: along the reference's ranking bm25s's scores never rise (equal scores may differ by an ulp).
        assert np.all(np.diff(got[np.argsort(-expected, kind="stable")]) <= 1e-9), question
    for term in ("deepseek", "banjir", "rendang"):
        assert library.idf(term) == reference.idf(term)
