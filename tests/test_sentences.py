from qa.sentences import sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_sentences_are_verbatim_spans():
    text = "Harga naik. “Kami siap,” katanya.  Stok aman."
    assert _sentences(text) == ["Harga naik.", "“Kami siap,” katanya.", "Stok aman."]


def test_sentences_inside_a_quotation_are_split_and_keep_their_marks():
    text = "Ia berkata, “Harga naik. Stok aman.” Lalu pergi."
    assert _sentences(text) == ["Ia berkata, “Harga naik.", "Stok aman.”", "Lalu pergi."]


def test_a_dot_inside_a_name_is_no_sentence_end():
    text = "Gary Marcus, penulis Rebooting.AI, mengatakan sesuatu. Lalu selesai."
    assert _sentences(text) == ["Gary Marcus, penulis Rebooting.AI, mengatakan sesuatu.", "Lalu selesai."]


def test_text_without_a_sentence_end_is_one_sentence():
    assert _sentences("Judul tanpa titik") == ["Judul tanpa titik"]
