from qa.attribution.sentences import is_lead_in, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_sentences_are_verbatim_spans():
    text = "Harga naik. “Kami siap,” katanya.  Stok aman."
    assert _sentences(text) == ["Harga naik.", "“Kami siap,” katanya.", "Stok aman."]


def test_sentences_inside_a_quotation_are_split_and_keep_their_marks():
    text = "Ia berkata, “Harga naik. Stok aman.” Lalu pergi."
    assert _sentences(text) == ["Ia berkata,", "“Harga naik.", "Stok aman.”", "Lalu pergi."]


def test_a_dot_inside_a_name_is_no_sentence_end():
    text = "Gary Marcus, penulis Rebooting.AI, mengatakan sesuatu. Lalu selesai."
    assert _sentences(text) == ["Gary Marcus, penulis Rebooting.AI, mengatakan sesuatu.", "Lalu selesai."]


def test_text_without_a_sentence_end_is_one_sentence():
    assert _sentences("Judul tanpa titik") == ["Judul tanpa titik"]


def test_a_quotation_after_a_lead_in_is_a_span_of_its_own():
    text = "Budi Santoso, profesor ekonomi di Universitas Indonesia, mengatakan kepada wartawan, “Saya ragu. Harga naik.”"
    assert _sentences(text) == [
        "Budi Santoso, profesor ekonomi di Universitas Indonesia, mengatakan kepada wartawan,",
        "“Saya ragu.",
        "Harga naik.”",
    ]
    assert _sentences('Ia menjawab: "Tidak ada." Lalu pergi.') == ["Ia menjawab:", '"Tidak ada."', "Lalu pergi."]


def test_a_quoted_word_inside_a_sentence_is_no_lead_in():
    text = "Ia menyebut rencana itu “gelembung” yang berbahaya. “Kami siap,” katanya."
    assert _sentences(text) == ["Ia menyebut rencana itu “gelembung” yang berbahaya.", "“Kami siap,” katanya."]


def test_is_lead_in_marks_only_the_words_before_a_quotation():
    text = "Menteri itu berkata, “Stok aman.” Harga turun, kata pedagang."
    spans = sentence_spans(text)
    assert [is_lead_in(text, span) for span in spans] == [True, False, False]


def test_a_lone_surrogate_is_split_like_any_character() -> None:
    # Never in a UTF-8 file, but a client may send one; the segmenter cannot encode it.
    text = "Harga naik \ud800 tajam. Stok aman."
    assert [text[a:b] for a, b in sentence_spans(text)] == ["Harga naik \ud800 tajam.", "Stok aman."]


def test_a_question_quoted_goes_on_to_its_cue_and_a_list_number_to_its_item() -> None:
    text = "“Saudara kenal dengan terdakwa?” tanya hakim. 1. Memesan katering bersertifikat. Harga naik. iPhone baru."
    assert _sentences(text) == [
        "“Saudara kenal dengan terdakwa?” tanya hakim.",
        "1. Memesan katering bersertifikat.",
        "Harga naik.",
        "iPhone baru.",  # lower case after a full stop still opens a sentence
    ]
