"""The public API on the real model and the persisted index of corpus/."""

import qa


def test_module_level_retrieve_uses_the_default_corpus(retriever):
    hits = qa.retrieve("Berapa biaya pelatihan model DeepSeek?", k=3)
    assert len(hits) == 3
    assert any("US$5,6 juta" in h.text for h in hits)
    assert qa.default_retriever() is retriever  # loaded once per process


def test_english_question_finds_the_indonesian_passage(retriever):
    top = retriever.retrieve("How much did it cost DeepSeek to train its model?", k=3)
    assert any("US$5,6 juta" in h.text for h in top)


def test_english_question_about_a_quote_finds_the_speaker(retriever):
    top = retriever.retrieve("Who compared the AI race to the nuclear arms race with the Soviet Union?", k=3)
    assert any("Uni Soviet" in h.text for h in top)


def test_every_mode_finds_a_keyword_question(retriever):
    for mode in qa.MODES:
        top = qa.retrieve("Stargate Oracle SoftBank", k=3, mode=mode)
        assert any("Stargate" in h.text for h in top), mode


def test_speakers_lists_people_with_their_passages():
    profiles = qa.speakers()
    assert profiles and all(p.passages for p in profiles)
    assert all(h.speaker == p.name for p in profiles for h in p.passages)
