"""Reading a reader's own article: saved news pages (tests/data/pages/, described by expected.json), Markdown and
plain text, and every kind of input that is refused with one ArticleError saying why."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qa import ArticleError
from qa.corpus import Article, read_article, split_paragraphs
from qa.ingest import ID_MAX_CHARS, MAX_BYTES, MAX_PARAGRAPHS, read_source

from .conftest import SEED

PAGES = Path(__file__).resolve().parent / "data" / "pages"
EXPECTED_FILE = PAGES / "expected.json"


def _expected() -> dict[str, dict]:
    # No silent skip: a missing or empty expected.json fails collection of this module.
    expected = json.loads(EXPECTED_FILE.read_text(encoding="utf-8"))
    assert isinstance(expected, dict) and expected, f"{EXPECTED_FILE} lists no pages"
    return expected


EXPECTED = _expected()
BACA_JUGA = re.compile(r"^\s*baca\s+juga\b", re.IGNORECASE)


def _page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def _body(article: Article) -> list[str]:
    return [p.text for p in split_paragraphs(article)]


@pytest.fixture(scope="module")
def pages() -> dict[str, Article]:
    """Each fixture page as read_source reads it (trafilatura runs once per page for the whole module)."""
    return {name: read_source(_page(name), name) for name in EXPECTED}


# --- saved news pages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(EXPECTED))
def test_page_metadata_matches_the_page(pages: dict[str, Article], name: str) -> None:
    article, want = pages[name], EXPECTED[name]
    got = {"title": article.title, "author": article.author, "date": article.published, "site": article.source}
    assert got == {key: want[key] for key in got}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_page_keeps_the_article_and_drops_the_rest(pages: dict[str, Article], name: str) -> None:
    article, want = pages[name], EXPECTED[name]
    body = "\n".join(_body(article))
    assert [phrase for phrase in want["must_have"] if phrase not in body] == []
    # Menus, related stories, ads, addresses, cookie banners: nowhere in the stored text, title line included.
    assert [phrase for phrase in want["must_not_have"] if phrase in article.text] == []
    assert len(_body(article)) >= want["min_paragraphs"]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_page_answer_and_speakers_are_in_the_text(pages: dict[str, Article], name: str) -> None:
    """The phrase that answers the page's question and each quoted person's name survive extraction."""
    article, want = pages[name], EXPECTED[name]
    assert want["answer_phrase"] in article.text
    assert [s for s in want["speakers"] if s not in article.text] == []


@pytest.mark.parametrize("name", list(EXPECTED))
def test_page_has_no_baca_juga_lines(pages: dict[str, Article], name: str) -> None:
    assert re.search(rb"baca\s+juga", _page(name), re.IGNORECASE), "the fixture has a 'Baca juga' box to drop"
    assert [line for line in pages[name].text.split("\n") if BACA_JUGA.match(line)] == []


@pytest.mark.parametrize("name", list(EXPECTED))
def test_page_id_is_a_slug_of_its_title_not_of_the_file_name(pages: dict[str, Article], name: str) -> None:
    article = pages[name]
    assert re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)*", article.id) and len(article.id) <= ID_MAX_CHARS
    assert article.id.split("_")[0] == re.findall(r"[a-z0-9]+", EXPECTED[name]["title"].lower())[0]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_page_reads_back_the_same_from_the_corpus(tmp_path: Path, pages: dict[str, Article], name: str) -> None:
    """Written to a corpus folder and read back, the article has the same title, metadata and paragraphs."""
    from qa.corpus import write_article

    article = pages[name]
    stored = read_article(write_article(article, tmp_path))
    assert (stored.id, stored.title, stored.source, stored.author, stored.published, stored.url) == (
        article.id, article.title, article.source, article.author, article.published, article.url
    )
    assert _body(stored) == _body(article)


# --- Markdown and plain text ----------------------------------------------------------------------------------

MARKDOWN = """\
# Banjir Rob Genangi Pesisir Utara Jakarta

Banjir rob kembali menggenangi kawasan pesisir utara Jakarta pada Senin pagi. Ketinggian air
mencapai 40 sentimeter di beberapa ruas jalan, menurut **Badan Penanggulangan Bencana Daerah**,
dan surut menjelang siang.

## Dampak bagi warga

Warga di Muara Angke terpaksa *menunda* aktivitas, kata [Suhartini](https://example.com/suhartini), seorang pedagang ikan.

Baca juga: [Banjir Rob di Semarang Meluas](https://example.com/semarang)

- Sekolah dasar di Penjaringan meliburkan siswa selama dua hari.
- Petugas menyiagakan pompa air di `tiga` titik rawan.

![Genangan di Muara Angke](https://example.com/foto.jpg)
"""


def test_markdown_becomes_clean_paragraphs_with_the_h1_as_title() -> None:
    article = read_source(MARKDOWN.encode(), "rob_jakarta.md")
    assert article.title == "Banjir Rob Genangi Pesisir Utara Jakarta"
    assert article.id == "rob_jakarta"
    paragraphs = split_paragraphs(article)
    assert [(p.section, p.text) for p in paragraphs] == [
        (
            None,
            "Banjir rob kembali menggenangi kawasan pesisir utara Jakarta pada Senin pagi. Ketinggian air "
            "mencapai 40 sentimeter di beberapa ruas jalan, menurut Badan Penanggulangan Bencana Daerah, "
            "dan surut menjelang siang.",
        ),
        ("Dampak bagi warga", "Warga di Muara Angke terpaksa menunda aktivitas, kata Suhartini, seorang pedagang ikan."),
        ("Dampak bagi warga", "Sekolah dasar di Penjaringan meliburkan siswa selama dua hari."),
        ("Dampak bagi warga", "Petugas menyiagakan pompa air di tiga titik rawan."),
    ]
    # No markup of any kind survives: emphasis, links, list bullets, image syntax, code ticks, heading marks.
    assert not re.search(r"[*`#\[\]]|\]\(|https?:|^\s*[-+] ", article.text, re.M)
    assert "example.com" not in article.text and "Baca juga" not in article.text


def test_plain_text_keeps_one_paragraph_per_line() -> None:
    lines = [
        "Pemerintah kota menambah armada bus sekolah mulai bulan depan.",
        "Kepala dinas perhubungan mengatakan tambahan itu berjumlah dua puluh unit.",
        "Baca juga: Tarif Bus Kota Naik Mulai Maret",
        "Orang tua murid menyambut baik rencana tersebut karena ongkos antar jemput berkurang.",
    ]
    article = read_source("\r\n".join(lines).encode(), "bus sekolah.txt")
    assert article.id == "bus_sekolah"
    assert _body(article) == [lines[0], lines[1], lines[3]]
    assert article.title.startswith("Pemerintah kota menambah armada")  # untitled: named by its opening words


def test_plain_text_title_line_becomes_the_title() -> None:
    text = "Harga Gabah di Karawang Naik\nHarga gabah kering panen di Karawang naik menjadi Rp6.800 per kilogram.\n"
    article = read_source(text.encode(), "gabah.txt")
    assert article.title == "Harga Gabah di Karawang Naik"
    assert _body(article) == ["Harga gabah kering panen di Karawang naik menjadi Rp6.800 per kilogram."]


def test_standard_input_gets_its_id_from_the_title() -> None:
    text = "Harga Gabah di Karawang Naik\nHarga gabah kering panen di Karawang naik menjadi Rp6.800 per kilogram.\n"
    assert read_source(text.encode(), "-").id == "harga_gabah_di_karawang_naik"


# --- ids ------------------------------------------------------------------------------------------------------

TEXT = "Harga gabah kering panen di Karawang naik menjadi Rp6.800 per kilogram pekan ini.\n"


def _taken(*ids: str) -> list[Article]:
    return [Article(id=i, title=i, text=f"Artikel lain nomor {n} tentang hal yang berbeda sama sekali.\n") for n, i in enumerate(ids)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Laporan Khusus: Gabah!.txt", "laporan_khusus_gabah"),
        ("Ékonomi Rakyat – Édisi Ke-2.md", "ekonomi_rakyat_edisi_ke_2"),
        ("a" * 60 + ".txt", "a" * ID_MAX_CHARS),
        ("harga gabah karawang naik tajam menjelang musim panen raya tahun ini.txt", "harga_gabah_karawang_naik_tajam"),
    ],
)
def test_ids_are_slugs(name: str, expected: str) -> None:
    assert read_source(TEXT.encode(), name).id == expected


def test_ids_are_unique_against_taken_articles() -> None:
    assert read_source(TEXT.encode(), "gabah.txt", _taken("gabah")).id == "gabah_2"
    assert read_source(TEXT.encode(), "gabah.txt", _taken("gabah", "gabah_2")).id == "gabah_3"
    assert read_source(TEXT.encode(), "gabah.txt", _taken("gabah_2")).id == "gabah"


def test_a_page_id_is_unique_against_taken_articles(pages: dict[str, Article]) -> None:
    name = next(iter(EXPECTED))
    first = pages[name]
    other = Article(id=first.id, title="lain", text="Artikel lain tentang hal yang berbeda sama sekali.\n")
    assert read_source(_page(name), name, [other]).id == f"{first.id}_2"


# --- refusals -------------------------------------------------------------------------------------------------

SENTENCE = "Warga desa bergotong royong memperbaiki jembatan yang rusak diterjang banjir pekan lalu."


def _many_paragraphs(count: int) -> bytes:
    return "\n".join(f"{SENTENCE[:-1]} di dusun nomor {n}." for n in range(count)).encode()


REFUSALS = {
    "empty": (b"", "a.txt", r"^a\.txt is empty"),
    "whitespace-only": (b" \n\t\r\n\x0b\x0c  \n", "a.txt", r"^a\.txt is empty"),
    "empty-stdin": (b"", "-", r"^standard input is empty"),
    "nul-bytes": (f"{SENTENCE}\x00\n{SENTENCE}".encode(), "a.txt", r"binary file.*NUL"),
    "utf-16": (f"{SENTENCE}\n".encode("utf-16"), "a.txt", r"binary file.*NUL"),
    "undecodable-txt": (SENTENCE.encode("latin-1") + b" \xff\xfe caf\xe9\n", "a.txt", r"^a\.txt is not UTF-8 text"),
    "control-characters": (bytes(range(1, 9)) * 50 + SENTENCE.encode(), "a.txt", r"binary file.*control"),
    "over-1-MB": ((SENTENCE + "\n").encode() * (MAX_BYTES // len(SENTENCE) + 1), "a.txt", r"^a\.txt is over 1 MB"),
    "over-500-paragraphs": (_many_paragraphs(MAX_PARAGRAPHS + 1), "a.txt", rf"has {MAX_PARAGRAPHS + 1} paragraphs.*at most {MAX_PARAGRAPHS}"),
    "headings-only": (b"Judul Berita\n\nSubjudul Satu\n", "a.txt", r"no article text found"),
    "markdown-headings-only": (b"# Judul Berita\n\n## Subjudul Satu\n", "a.md", r"no article text found"),
    "english-text": (
        b"The city council approved the new budget on Monday after a long debate about school funding.\n"
        b"Officials said the money would be spent on repairs and new teachers over the next two years.\n",
        "a.txt",
        r"reads as English, not Indonesian",
    ),
    "not-an-article-page": (_page("not_an_article.html"), "not_an_article.html", r"no article text found in the page"),
    "english-article-page": (_page("english_article.html"), "english_article.html", r"reads as English, not Indonesian"),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_refusal_is_one_clear_article_error(name: str) -> None:
    data, file_name, message = REFUSALS[name]
    with pytest.raises(ArticleError, match=message) as refused:
        read_source(data, file_name)
    assert "\n" not in str(refused.value) and str(refused.value).endswith(".")


def test_exactly_500_paragraphs_are_accepted() -> None:
    assert len(split_paragraphs(read_source(_many_paragraphs(MAX_PARAGRAPHS), "a.txt"))) == MAX_PARAGRAPHS


def test_exactly_1_MB_is_not_refused_for_its_size() -> None:
    data = (SENTENCE + "\n").encode() * (MAX_BYTES // (len(SENTENCE) + 1))
    data += b" " * (MAX_BYTES - len(data))
    assert len(data) == MAX_BYTES
    with pytest.raises(ArticleError, match="paragraphs") as refused:  # too many paragraphs, but not too big
        read_source(data, "a.txt")
    assert "MB" not in str(refused.value)


def test_duplicate_of_a_taken_article_is_refused_under_any_name() -> None:
    seed = read_article(SEED)
    with pytest.raises(ArticleError, match=r"^salinan\.txt is already in the corpus, as 'deepseek'\.$"):
        read_source(SEED.read_bytes(), "salinan.txt", [seed])
    # The same text with other line endings and a byte-order mark is the same article.
    variant = b"\xef\xbb\xbf" + SEED.read_bytes().replace(b"\n", b"\r\n")
    with pytest.raises(ArticleError, match="already in the corpus"):
        read_source(variant, "lain.txt", [seed])


@pytest.mark.parametrize("name", list(EXPECTED))
def test_duplicate_of_a_taken_page_is_refused(tmp_path: Path, pages: dict[str, Article], name: str) -> None:
    from qa.corpus import write_article

    stored = read_article(write_article(pages[name], tmp_path))
    with pytest.raises(ArticleError, match=rf"already in the corpus, as '{stored.id}'"):
        read_source(_page(name), f"copy of {name}", [stored])
