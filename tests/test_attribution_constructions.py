"""Constructions of real Indonesian wire news that attribution must read, one test each, in sentences of our own:
lists introduced with a colon, bodies spoken for by their staff, titled names between an opening phrase and
degrees, provinces before a name, long body names closed by their short form."""

from __future__ import annotations

import pytest

from qa.attribution import Speaker, read


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
        "Sementara itu, Kapolres Sleman AKBP Dimas Arya Wicaksono, S.I.K., M.H., mengatakan garis polisi "
        "sudah dipasang.",
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


@pytest.mark.parametrize("noun", ["Perusahaan", "Perseroan"])
def test_a_bare_body_noun_is_the_body_talked_about(noun: str) -> None:
    assert speakers(
        "PT Tirta Sejahtera Abadi mengumumkan kenaikan tarif air.",
        f"{noun} juga menyatakan akan membantu warga yang tidak mampu. “Kami sudah menyiapkan subsidi,” tulis "
        "manajemen dalam keterangan itu.",
    ) == ["PT Tirta Sejahtera Abadi"] * 2


def test_a_title_word_after_a_bodys_word_is_part_of_the_bodys_name() -> None:
    assert speakers(
        "Direktorat Jenderal Bina Marga Kementerian PU dalam keterangan tertulis menyatakan jalan itu selesai."
    ) == ["Direktorat Jenderal Bina Marga Kementerian PU"]


def test_a_short_form_is_of_the_words_whose_initials_it_spells() -> None:
    # Not of the regional office written before them, and an acronym of two words is a short form too.
    assert speakers(
        "Kepala Kantor Wilayah II Badan Pertanahan Nasional (BPN) Medan, Rudi Hartono Lubis, mengatakan "
        "sertifikat dibagikan pekan depan.",
        "BPN dalam keterangan tertulis mengimbau warga tidak memakai calo.",
        "Ketua Bidang Organisasi Pengurus Pusat Ikatan Dokter Anak Indonesia (PP IDAI), Sri Wahyuni Lestari, "
        "menilai imunisasi harus dikejar.",
        "PP IDAI dalam keterangan tertulis menyebutkan cakupan imunisasi turun.",
    )[1::2] == ["Badan Pertanahan Nasional", "Pengurus Pusat Ikatan Dokter Anak Indonesia"]


def test_a_company_keeps_its_legal_form_and_its_initials_name_it() -> None:
    assert speakers(
        "Pihak PT Pelayaran Nasional Indonesia (Persero) menyampaikan permohonan maaf.",
        "“Jadwal kapal kembali normal besok,” kata PT PNI dalam keterangannya.",
    ) == ["PT Pelayaran Nasional Indonesia (Persero)"] * 2


def test_a_name_spelt_two_ways_is_one_person_but_a_hyphenated_pair_is_not_a_short_form() -> None:
    assert speakers(
        "Warga Desa Sumberrejo, Yusuf Hidayatullah, menilai jalan itu berbahaya.",
        "“Sudah tiga motor jatuh di sini,” kata Yusup Hidayatullah.",
    ) == ["Yusuf Hidayatullah"] * 2
    assert speakers(
        "Pasangan calon nomor urut 1, Bambang Sutejo-Ani Marlina, mendaftar ke KPU.",
        "Calon bupati nomor urut 1, Bambang Sutejo, menegaskan timnya siap.",
    )[1] == "Bambang Sutejo"


def test_a_press_conference_at_a_place_is_where_not_who() -> None:
    assert speakers("Hal itu disampaikan dalam konferensi pers di Aula Mapolres Bantul, Senin.") == [None]


def test_a_law_and_its_title_name_nobody() -> None:
    assert speakers(
        "Kepala Seksi Pidana Khusus Kejari Bantul, Ahmad Rifai Nasution, mengatakan berkas perkara sudah lengkap.",
        "Tersangka dijerat Undang-Undang Nomor 31 Tahun 1999 tentang Pemberantasan Tindak Pidana Korupsi. "
        "“Ancamannya 20 tahun penjara,” tegasnya.",
    ) == ["Ahmad Rifai Nasution"] * 2


def test_and_inside_an_office_after_an_inverted_cue() -> None:
    assert speakers(
        "“Kasus pertama kami terima akhir Oktober,” kata Kepala Bidang Pencegahan dan Pengendalian Penyakit Dinas "
        "Kesehatan Kabupaten Garut dr. Wulan Sari Kusumawati, M.Kes., saat dihubungi, Jumat."
    ) == ["Wulan Sari Kusumawati"]


def test_a_regent_of_a_place_the_article_names_as_a_place_is_no_person_called_so() -> None:
    assert speakers(
        "Banjir merendam tiga kecamatan di Kabupaten Pandeglang.",
        "Bupati Pandeglang mengatakan bantuan segera dikirim.",
    ) == [None, "Bupati Pandeglang"]


def test_a_pronoun_opening_the_next_paragraph_is_the_last_speaker_of_the_one_before() -> None:
    assert speakers(
        "Menurut Hendra Wijaya, pengamat kesehatan, vaksinasi harus dipercepat. Kepala Puskesmas Cibadak, "
        "Lestari Handayani, sebelumnya menyebut stok vaksin cukup.",
        "“Putaran kedua kami mulai Senin,” sebutnya.",
    ) == ["Hendra Wijaya", "Lestari Handayani"]


def test_a_one_word_name_with_a_trade_is_a_person_and_speaks_first() -> None:
    assert speakers(
        "Sukarti (49), penjual gorengan di depan pasar, mengatakan dagangannya laris.",
        "Sukarti berharap pasar malam digelar lagi. Harapan itu disambut Lurah Sidomulyo Bambang Irawan, yang "
        "menyebut acara serupa akan digelar Juni.",
    ) == ["Sukarti", "Sukarti"]


def test_a_place_named_in_a_description_does_not_bring_back_someone_sharing_a_word_with_it() -> None:
    assert speakers(
        "Bantuan menjangkau kecamatan perbatasan seperti Badau dan Lanjak Deras.",
        "Maria Goreti Lusia (21), mahasiswi keperawatan, termasuk penerima beasiswa. Anak petani dari Desa "
        "Nanga Lanjak itu mengaku bantuan dipakai untuk uang kuliah.",
    ) == [None, "Maria Goreti Lusia"]


def test_a_role_only_office_is_named_again_by_its_title() -> None:
    assert speakers(
        "Kepada wartawan, kepala sekolah SMA Negeri 3 Sukabumi menampik semua tuduhan itu.",
        "Ia lalu pergi. “Tidak boleh diberitakan,” kata kepala sekolah.",
    ) == ["Kepala sekolah SMA Negeri 3 Sukabumi"] * 2


def test_a_lowercase_office_of_a_named_body_with_no_holder_is_a_role_only_speaker() -> None:
    readings = read(
        [
            "Sementara itu, koordinator relawan Palang Merah Indonesia (PMI) Kota Palu mengatakan air bersih "
            "sudah disalurkan. “Kami juga membuka dapur umum,” katanya."
        ]
    )
    assert readings[0].speaker.name == "Koordinator relawan Palang Merah Indonesia (PMI) Kota Palu"
    assert {s.speaker for s in readings[0].sentences} == {readings[0].speaker.name}


# --- constructions read in real Indonesian news (sentences of our own) ----------------------------------------


def test_a_place_the_article_is_filed_from_or_names_after_di_is_no_first_name() -> None:
    assert speakers(
        "SUMEDANG, KOMPAS.com - Logistik pemilu mulai dikirim ke kecamatan.",
        "Ketua KPU Sumedang Asep Kurniawan Hidayat mengatakan logistik sudah lengkap.",
    )[1] == "Asep Kurniawan Hidayat"
    assert speakers(
        "Gudang logistik di Subang, kata petugas, sudah penuh.",
        "Ketua KPU Subang Dedi Rusmana Putra mengatakan pengiriman ditunda.",
    )[1] == "Dedi Rusmana Putra"


def test_selaku_puts_the_office_after_the_name() -> None:
    readings = read(["AKBP Yoga Pratama Nugraha selaku Kapolres Wonogiri menjelaskan pelaku sudah ditahan."])
    assert (readings[0].speaker.name, readings[0].speaker.role) == ("Yoga Pratama Nugraha", "Kapolres Wonogiri")


def test_kata_dia_inside_a_sentence_with_no_comma_before() -> None:
    assert speakers(
        "Kapolsek Wuryantoro AKP Slamet Riyanto membenarkan kejadian itu.",
        "Adapun kejadiannya kata dia, bermula dari pertengkaran di pasar.",
    ) == ["Slamet Riyanto"] * 2


def test_a_description_closed_by_ini_points_back() -> None:
    assert speakers(
        "Kepala Bidang Humas Polda Jambi Kombes Andika Putra Siregar membenarkan penangkapan itu.",
        "“Motifnya masih kami dalami,” tutur mantan Kapolres Bungo ini.",
    ) == ["Andika Putra Siregar"] * 2


def test_a_name_then_its_office_in_lowercase_with_no_comma() -> None:
    readings = read(["Kombes Lestari Ayu Simanjuntak kabid humas polda Riau mengatakan tujuh saksi diperiksa."])
    assert (readings[0].speaker.name, readings[0].speaker.role) == ("Lestari Ayu Simanjuntak", "kabid humas polda Riau")


@pytest.mark.parametrize(
    ("paragraph", "name", "role"),
    [
        (
            "“Korban sudah kami identifikasi,” ujar Kepala Bidang Kedokteran dan Kesehatan Polda Bali Komisaris "
            "Besar Polisi Made Arta Wijaya.",
            "Made Arta Wijaya",
            "Kepala Bidang Kedokteran dan Kesehatan Polda Bali",
        ),
        (
            "Brigadir Polisi Satu Yogi Saputra Ramadhan, anggota Polsek Ciawi, mengaku melihat kejadian itu.",
            "Yogi Saputra Ramadhan",
            "anggota Polsek Ciawi",
        ),
        ("Wakapolres Kediri Kompol Ratih Kusumawardani mengatakan posko dibuka.", "Ratih Kusumawardani",
         "Wakapolres Kediri"),
        ("Kapolri Jenderal Polisi Andi Wirawan Saputra mengatakan pengamanan diperketat.", "Andi Wirawan Saputra",
         "Kapolri"),
        ("Menkes Budi Santoso Wibowo mengatakan stok vaksin cukup.", "Budi Santoso Wibowo", "Menkes"),
    ],
)
def test_a_rank_written_out_is_no_office_and_no_part_of_the_name(paragraph: str, name: str, role: str) -> None:
    readings = read([paragraph])
    assert (readings[0].speaker.name, readings[0].speaker.role) == (name, role)


@pytest.mark.parametrize("title", ["Letkol Inf.", "Dra.", "Muh."])
def test_a_corps_a_title_or_a_first_name_abbreviated_before_a_name_ends_no_sentence(title: str) -> None:
    readings = read([f"Dandim 0809/Kediri {title} Agus Salim Harahap mengatakan prajurit dikerahkan."])
    assert len(readings[0].sentences) == 1 and readings[0].speaker.name == "Agus Salim Harahap"


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ("Pj Bupati Ciamis Engkus Sutisna Wijaya mengatakan status darurat diperpanjang.", "Engkus Sutisna Wijaya"),
        ("Kepada wartawan, Camat Cisarua Yudi Permana Putra menjelaskan jalur ditutup.", "Yudi Permana Putra"),
        ("Gubernur Jawa Timur Khofifah Indar Parawansa mengatakan sekolah libur.", "Khofifah Indar Parawansa"),
    ],
)
def test_a_territorys_head_is_followed_by_the_territory(paragraph: str, name: str) -> None:
    # A head of a territory is named with it: of three words or more after the title, the first is the place.
    assert speakers(paragraph) == [name]


def test_by_the_account_of_someone() -> None:
    assert speakers("Menurut keterangan Kepala Desa Cikole, Asep Sunandar Wijaya, longsor terjadi malam hari.") == [
        "Asep Sunandar Wijaya"
    ]


def test_an_english_body_name_closed_by_its_short_form_before_the_person() -> None:
    assert speakers(
        "Ekonom Center for Research on Public Policy (CRPP) Indonesia Tauhid Ahmad Saputra menilai inflasi "
        "terkendali."
    ) == ["Tauhid Ahmad Saputra"]


def test_luar_is_a_field_of_an_office() -> None:
    assert speakers("Juru Bicara Kementerian Luar Negeri Rolliansyah Soemirat mengatakan WNI selamat.") == [
        "Rolliansyah Soemirat"
    ]


def test_a_bodys_short_form_is_its_long_name_with_the_place_after_it() -> None:
    assert speakers(
        "Pemerintah Kabupaten (Pemkab) Sintang, Kalimantan Barat, membuka pendaftaran beasiswa.",
        "Pemkab Sintang dalam keterangan tertulis menyebutkan kuota ditambah.",
        "Pemerintah Kota Solok juga mengimbau warga menjaga kebersihan. “Buang sampah pada tempatnya,” tulis "
        "Pemkot Solok di akun Instagram resminya.",
    )[1:] == ["Pemerintah Kabupaten Sintang", "Pemerintah Kota Solok"]


def test_a_body_then_the_one_it_belongs_to_is_the_body() -> None:
    assert speakers(
        "Badan Pengelola Transportasi Jabodetabek (BPTJ) Kementerian Perhubungan dalam keterangan tertulis "
        "menyebutkan tarif tidak naik."
    ) == ["Badan Pengelola Transportasi Jabodetabek"]


def test_a_bodys_office_written_around_its_short_form() -> None:
    assert speakers(
        "Kantor Perwakilan Bank Indonesia (BI) Provinsi Bengkulu dalam keterangan tertulis memperkirakan inflasi "
        "terkendali."
    ) == ["Kantor Perwakilan Bank Indonesia Provinsi Bengkulu"]


def test_an_inverted_cue_after_an_opening_adverb() -> None:
    assert speakers(
        "Ketua Forum Nelayan Wahyudi Santoso mengatakan aturan itu memberatkan.",
        "Kemudian lanjut Wahyudi, nelayan kecil paling dirugikan.",
    ) == ["Wahyudi Santoso"] * 2


def test_a_quotation_with_no_opening_mark_starts_after_the_writers_report_of_it() -> None:
    readings = read(
        [
            "Ketua RT 03 Desa Sukorejo, Parman, mengaku tidak curiga. Menurut dia, penghuni rumah itu jarang keluar. "
            "Kami kira mereka pedagang. Mulai sekarang tamu wajib lapor,” tegas Parman."
        ]
    )
    assert [s.kind for s in readings[0].sentences] == ["reported", "reported", "direct", "direct"]


def test_a_speech_verb_in_the_first_person_is_inside_the_unopened_quotation() -> None:
    readings = read(["Klien kami tidak pernah meminta uang. Itu akan kami buktikan,” kata Antonius Siregar."])
    assert [s.kind for s in readings[0].sentences] == ["direct", "direct"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Disebutkan dalam keterangan tertulis stasiun tersebut, hujan lebat masih mungkin terjadi.",
        "“Kami memantau gelombang setiap jam,” tulis stasiun itu di akun resminya.",
    ],
)
def test_a_body_pointed_back_at_after_a_document_or_a_cue(paragraph: str) -> None:
    assert speakers("Stasiun Meteorologi Maritim Tanjung Emas memperingatkan gelombang tinggi.", paragraph) == [
        "Stasiun Meteorologi Maritim Tanjung Emas"
    ] * 2


@pytest.mark.parametrize(
    ("lead", "later", "name", "role"),
    [
        (
            "Direktur Utama PT Sinar Bahari Nusantara Hendra Wijaya mengatakan kapal berangkat.",
            "Hendra menambahkan, tiket habis.",
            "Hendra Wijaya",
            "Direktur Utama PT Sinar Bahari Nusantara",
        ),
        (
            "Direktur Utama Perumda Tirta Kencana Rino Indra Gunawan mengatakan pasokan normal.",
            "“Pipa sudah diganti,” kata Rino.",
            "Rino Indra Gunawan",
            "Direktur Utama Perumda Tirta Kencana",
        ),
    ],
)
def test_a_bodys_name_run_into_its_heads_splits_where_the_article_calls_someone(
    lead: str, later: str, name: str, role: str
) -> None:
    assert {(r.speaker.name, r.speaker.role) for r in read([lead, later])} == {(name, role)}


def test_one_of_a_group_named_after_a_comma() -> None:
    assert speakers(
        "Sejumlah warga mengeluhkan bau sampah. “Sudah seminggu tidak diangkut,” kata salah seorang warga, "
        "Ujang Suryana (40)."
    ) == ["Ujang Suryana"]


def test_an_aside_on_where_the_words_were_reported_is_no_role() -> None:
    readings = read(["Menteri Pertanian Budi Santoso Wibowo, seperti dikutip dari Antara, mengatakan stok beras aman."])
    assert (readings[0].speaker.name, readings[0].speaker.role) == ("Budi Santoso Wibowo", "Menteri Pertanian")


def test_a_quotation_opening_a_paragraph_with_no_cue_goes_on_from_the_last_speaker() -> None:
    assert speakers(
        "Ketua Koperasi Unit Desa Sumber Rejeki, Bambang Irawan, mengatakan panen naik. Sementara itu, petani "
        "Desa Kalibening, Sutarmi Handayani, menilai harga gabah masih rendah.",
        "“Kalau begini terus, kami rugi. Pupuk saja sudah mahal.”",
    ) == ["Bambang Irawan", "Sutarmi Handayani"]


@pytest.mark.parametrize("cue", ["bebernya", "urainya", "pintanya", "ajaknya", "pesannya", "imbaunya", "sergahnya"])
def test_more_inverted_cues_after_a_quote(cue: str) -> None:
    assert speakers(
        "Kepala Dinas Pertanian Kabupaten Blora, Ngaliman Santoso, meninjau sawah yang kering.",
        f"“Petani jangan menanam padi dulu sebelum hujan turun,” {cue}.",
    )[1] == "Ngaliman Santoso"


@pytest.mark.parametrize("verb", ["menganggap", "berpesan", "menampik", "mengusulkan", "menjanjikan"])
def test_more_verbs_of_saying_before_their_words(verb: str) -> None:
    assert speakers(f"Ketua Paguyuban Pedagang Sutrisno Hadi {verb} relokasi pasar dibahas ulang.") == [
        "Sutrisno Hadi"
    ]


def test_a_quotation_left_open_is_spoken_by_whoever_closes_it_in_the_next_paragraph() -> None:
    readings = read(
        [
            "Camat Sukaraja Heri Kurniawan meninjau tanggul yang jebol.",
            "“Kami akan bangun tanggul baru. Tahun depan anggarannya masuk.",
            "Warga diminta bersabar dulu,” kata Heri.",
        ]
    )
    assert [r.speaker and r.speaker.name for r in readings] == [None, "Heri Kurniawan", "Heri Kurniawan"]
    assert {(s.kind, s.rule) for s in readings[1].sentences} == {("direct", "quote-closed-later")}


def test_what_someone_was_describes_the_person_talked_about() -> None:
    assert speakers(
        "Bupati Sumedang Dony Ahmad Munir mengatakan pelantikan berjalan lancar.",
        "Untuk jabatan yang kosong, mantan advokat ini menerangkan bahwa seleksi terbuka akan digelar.",
    ) == ["Dony Ahmad Munir"] * 2


@pytest.mark.parametrize("subject", ["Pihaknya", "Dirinya"])
def test_pihaknya_and_dirinya_are_the_person_talked_about(subject: str) -> None:
    assert speakers(
        "Kapolres Klaten AKBP Warsono Adi Putra mengatakan pelaku masih dicari.",
        f"{subject} juga menghimbau warga tidak main hakim sendiri.",
    ) == ["Warsono Adi Putra"] * 2


def test_a_clitic_cue_set_off_by_a_comma_inside_a_sentence() -> None:
    assert speakers(
        "Kepala Pelaksana BPBD Kabupaten Bone, Andi Saharuddin Yusuf, mengatakan enam desa terdampak.",
        "Saat ini katanya, petugas masih mencari lokasi dapur umum.",
    ) == ["Andi Saharuddin Yusuf"] * 2


def test_a_role_with_no_comma_to_close_it_before_the_verb() -> None:
    readings = read(["Sulastri Wulandari, korban banjir mengatakan, air mulai masuk rumah sejak Senin siang."])
    assert (readings[0].speaker.name, readings[0].speaker.role) == ("Sulastri Wulandari", "korban banjir")


@pytest.mark.parametrize("between", ["dengan lugas", "sambil menunjuk peta", "langsung"])
def test_a_manner_between_the_subject_and_its_verb(between: str) -> None:
    assert speakers(f"Jaksa Penuntut Umum Chandra Wibisono {between} menyatakan keberatan atas saksi itu.") == [
        "Chandra Wibisono"
    ]


@pytest.mark.parametrize(
    "before", ["PT Wijaya Beton Nusantara menargetkan kontrak baru Rp5 triliun.", "Harga saham naik."]
)
def test_a_paragraph_of_quotation_summed_up_by_the_next(before: str) -> None:
    readings = read(
        [
            before,
            "“Untuk laba masih kami evaluasi.”",
            "Demikian disampaikan Direktur Utama PT Wijaya Beton Nusantara, Hadian Pramudita, dalam konferensi pers.",
        ]
    )
    assert [r.speaker.name for r in readings[1:]] == ["Hadian Pramudita"] * 2
    assert readings[1].sentences[0].kind == "direct"


def test_a_name_after_the_comma_then_where_it_was_said() -> None:
    readings = read(
        [
            "“Target laba tahun ini tercapai,” ujar Direktur Operasi PT Logam Nusantara, Danu Prasetyo di Batang, "
            "Jawa Tengah, Kamis."
        ]
    )
    speaker = readings[0].speaker
    assert (speaker.name, speaker.role) == ("Danu Prasetyo", "Direktur Operasi PT Logam Nusantara")


def test_a_title_after_a_body_that_is_no_unit_is_still_a_title() -> None:
    assert speakers("Ketua Majelis Hakim Eko Prasetyo Nugroho mengatakan sidang ditunda pekan depan.") == [
        "Eko Prasetyo Nugroho"
    ]


def test_a_passive_cue_with_no_agent_opening_a_sentence_is_the_person_talked_about() -> None:
    assert speakers(
        "Kepala Stasiun Geofisika Sleman, Daryanto Sutrisno, mengatakan guncangan dirasakan di Bantul.",
        "Dijelaskan, jika ditinjau dari kedalamannya, gempa itu merupakan gempa menengah.",
    ) == ["Daryanto Sutrisno"] * 2


def test_the_body_a_role_is_held_at_then_the_name() -> None:
    paragraph = "Pengamat ekonomi dari Universitas Sumatera Utara Hendra Saputra Lubis menilai inflasi terkendali."
    speaker = read([paragraph])[0].speaker
    assert (speaker.name, speaker.role) == ("Hendra Saputra Lubis", "Pengamat ekonomi dari Universitas Sumatera Utara")
    # a market is where a trader works, no body: the role-only speaker keeps it
    assert speakers("“Harga naik lagi,” kata seorang pedagang cabai di Pasar Kramat Raya.") == [
        "Pedagang cabai di Pasar Kramat Raya"
    ]


# --- constructions the d1 batch met the code with (sentences of our own) ---------------------------------------


def test_hakim_ketua_is_one_office_before_the_name() -> None:
    paragraph = "“Terdakwa terbukti bersalah,” kata Hakim Ketua Wulan Sari Pertiwi, S.H., M.H., di Semarang."
    assert speakers(paragraph) == ["Wulan Sari Pertiwi"]


def test_degrees_written_without_stops_after_the_name() -> None:
    assert speakers(
        "Kepala Bidang P2P Dinkes Kota Madiun, Arif Budi Santoso, SKM, M.Epid, menambahkan kontak erat dipantau."
    ) == ["Arif Budi Santoso"]


def test_a_body_reporting_in_its_own_document_and_a_company_named_around_its_short_form() -> None:
    assert speakers(
        "Badan Pusat Statistik (BPS) Provinsi Jambi dalam Berita Resmi Statistik yang dirilis Senin menyebutkan "
        "inflasi naik.",
        "Perusahaan Umum Daerah (Perumda) Pasar Kliwon dalam keterangan resminya menyebut pasar diasuransikan.",
    ) == ["Badan Pusat Statistik Provinsi Jambi", "Perusahaan Umum Daerah Pasar Kliwon"]


def test_a_rank_later_in_the_sentence_takes_no_name_from_the_titled_person_before_it() -> None:
    readings = read(
        [
            "Bupati Sukamaju Hartono Wibisono Adi meninjau lokasi didampingi Dandim 0712/Sukamaju Letkol Inf Bayu "
            "Saputra Nugraha. Hartono sempat berbincang dengan pedagang.",
            "Hartono menjanjikan pasar darurat. “Kami kerahkan 80 personel,” kata Bayu.",
        ]
    )
    assert [s.speaker for s in readings[1].sentences] == ["Hartono Wibisono Adi", "Bayu Saputra Nugraha"]
    assert readings[1].speaker.role == "Dandim 0712/Sukamaju"


@pytest.mark.parametrize(
    "introduced",
    [
        "Darsono (48), nakhoda kapal pancing asal Kelurahan Lapulu, sudah enam hari menambatkan kapalnya.",
        "Di tengah puing-puing, Darsono, 48 tahun, nakhoda kapal pancing, mengais sisa barangnya.",
    ],
)
def test_someone_introduced_with_an_age_and_any_role_is_the_pronouns_person(introduced: str) -> None:
    assert speakers(
        "Kepala Dinas Perikanan Kota Kendari, La Ode Budiman Syarif, mengatakan kuota solar dikurangi.",
        f"{introduced} Ia mengaku terpaksa membeli solar eceran.",
    )[1] == "Darsono"


def test_a_body_under_its_short_form_is_named_as_the_article_spells_it_out() -> None:
    assert speakers(
        "“Tiga anak meninggal,” kata Kepala Dinas Kesehatan Kabupaten Sukadana, Retno Wulandari Putri.",
        "Pemerintah Kabupaten Sukadana telah menetapkan status KLB sejak Senin.",
        "Pemkab Sukadana dalam rilisnya menyebut dana darurat disiapkan. Dinkes Sukadana juga mengimbau warga "
        "memakai masker.",
    )[2] == "Pemerintah Kabupaten Sukadana"
    assert speakers(
        "“Tiga anak meninggal,” kata Kepala Dinas Kesehatan Kabupaten Sukadana, Retno Wulandari Putri.",
        "Dinkes Sukadana juga mengimbau warga memakai masker.",
    )[1] == "Dinas Kesehatan Kabupaten Sukadana"


def test_someones_agent_is_a_role_not_a_name_with_theirs() -> None:
    assert speakers(
        "Penyerang Persikab, Muhammad Rizal Anugrah, yang akrab disapa Ical, mengaku senang.",
        "Agen Ical, Dimas Harjono, memastikan kontrak itu memuat klausul pelepasan.",
        "Ical sendiri menargetkan sepuluh gol musim ini.",
    ) == ["Muhammad Rizal Anugrah", "Dimas Harjono", "Muhammad Rizal Anugrah"]


@pytest.mark.parametrize("sentence", ["Ia kini berjanji membawa anaknya berobat.", "Ia mempersilakan kami melapor."])
def test_kini_and_mempersilakan(sentence: str) -> None:
    assert speakers("Seorang ibu, Rohani Siregar (34), datang ke puskesmas.", sentence)[1] == "Rohani Siregar"


def test_a_given_name_that_also_qualifies_a_title_is_still_a_name() -> None:
    # "Agung" of "Jaksa Agung" opens many a name: the union head below is no title.
    assert speakers(
        "Ketua Serikat Pekerja PT Tenun Makmur, Agung Prasetyo Widodo, mengatakan pesangon belum dibayar.",
        "“Kami hanya menuntut hak,” kata Agung seusai rapat.",
    ) == ["Agung Prasetyo Widodo", "Agung Prasetyo Widodo"]


def test_a_place_is_no_one_a_description_can_mean() -> None:
    # "Warga Cibitung itu" is the victim just quoted, not the regency named in the sentence before.
    assert speakers(
        "Salah satu korban, Ratna Wulandari, mengaku kehilangan Rp 40 juta.",
        "Penipuan itu dilaporkan ke polisi di Kabupaten Bekasi pekan lalu.",
        "Warga Cibitung itu menuturkan, ia sudah tiga kali menagih ke rumah pelaku.",
    ) == ["Ratna Wulandari", None, "Ratna Wulandari"]


def test_a_judges_question_and_a_witness_answer_in_one_paragraph_are_the_witness_paragraph() -> None:
    readings = read(
        [
            "Hakim ketua Rudi Hartono membuka sidang dengan memeriksa saksi Sri Wahyuni.",
            "“Saudari kenal dengan terdakwa?” tanya Rudi. “Kenal, Yang Mulia. Dia tetangga saya sejak lama dan "
            "sering menawarkan arisan kepada kami semua,” jawab Sri.",
        ]
    )
    first, answer = readings[1].sentences[0], readings[1].sentences[-1]
    assert (first.speaker, first.cue) == ("Rudi Hartono", "tanya")
    assert answer.speaker == "Sri Wahyuni" and readings[1].speaker.name == "Sri Wahyuni"


def test_a_description_gives_its_person_a_name_with_bernama() -> None:
    assert speakers(
        "Seorang warga bernama Siti Aminah mengatakan air datang dalam hitungan menit.",
        "“Kami kehilangan semuanya,” kata kuasa hukum bernama Budi Santoso, S.H., M.H., itu kepada wartawan.",
    ) == ["Siti Aminah", "Budi Santoso"]


def test_someone_known_by_role_first_is_the_person_named_later_with_that_role() -> None:
    # "kuasa hukum terdakwa" speaks a paragraph before the article names the lawyer.
    assert speakers(
        "Seusai sidang, kuasa hukum terdakwa membantah kliennya berniat menipu.",
        "“Ini perkara perdata,” kata kuasa hukum bernama Parlin Siregar, S.H., itu.",
    ) == ["Parlin Siregar", "Parlin Siregar"]


def test_a_cue_word_ending_the_paragraph_names_no_one() -> None:
    # Found by the fuzz test: "Terang" (a cue, "terangnya") with nothing after it.
    assert speakers("biaya, Terang") == [None]


def test_someone_brought_in_with_an_age_is_whom_the_next_pronoun_means() -> None:
    # The one named after them in the same sentence (her son, a place) is not.
    assert speakers(
        "Kepala Basarnas Pos Lawu, Teguh Prasetyo, mengatakan pencarian dilanjutkan besok pagi.",
        "Sementara itu, Wartini (51), ibu Bagas, menunggu di posko bersama adik Bagas. Ia berharap anaknya "
        "segera pulang.",
        "Yuliana (39), warga RT 03 Dusun Kali Rejo Hilir, rumahnya rusak diterjang angin. Ia mengatakan atapnya "
        "terbang sekitar pukul 03.00 WIB.",
    ) == ["Teguh Prasetyo", "Wartini", "Yuliana"]


def test_an_age_makes_a_person_whatever_the_role_opens_with() -> None:
    # "operator" opens a company's role too ("operator seluler"); with an age it is someone's trade.
    assert speakers(
        "Ketua serikat pekerja, Darmawan Putra, mengatakan buruh menuntut kenaikan 10 persen.",
        "Sulastri (29), operator mesin di sebuah pabrik sepatu, ikut berunjuk rasa. Ia mengaku sudah lima tahun "
        "menjadi pekerja kontrak.",
    ) == ["Darmawan Putra", "Sulastri"]


def test_a_person_named_with_an_age_at_the_end_of_a_sentence_is_the_one_described_next() -> None:
    assert speakers(
        "Kapolsek Tamalate AKP Rusdi Hamzah mengatakan tiga orang diamankan.",
        "Salah satu warga yang rumahnya dibongkar ialah Marni (47). Perempuan yang berjualan sayur itu mengaku "
        "sudah tinggal di sana sejak 1990.",
    ) == ["Rusdi Hamzah", "Marni"]


def test_a_year_in_parentheses_is_no_age() -> None:
    readings = read(
        [
            "Kepala Dinas Pendidikan, Hartono Wibisono, mengatakan aturan itu berlaku tahun depan.",
            "Aturan itu merujuk Permendikbud (2019), yang kini direvisi. Ia mengatakan sekolah sudah diberi tahu.",
        ]
    )
    assert [r.speaker and r.speaker.name for r in readings] == ["Hartono Wibisono", "Hartono Wibisono"]


def test_a_professional_credential_after_the_name_is_no_name() -> None:
    assert speakers(
        "Kepala riset PT Mega Kapital Sekuritas Rudi Hartanto, CFA, menilai laba bank itu di atas perkiraan.",
        "Kendati demikian, Rudi mengingatkan biaya dana bisa naik.",
    ) == ["Rudi Hartanto", "Rudi Hartanto"]


def test_a_court_clerk_with_the_court_and_its_place_before_the_name() -> None:
    assert speakers(
        "Juru sita mendatangi rumah warga di Kabupaten Maros sejak pagi.",
        "Panitera Pengadilan Negeri (PN) Maros Andi Baso Rahman, S.H., mengatakan eksekusi sesuai putusan.",
        "Menurut Rahman, warga sudah diberi teguran dua kali.",
    ) == [None, "Andi Baso Rahman", "Andi Baso Rahman"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("Polda Sulawesi Barat lewat akun Instagram-nya mengumumkan penutupan jalan poros.", "Polda Sulawesi Barat"),
        ("Balai Wilayah Sungai Pemali Juana dalam siaran pers menyebutkan dua tanggul jebol.", "Balai Wilayah Sungai Pemali Juana"),
        ("Seorang saksi dalam perkara pemalsuan ijazah dengan terdakwa Hadi Prasetyo menyatakan dokumen itu asli.", "Saksi"),
    ],
)
def test_the_channel_between_a_subject_and_its_verb_is_no_part_of_it(paragraph: str, speaker: str) -> None:
    assert speakers(paragraph) == [speaker]


def test_a_bare_title_after_someone_of_another_office_is_another_official() -> None:
    # The president director was named last; "Direktur Keuangan" is a colleague the report has not named.
    assert speakers(
        "Direktur Utama PT Sinar Laut Abadi Tbk (SLAB) Hendra Wijaya mengatakan laba perseroan naik 12 persen.",
        "Direktur Keuangan SLAB menjelaskan, dividen akan dibagikan pada Juni.",
    ) == ["Hendra Wijaya", "Direktur Keuangan SLAB"]


def test_a_title_without_a_name_after_someone_with_no_office_is_them() -> None:
    # A name with no office, then a title: the report names its holder first ("Joko … Presiden … mengucapkan").
    assert speakers(
        "Pada Senin, Joko Santoso meresmikan jembatan baru di Desa Karanganyar.",
        "Gubernur Jawa Tengah itu mengatakan jembatan tersebut memangkas waktu tempuh warga.",
    ) == [None, "Joko Santoso"]


def test_someone_known_by_role_is_the_person_the_next_sentence_names_with_it() -> None:
    assert speakers(
        "Kepala Kantor SAR Manado menyebut pencarian dibagi ke dalam dua sektor. Ricky Tumbelaka, kepala kantor "
        "tersebut, menambahkan bahwa penyelam ikut diturunkan.",
    ) == ["Ricky Tumbelaka"]


def test_a_given_name_shared_with_another_persons_name_is_no_office_word() -> None:
    # "Muhammad" also stands inside another name, before "Rusdin": that shows a given name, not a body's word
    # glued to the name, so "Muhammad Arham Kasim" keeps it.
    assert speakers(
        "Kuasa hukum warga, Muhammad Arham Kasim, menyebut putusan itu kemenangan warga.",
        "Kepala Bidang Penataan Dinas Lingkungan Hidup Sulawesi Tenggara La Ode Muhammad Rusdin mengatakan "
        "pihaknya akan mempelajari putusan.",
        "Arham menambahkan, warga akan mengawal eksekusi putusan.",
        "“Kami patuh pada hukum,” kata Rusdin.",
    ) == ["Muhammad Arham Kasim", "La Ode Muhammad Rusdin", "Muhammad Arham Kasim", "La Ode Muhammad Rusdin"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # Javanese honorifics before a name, as "Pak" and "Bu" are
        ("“Sejak kecil saya membuat gerabah,” kata Mbah Partini di stannya.", "Partini"),
        ("Mbak Wulan, penjual jamu di pasar itu, mengatakan harga kunyit naik.", "Wulan"),
        # a Yogyakarta camat is a panewu, with the kapanewon's name before his own
        ("Panewu Kasihan Ahmad Fauzi Nurdin mengatakan pihaknya menurunkan 60 personel.", "Ahmad Fauzi Nurdin"),
        # "berdalih": to argue in one's defence
        ("Direktur PT Data Nusa, Kevin Santoso, berdalih perusahaan butuh waktu memeriksa data.", "Kevin Santoso"),
    ],
)
def test_words_of_regional_news_before_names_and_as_cues(paragraph: str, speaker: str) -> None:
    assert speakers(paragraph) == [speaker]


def test_an_office_given_in_a_relative_clause_is_the_role_and_names_whoever_held_it_before() -> None:
    readings = read(
        [
            "Direktur Keuangan SLAB menjelaskan, dividen dibagikan pada Juni. Rina Kartika, yang menjabat sebagai "
            "direktur keuangan sejak Oktober 2025, menyebut usulan itu dibawa ke rapat pemegang saham.",
        ]
    )
    assert readings[0].speaker == Speaker("Rina Kartika", "direktur keuangan")
    assert {s.speaker for s in readings[0].sentences} == {"Rina Kartika"}


def test_someone_quoted_as_what_they_are_is_the_person_named_with_that_word_next() -> None:
    assert speakers(
        "Warga Desa Routa, Hasmia, mengatakan air sungai kini keruh.",
        "“Kami menghormati putusan, tetapi akan banding,” kata seorang pria yang mendampingi perwakilan perusahaan. "
        "Pria bernama Gregorius Lado itu merupakan kuasa hukum PT Sultra.",
        "Gregorius mengatakan perusahaan sudah menjalankan semua tahapan amdal.",
    ) == ["Hasmia", "Gregorius Lado", "Gregorius Lado"]


def test_someone_quoted_as_what_they_are_and_never_named_keeps_that_description() -> None:
    assert speakers("“Harga cabai naik terus,” kata seorang wanita di Pasar Baru.") == ["Wanita"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Dinas Sosial Kota Bogor memanggil pengelola panti setelah orang tua seorang penghuni mengaku tidak "
        "diizinkan menjenguk anaknya.",
        "Polisi menutup jalan itu karena warga sekitar menyebut tanah di tepi tebing mulai retak.",
        "Ketika Ketua RT Suparman menjelaskan rute evakuasi, sebagian warga sudah berkemas.",
    ],
)
def test_someone_saying_something_in_a_clause_of_time_or_cause_is_background_not_a_quote(paragraph: str) -> None:
    assert speakers(paragraph) == [None]


def test_a_speaker_with_a_time_clause_between_them_and_the_verb_still_speaks() -> None:
    assert speakers("Budi Santoso setelah rapat warga mengatakan bantuan tiba besok.") == ["Budi Santoso"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # a retired officer's rank, "(Purn)", between a long office and the name
        (
            "Direktur Pengamanan Sandi dan Persandian BSSN Marsda TNI (Purn) Arif Gunawan mengatakan audit selesai.",
            Speaker("Arif Gunawan", "Direktur Pengamanan Sandi dan Persandian BSSN"),
        ),
        # one word of a name after a rank is the whole name, not the end of the office
        ("Kepala Basarnas Marsdya TNI Kusworo mengatakan pencarian dilanjutkan.", Speaker("Kusworo", "Kepala Basarnas")),
        ("Kepala BNPB Letjen Suharyo menjelaskan bantuan dikirim.", Speaker("Suharyo", "Kepala BNPB")),
    ],
)
def test_a_rank_before_a_name_leaves_the_office_and_the_name_apart(paragraph: str, speaker: Speaker) -> None:
    assert read([paragraph])[0].speaker == speaker


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # "dan" joining two words of a body's name, one of them no word of the article's
        (
            "Kepala Dinas Pariwisata dan Ekraf Kota Batu Arief Santosa mengatakan kunjungan naik.",
            Speaker("Arief Santosa", "Kepala Dinas Pariwisata dan Ekraf Kota Batu"),
        ),
        # a rank with its corps and retirement, between commas after the office
        (
            "Anggota Komisi I dari Fraksi PDIP, Laksda TNI (Purn) Hasan Basri, mempertanyakan anggaran itu.",
            Speaker("Hasan Basri", "Anggota Komisi I dari Fraksi PDIP"),
        ),
    ],
)
def test_the_name_after_a_long_office_or_a_rank_between_commas(paragraph: str, speaker: Speaker) -> None:
    assert read([paragraph])[0].speaker == speaker


def test_a_name_opening_with_a_short_form_is_a_body_whatever_office_comes_before() -> None:
    # "BKSDA Jambi" is where the head of section works; the man of the next paragraph is the head himself.
    assert speakers(
        "Kepala Seksi Konservasi Wilayah II BKSDA Jambi, Marzuki, mengatakan dua ekor trenggiling itu dilindungi.",
        "Pria yang sudah 15 tahun bertugas di BKSDA itu menjelaskan, satwa itu akan dilepasliarkan.",
    ) == ["Marzuki", "Marzuki"]


def test_highlighting_something_is_saying_it_but_not_in_a_clause_of_since() -> None:
    assert speakers(
        "Anggota Komisi C DPRD Kota Malang, Rina Wulandari, menyoroti minimnya halte di jalur utama.",
        "Rencana itu muncul sejak Ombudsman menyoroti lambatnya layanan izin di kota tersebut.",
    ) == ["Rina Wulandari", None]


def test_a_veterinarians_title_ends_no_sentence() -> None:
    readings = read(["Kepala Dinas Peternakan Boyolali, drh. Sri Wahyuni, mengatakan vaksin tiba pekan depan."])
    assert readings[0].speaker == Speaker("Sri Wahyuni", "Kepala Dinas Peternakan Boyolali")
    assert len(readings[0].sentences) == 1


def test_a_brand_written_as_one_word_is_the_company_named_in_full() -> None:
    # "PT Sinar Padi Makmur atau SinarPadi": the company under its legal name, whichever name speaks.
    assert speakers(
        "Perusahaan rintisan PT Sinar Padi Makmur atau SinarPadi menutup dua gudangnya di Jambi.",
        "Dalam keterangan resmi, manajemen SinarPadi menyatakan keputusan itu diambil setelah evaluasi.",
    ) == [None, "PT Sinar Padi Makmur"]


def test_a_body_with_its_short_form_then_its_ministry_short_form_is_the_body() -> None:
    assert speakers(
        "Pusat Asesmen Pendidikan (Pusmendik) Kemendikbud dalam keterangan tertulis menyatakan ujian diulang.",
    ) == ["Pusat Asesmen Pendidikan"]


@pytest.mark.parametrize("who_called", ["wartawan", "Kompas.com", "Tempo"])
def test_a_clause_of_being_reached_for_comment_keeps_the_speaker_before_it(who_called: str) -> None:
    assert speakers(
        f"Perawat desa Sukamaju, Kecamatan Cibeber, Rini Astuti, saat dihubungi {who_called} mengatakan stok obat cukup.",
        "Polisi bergerak setelah keluarga pasien mengaku kehilangan uang.",
    ) == ["Rini Astuti", None]


@pytest.mark.parametrize(
    ("short", "office"),
    [
        ("Kadinkes Sleman itu", "Kepala Dinas Kesehatan Kabupaten Sleman"),
        ("Kadis DKP Bantul itu", "Kepala Dinas Kelautan dan Perikanan (DKP) Kabupaten Bantul"),
    ],
)
def test_an_office_named_again_by_its_short_form_is_its_holder_not_the_last_speaker(short: str, office: str) -> None:
    assert speakers(
        f"{office}, dr. Wulan Sasmita, M.Kes., mengatakan kasus baru menurun.",
        "Seorang nelayan yang enggan disebut namanya mengatakan solar sulit didapat.",
        f"{short} menambahkan, pemeriksaan akan digelar pekan depan.",
    ) == ["Wulan Sasmita", "Nelayan", "Wulan Sasmita"]


def test_a_body_named_by_its_kind_is_the_last_body_of_that_kind() -> None:
    # the company spoke, then a regulator: "Perusahaan" is still the company, "yayasan" the foundation
    assert speakers(
        "Yayasan Cahaya Bunda dalam keterangan tertulis menyatakan dapur ditutup sementara.",
        "PT Minyak Sentosa Raya menyatakan pasokan ke nelayan aman.",
        "Badan Pengatur Hilir Migas menyatakan kuota sudah ditetapkan.",
        "Perusahaan memastikan stok di terminal cukup untuk dua pekan.",
        "Dalam keterangan yang sama, yayasan menyebut juru masak sudah diperiksa.",
    ) == [
        "Yayasan Cahaya Bunda",
        "PT Minyak Sentosa Raya",
        "Badan Pengatur Hilir Migas",
        "PT Minyak Sentosa Raya",
        "Yayasan Cahaya Bunda",
    ]


def test_a_physicians_fellowship_after_the_degrees_is_no_speaker() -> None:
    assert speakers(
        "Direktur RSUD Sungai Lidah, dr. Benediktus Raya, Sp.PD., FINASIM, mengatakan stok oksigen menipis.",
    ) == ["Benediktus Raya"]


def test_the_management_after_an_authority_was_named_is_the_company() -> None:
    assert speakers(
        "Aplikasi itu beroperasi tanpa izin Otoritas Jasa Keuangan (OJK).",
        "PT Dana Sejahtera Abadi dalam keterangan tertulisnya menyatakan tidak terkait sindikat itu. Perusahaan "
        "telah melapor ke OJK.",
        "Manajemen menyebut sedikitnya 200 aduan masuk ke layanan pelanggan.",
    ) == [None] + ["PT Dana Sejahtera Abadi"] * 2


def test_a_place_set_between_commas_after_an_unnamed_speaker_is_no_part_of_who_speaks() -> None:
    assert speakers(
        "Seorang warga Desa Tanjung Sari, Kecamatan Wolo, yang enggan disebut namanya mengaku anaknya digigit anjing.",
    ) == ["Warga Desa Tanjung Sari"]


@pytest.mark.parametrize(
    ("paragraph", "name", "role"),
    [
        # An office whose name lists its fields before "dan", then the name, with no comma to set them apart.
        (
            "Direktur Perkapalan, Kepelabuhanan, dan Navigasi Kementerian Kelautan Rudi Santoso Harahap menjelaskan "
            "aturan itu berlaku bulan depan.",
            "Rudi Santoso Harahap",
            "Direktur Perkapalan, Kepelabuhanan, dan Navigasi Kementerian Kelautan",
        ),
        (
            "Ketua Umum Asosiasi Pengusaha Pelayaran Sungai, Danau, dan Rawa (Apsedar) Lukas Wenda menyebut tarif "
            "masih tertinggal.",
            "Lukas Wenda",
            "Ketua Umum Asosiasi Pengusaha Pelayaran Sungai, Danau, dan Rawa (Apsedar)",
        ),
        # … and after the verb of a quotation, the name set apart by a comma.
        (
            "“Kami siaga penuh,” kata Kepala Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) Stasiun Sentani, "
            "Siti Rahmawati.",
            "Siti Rahmawati",
            "Kepala Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) Stasiun Sentani",
        ),
        (
            "“Festival digelar pekan depan,” ujar Kepala Dinas Kebudayaan, Pariwisata dan Olahraga Kabupaten "
            "Sleman, Bambang Wiryawan.",
            "Bambang Wiryawan",
            "Kepala Dinas Kebudayaan, Pariwisata dan Olahraga Kabupaten Sleman",
        ),
    ],
)
def test_a_long_office_before_the_name_is_its_role(paragraph: str, name: str, role: str) -> None:
    (reading,) = read([paragraph])
    assert reading.speaker is not None and (reading.speaker.name, reading.speaker.role) == (name, role)


def test_two_people_joined_by_dan_after_a_quotation_are_no_listed_office() -> None:
    (reading,) = read(["“Kami siaga,” kata Kepala Dinas Kesehatan, Agus Salim, dan Ketua DPRD, Ani Lestari."])
    assert reading.speaker == Speaker("Agus Salim", "Kepala Dinas Kesehatan")


@pytest.mark.parametrize(
    ("paragraph", "body"),
    [
        # The short form spells out the words before it: what follows is the body's place, though it reads
        # like a person's name.
        (
            "Kantor Pengawasan dan Pelayanan Bea dan Cukai (KPPBC) Tanjung Wangi dalam keterangannya menyebutkan "
            "kapal itu membawa 40 kilogram sabu.",
            "Kantor Pengawasan dan Pelayanan Bea dan Cukai Tanjung Wangi",
        ),
        # A place's word after the short form ("Kabupaten") names no person.
        (
            "Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Lumajang menyatakan dua warga terluka.",
            "Badan Penanggulangan Bencana Daerah Kabupaten Lumajang",
        ),
    ],
)
def test_a_body_named_around_its_short_form_then_its_place_is_that_body(paragraph: str, body: str) -> None:
    assert speakers("Banjir melanda dua desa di kabupaten itu dan merusak rumah warga.", paragraph) == [None, body]


def test_that_body_after_a_body_spoke_of_another_is_the_one_that_spoke() -> None:
    (reading,) = read(
        [
            "Dalam keterangan tertulisnya, Senin, Badan Pangan Nasional menyatakan stok beras aman di sebagian "
            "besar gudang Koperasi Tani Makmur. Lembaga itu juga meminta pedagang tidak menimbun beras."
        ]
    )
    assert [s.speaker for s in reading.sentences] == ["Badan Pangan Nasional"] * 2


def test_a_verb_of_saying_after_untuk_is_a_purpose_and_the_list_goes_on() -> None:
    assert speakers(
        "Kepala Dinas Perhubungan, Rahmat Hidayat, menyebut ada dua tahap sebelum jembatan dibuka lagi, yaitu:",
        "Pertama, pengangkatan bangkai truk dari badan jembatan dengan alat berat.",
        "Kedua, uji beban oleh tim teknis untuk memastikan tidak ada retakan baru pada rangka jembatan.",
    ) == ["Rahmat Hidayat"] * 3


def test_the_airline_named_by_its_kind_is_the_airline_that_was_named() -> None:
    assert speakers(
        "PT Garuda Lintas Nusantara dalam keterangan tertulisnya menyatakan seluruh penumpang selamat.",
        "Maskapai menyebut penumpang penerbangan yang dibatalkan mendapat kompensasi penuh.",
    ) == ["PT Garuda Lintas Nusantara"] * 2


def test_a_title_opening_the_name_after_the_comma_is_no_part_of_it() -> None:
    (reading,) = read(["“Kami masih mengumpulkan data,” kata Kepala Subkomite Investigasi KNKT, Kapten Rudi Hartono."])
    assert reading.speaker == Speaker("Rudi Hartono", "Kepala Subkomite Investigasi KNKT")


def test_a_name_given_after_alias_is_the_same_person() -> None:
    assert speakers(
        "Koordinator suporter, Bambang Sutejo alias Gembong, datang ke stadion bersama puluhan anggotanya.",
        "“Kami hanya minta gaji pemain dibayar,” ujar Gembong.",
    )[1] == "Bambang Sutejo"


def test_a_housing_estate_after_an_unnamed_resident_is_where_the_resident_lives() -> None:
    assert speakers(
        "Seorang warga Perumahan Bukit Indah yang enggan disebut namanya mengaku bau sampah tercium tiap malam.",
    ) == ["Warga Perumahan Bukit Indah"]


@pytest.mark.parametrize("role", ["pelatih kepala", "kapten tim"])
def test_a_role_in_lower_case_after_the_verb_of_a_quotation_then_the_name(role: str) -> None:
    (reading,) = read([f"“Kami sudah sabar tiga bulan,” kata {role}, Rudi Hartono Wibowo."])
    assert reading.speaker == Speaker("Rudi Hartono Wibowo", role)


@pytest.mark.parametrize(
    ("later", "role"),
    [
        ("Rudi mengatakan para pemain sepakat mogok.", "kapten tim"),
        ("Rudi Hartono Wibowo, bek asal Sleman, mengatakan para pemain sepakat mogok.", "bek asal Sleman"),
    ],
)
def test_a_role_before_a_name_in_passing_is_that_persons_unless_the_article_gives_another(later: str, role: str) -> None:
    passing = "Pelatih Bambang Sutejo sempat berbincang dengan kapten tim, Rudi Hartono Wibowo, sebelum latihan batal."
    assert read([passing, later])[1].speaker == Speaker("Rudi Hartono Wibowo", role)


@pytest.mark.parametrize(
    "account",
    [
        "Darmaji mengatakan, nelayan meminta solar dijual langsung di dermaga.",
        "Darmaji menjelaskan bahwa seorang pengurus koperasi menyebut stok baru datang Kamis.",
    ],
)
def test_a_verb_of_saying_inside_someones_account_gives_no_one_a_later_dia(account: str) -> None:
    readings = read(
        [
            "Ketua Kelompok Nelayan Bahari, Darmaji, mengeluhkan antrean solar di SPBU Pantai Baru.",
            f"{account} Menurut dia, antrean sudah terjadi sejak awal bulan.",
            "“Kami tidak bisa melaut kalau begini terus.",
        ]
    )
    assert [r.speaker and r.speaker.name for r in readings] == ["Darmaji"] * 3
    assert {s.speaker for s in readings[1].sentences} == {"Darmaji"}


@pytest.mark.parametrize("rank", ["Kapten", "Mayor"])
def test_a_rank_of_one_word_before_a_name_is_no_part_of_it(rank: str) -> None:
    (reading,) = read([f"Kepala Kantor Syahbandar Kelas II Larantuka {rank} Yosef Dasilva mengatakan kapal ditunda."])
    assert reading.speaker == Speaker("Yosef Dasilva", "Kepala Kantor Syahbandar Kelas II Larantuka")


def test_a_rank_word_before_a_lower_case_word_is_an_office() -> None:
    (reading,) = read(["Kapten tim Persiba, Rudi Hartono Wibowo, mengatakan para pemain siap bertanding."])
    assert reading.speaker == Speaker("Rudi Hartono Wibowo", "Kapten tim Persiba")


def test_the_words_between_commas_after_someone_who_gives_no_name_are_a_place() -> None:
    unnamed = "Seorang pedagang ikan asal Waingapu, Sumba Timur, yang enggan disebut namanya, mengaku rugi."
    named = "Seorang pedagang ikan asal Waingapu, Yosef Dasilva, mengaku rugi."
    assert speakers(unnamed) + speakers(named) == ["Pedagang ikan asal Waingapu", "Yosef Dasilva"]


@pytest.mark.parametrize(
    "body", ["Ikatan Dokter Indonesia Cabang Ende", "Balai Besar Konservasi Sumber Daya Alam Nusa Tenggara Timur"]
)
def test_a_title_word_inside_a_bodys_name_is_the_bodys(body: str) -> None:
    assert speakers(f"{body} menyatakan akan mengirim tim pekan depan.") == [body]


def test_a_role_said_of_a_name_with_merupakan_is_theirs() -> None:
    readings = read(
        [
            "Pria bernama Yosef Tandi itu merupakan kuasa hukum PT Batu Jaya Perkasa.",
            "Yosef mengatakan seluruh izin tambang sudah lengkap.",
        ]
    )
    assert readings[1].speaker == Speaker("Yosef Tandi", "kuasa hukum PT Batu Jaya Perkasa")
