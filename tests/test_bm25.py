import numpy as np

from qa.bm25 import Bm25, analyze


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
