import numpy as np

from qa.bm25 import Bm25


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
