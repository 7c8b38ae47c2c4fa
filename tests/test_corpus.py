import json
from pathlib import Path

import pytest

from qa.corpus import (
    Article,
    ArticleError,
    is_heading,
    load_corpus,
    read_article,
    split_paragraphs,
    title_line,
    write_article,
)
from qa.passages import make_passages

from .conftest import SEED

ARTICLE = """Judul artikel yang cukup panjang, seperti judul berita pada umumnya
Judul kecil
Paragraf pertama tentang sesuatu yang panjang sekali, diakhiri titik.

Paragraf kedua, juga sebuah kalimat lengkap.
Subjudul di tengah
Paragraf ketiga di bawah subjudul. (Z-2)
"""


def _article(text: str, id: str = "t") -> Article:
    return Article(id=id, title="T", text=text)


def test_headings_become_sections_not_paragraphs():
    paragraphs = split_paragraphs(_article(ARTICLE))
    assert [p.number for p in paragraphs] == [1, 2, 3]
    assert [p.section for p in paragraphs] == ["Judul kecil", "Judul kecil", "Subjudul di tengah"]
    assert paragraphs[0].text.startswith("Paragraf pertama")


def test_editor_code_at_the_end_is_dropped():
    assert split_paragraphs(_article(ARTICLE))[-1].text == "Paragraf ketiga di bawah subjudul."


@pytest.mark.parametrize(
    "line, heading",
    [
        ("Dampak signifikan", True),
        ("Masa depan AI di AS", True),
        ("Ia tidak menjawab.", False),
        ("“Kami siap,” katanya", False),
        ("Ini adalah kalimat yang cukup panjang untuk menjadi paragraf biasa tanpa titik", False),
    ],
)
def test_is_heading(line, heading):
    assert is_heading(line) is heading


def test_seed_article_has_32_body_paragraphs_and_3_sections():
    paragraphs = split_paragraphs(read_article(SEED))
    assert len(paragraphs) == 32
    assert {p.section for p in paragraphs} == {None, "Dampak signifikan", "Persaingan chatbot", "Masa depan AI di AS"}
    assert paragraphs[-1].text.endswith("“Perlombaan menuju tepi jurang.”")


def test_paragraph_text_is_verbatim():
    text = read_article(SEED).text
    for p in split_paragraphs(read_article(SEED))[:-1]:
        assert p.text in text


def test_passage_ids_are_stable_when_another_paragraph_changes():
    before = make_passages(_article(ARTICLE))
    edited = ARTICLE.replace("Paragraf kedua, juga", "Paragraf kedua yang diubah, juga")
    after = make_passages(_article(edited))
    assert [p.id for p in before] == [p.id for p in after]
    assert len({p.id for p in before}) == len(before)
    assert before[0] == after[0] and before[2] == after[2]


def test_metadata_sidecar_gives_title_source_and_examples():
    article = read_article(SEED)
    assert article.source == "Newsweek"
    assert article.title and article.title != "deepseek"
    assert article.examples and all(q.endswith("?") for q in article.examples)


def test_old_metadata_with_a_language_field_loads_and_is_written_without_it(tmp_path: Path):
    # The article's language was written into the metadata and never read: old metadata still loads.
    path = tmp_path / "harga_beras.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.with_suffix(".json").write_text('{"title": "Harga beras", "language": "id"}', encoding="utf-8")
    article = read_article(path)
    assert article.title == "Harga beras"
    written = write_article(article, tmp_path / "out")
    assert json.loads(written.with_suffix(".json").read_text(encoding="utf-8")) == {"title": "Harga beras"}


def test_article_without_metadata_takes_its_first_line_as_title(tmp_path: Path):
    path = tmp_path / "harga_beras.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.source, article.examples) == (ARTICLE.split("\n")[0], None, ())
    assert all(article.title not in p.text and p.section != article.title for p in split_paragraphs(article))


def test_article_without_metadata_or_title_line_is_named_after_its_file(tmp_path: Path):
    path = tmp_path / "harga_beras.txt"
    path.write_text("Harga beras naik lagi pekan ini.\n\nPedagang mengeluh.", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Harga beras"
    assert [p.text for p in split_paragraphs(article)] == ["Harga beras naik lagi pekan ini.", "Pedagang mengeluh."]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Longsor Terjang Dua Desa di Banjarnegara, Tujuh Warga Masih Dicari\nParagraf.", True),
        ("Harga Cabai Naik, Benarkah Cuma Soal Cuaca?\nParagraf.", True),  # a title may ask
        ("Judul saja", False),  # nothing below it: not a title of anything
        ("“Kami siap,” katanya\nParagraf.", False),
        ("Ini kalimat pembuka yang berakhir dengan titik.\nParagraf.", False),
        (" ".join(["kata"] * 21) + "\nParagraf.", False),  # too long for a title
    ],
)
def test_title_line(text: str, title: bool):
    assert (title_line(text) is not None) is title


def test_windows_line_endings_and_bom(tmp_path: Path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(("\ufeff" + ARTICLE).replace("\n", "\r\n").encode("utf-8"))
    paragraphs = split_paragraphs(read_article(path))
    assert [p.text for p in paragraphs] == [p.text for p in split_paragraphs(_article(ARTICLE))]


def test_non_utf8_file_names_the_file(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Berita tentang café".encode("latin-1"))
    with pytest.raises(ArticleError, match="latin1.txt"):
        read_article(path)


def test_loader_takes_every_article_in_the_folder(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Satu paragraf saja di sini, cukup panjang.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    assert [a.id for a in load_corpus(tmp_path)] == ["a", "b"]


def test_empty_corpus_folder_is_an_error(tmp_path: Path):
    with pytest.raises(ArticleError, match="no article"):
        load_corpus(tmp_path)
