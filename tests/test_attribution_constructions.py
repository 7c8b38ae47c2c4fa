"""Constructions of real Indonesian wire news that attribution must read, one test each, in sentences of our own:
lists introduced with a colon, bodies spoken for by their staff, titled names between an opening phrase and
degrees, provinces before a name, long body names closed by their short form."""

from __future__ import annotations

import pytest

from qa.attribution import read


def speakers(*paragraphs: str) -> list[str | None]:
    return [None if r.speaker is None else r.speaker.name for r in read(list(paragraphs))]


def test_a_list_opened_with_a_colon_is_the_words_of_whoever_opened_it() -> None:
    readings = read(
        [
            "Kepala Dinas Perhubungan Kota Malang Wahyu Nugroho menjelaskan tiga aturan baru, yaitu:",
            "Pertama, truk bermuatan berat dilarang melintas di pusat kota pada jam sibuk.",
            "Kedua, angkutan kota wajib berhenti di halte. Pelanggaran dicatat petugas.",
            "Harga tiket bus kota tidak berubah sejak tahun lalu, sementara jumlah penumpang naik.",
            "Sebagian warga mengeluhkan kemacetan. Jalan di depan pasar menyempit.",
        ]
    )
    assert [r.speaker and r.speaker.name for r in readings] == ["Wahyu Nugroho"] * 4 + [None]
    assert {s.rule for s in readings[1].sentences} == {"list-item"}
    assert {s.kind for s in readings[2].sentences} == {"reported"}


def test_a_list_item_with_a_cue_of_its_own_ends_the_list() -> None:
    assert speakers(
        "Ketua Koperasi Tani Makmur, Sutrisno Hadi, merinci harga pupuk sebagai berikut:",
        "Urea Rp2.250 per kilogram.",
        "Petani Desa Sukamaju, Darsono, mengatakan harga itu masih berat.",
    ) == ["Sutrisno Hadi", "Sutrisno Hadi", "Darsono"]


@pytest.mark.parametrize("side", ["Pihak", "Manajemen", "Jajaran"])
def test_the_side_or_staff_of_a_body_speak_as_that_body(side: str) -> None:
    assert speakers(f"{side} PT Sinar Bahari Nusantara menyampaikan permohonan maaf kepada penumpang.") == [
        "PT Sinar Bahari Nusantara"
    ]


def test_a_body_that_speaks_is_no_first_name_of_the_person_it_is_written_before() -> None:
    assert speakers(
        "Pelatih PSKT Tegal Andre Gomes da Costa menilai timnya kurang tenang.",
        "PSKT Tegal menyesalkan ulah suporter. Andre menyebut laga itu berat.",
    ) == ["Andre Gomes da Costa", "Andre Gomes da Costa"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Sementara itu, Kapolres Sleman AKBP Dimas Arya Wicaksono, S.I.K., M.H., mengatakan garis polisi sudah dipasang.",
        "Dari sisi pemerintah, Direktur Jenderal Perhubungan Darat Kementerian Perhubungan Ir. Dimas Arya "
        "Wicaksono, M.Sc., memastikan tarif tidak naik.",
    ],
)
def test_a_titled_name_with_degrees_after_an_opening_phrase(paragraph: str) -> None:
    assert speakers(paragraph) == ["Dimas Arya Wicaksono"]


@pytest.mark.parametrize("adverb", ["turut", "sebelumnya"])
def test_an_adverb_between_the_subject_and_the_verb(adverb: str) -> None:
    assert speakers(
        "Wakil Ketua DPRD Kota Kendari Ahmad Sulaiman Lamusu memimpin rapat itu.",
        f"Sulaiman {adverb} meminta maaf kepada warga.",
    )[1] == "Ahmad Sulaiman Lamusu"


@pytest.mark.parametrize("verb", ["menaksir", "menargetkan", "menyesalkan"])
def test_more_verbs_of_saying(verb: str) -> None:
    assert speakers(f"Ketua Paguyuban Nelayan Darmono Saputro {verb} kerugian nelayan mencapai Rp2 miliar.") == [
        "Darmono Saputro"
    ]


def test_a_province_after_a_body_is_no_part_of_the_name() -> None:
    readings = read(
        [
            "Ketua Asosiasi Pengusaha Kopi dan Kakao Indonesia (APKKI) Bengkulu Ridwan Hakim Nasution, yang akrab "
            "disapa Iwan, mengatakan harga kopi naik.",
            "“Permintaan dari luar negeri tinggi,” kata Iwan.",
        ]
    )
    assert [r.speaker.name for r in readings if r.speaker] == ["Ridwan Hakim Nasution"] * 2
