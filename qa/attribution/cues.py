"""Word lists that qa.attribution reads to find who speaks in an Indonesian news paragraph.

Data only, no logic. Every word is lowercase and compared after case and accent folding, because the
synonym spinner capitalises the words it replaces ("Mengucapkan" for "mengatakan") in mid-sentence.
Nothing here is about one article: these are the ordinary cues of Indonesian news writing.
"""

from __future__ import annotations

from qa.resources import data_lines, short_forms

# Quote marks. Curly double quotes nest; a straight double quote toggles. Single curly quotes (‘…’) are
# only ever a quote inside a quote (or a scare-quoted term), never a new speaker, so they are not listed.
OPEN_QUOTES = frozenset("“„«")
CLOSE_QUOTES = frozenset("”»")
STRAIGHT_QUOTE = '"'
SINGLE_QUOTES = frozenset("‘’")
DOUBLE_QUOTES = OPEN_QUOTES | CLOSE_QUOTES | {STRAIGHT_QUOTE}
QUOTE_MARKS = DOUBLE_QUOTES | SINGLE_QUOTES

# Verbs of saying whose subject stands before them: "X mengatakan", "Santoso menambahkan", "X menjawab:".
SPEECH_VERBS = frozenset(
    """
    mengatakan mengatakannya berkata menyatakan menjelaskan menambahkan menegaskan mengungkapkan menyebut
    menyebutkan menilai mengingatkan memperingatkan mengeklaim mengklaim mengumumkan menuturkan memaparkan
    menguraikan menjawab menekankan mengakui mengaku berpendapat menyampaikan membantah menerangkan bercerita
    menceritakan mencontohkan memperkirakan memprediksi mengemukakan menandaskan mengucapkan berujar bertutur
    mengimbau menyarankan mengkritik menanggapi menyimpulkan melanjutkan berbicara menulis meyakini berharap
    mengharapkan menduga mempertanyakan menyayangkan mengajak menyerukan mengisahkan membeberkan mengutarakan
    meminta berjanji mendesak memastikan menjamin menepis membenarkan mengeluhkan mengeluh menyangkal
    mengonfirmasi memprakirakan merinci memerinci menimpali menaksir menargetkan menyesalkan menganggap
    berpesan mewanti-wanti menampik mengusulkan berkisah mengklarifikasi menjanjikan menganjurkan mempersilakan
    menghimbau mengapresiasi menyinggung memuji berdalih menyoroti
    """.split()
)

# "meminta" with these objects is a reporter's request rather than speech: "meminta tanggapan".
REQUEST_VERBS = frozenset("meminta menanyakan".split())
REQUEST_OBJECTS = frozenset("tanggapan komentar konfirmasi keterangan penjelasan".split())

# Cue words that come after the quote or clause, with the speaker after them: "“…,” kata X", ", ujar X".
# They are ordinary words too ("kata lain", "sikap tegas"), so they count only right after a quote or a comma.
INVERTED_CUES = frozenset(
    "kata ujar ucap tutur tegas jelas imbuh tambah ungkap lanjut sebut terang papar pungkas tandas kilah seru "
    "timpal sambung bilang aku tulis jawab keluh harap tutup tukas kenang beber urai pinta ajak pesan cerita "
    "sergah kelakar imbau tanya".split()
)

# The same with the clitic -nya: "“…,” katanya." The speaker is whoever is being talked about.
CLITIC_CUES = frozenset(word + "nya" for word in INVERTED_CUES)
# A synonym spinner's stand-ins for "kata", capitalised, right after a quote: "“…,” Istilah Aini lirih."
# Anywhere else they are ordinary words ("istilah Jawa untuk …"; "istilahnya" is "so to speak").
SPUN_INVERTED_CUES = frozenset("istilah perkataan".split())

# "Menurut X, …" / "…, menurut X." and its clitic "Menurutnya, …".
ACCORDING_TO = "menurut"
ACCORDING_TO_CLITIC = "menurutnya"
# "Menurut keterangan Kepala Desa X, Budi, …": by someone's account, which names them.
ACCOUNT_NOUNS = frozenset("keterangan penjelasan pernyataan penuturan pengakuan".split())

# Passive verbs of saying followed by their agent: "Hal itu disampaikan (oleh) Menteri X."
PASSIVE_CUES = frozenset(
    "disampaikan dikatakan diungkapkan ditegaskan dijelaskan dituturkan diutarakan dipaparkan diterangkan "
    "dinyatakan".split()
)
AGENT_MARKER = "oleh"
# "Disebutkan dalam keterangan tertulis Kementerian X, …": a cue only before "dalam" and the document, whose
# author follows ("yang enggan disebutkan namanya" is no cue).
SOURCE_CUES = frozenset("disebutkan tertulis".split())
SOURCE_MARKER = "dalam"
# "seorang warga bernama Siti": the name a description gives its person.
NAMED = "bernama"

# Words that may stand between a subject and its verb of saying: "Ia juga mengingatkan", "X pun menjawab".
ADVERBS = frozenset(
    "juga pun kemudian lalu pula telah sudah sempat pernah lantas kembali bahkan hanya sendiri justru malah "
    "memang tetap turut sebelumnya sekaligus langsung akhirnya kini "
    # and modals: "Dia berencana meminta …", "Ia akan menegaskan …"
    "akan ingin hendak berencana bakal masih".split()
)

# "…, yang (juga/kini) menjabat (sebagai) direktur keuangan sejak 2025, …": a relative clause giving an office,
# which ends where a time or a place is given.
HOLDS_OFFICE = "menjabat"
CAPACITY_AS = "sebagai"
OFFICE_CLAUSE_ASPECTS = frozenset("juga kini saat ini masih sudah pernah".split())
OFFICE_CLAUSE_ENDS = frozenset("sejak hingga sampai selama pada di".split())

# Words that end a subject looking backwards from its verb: "… yang umumnya berpendapat" has no named subject.
CLAUSE_OPENERS = frozenset(
    """
    dan tetapi tapi namun sementara sedangkan yang bahwa karena sehingga serta atau ketika saat setelah sebelum
    meski meskipun walau walaupun jika kalau apabila bila agar supaya sebab padahal hingga sampai sejak
    """.split()
)

# The clause openers that make what follows background to the sentence ("Dinkes memanggil manajemen RS setelah
# keluarga pasien mengaku diminta membayar …"): whoever says something there is not who the sentence quotes.
SUBORDINATORS = CLAUSE_OPENERS - frozenset("dan tetapi tapi namun sementara sedangkan yang bahwa serta atau".split())

# In the clause of someone who gives none: "yang enggan disebut namanya", "yang meminta namanya tidak ditulis".
OWN_NAME = "namanya"

# After a verb of saying, it opens what was said: "Ia menjelaskan bahwa …".
THAT = "bahwa"

# "Agus Triyono alias Gondes": the name after it is another the person goes by.
ALIAS = "alias"

# Before a verb of saying, these make it a purpose, said by no one: "pemeriksaan landasan untuk memastikan …".
PURPOSE_MARKERS = frozenset("untuk demi guna agar supaya".split())

# Before a second verb of saying, these keep the subject of the first: "Ia meminta maaf dan menyebut …".
COORDINATORS = frozenset("dan serta lalu kemudian sekaligus".split())

# Pronouns of the first and second person: a sentence holding one is someone's own words, not the writer's.
FIRST_PERSON = frozenset("saya aku kami kita anda".split())

# Third-person pronouns standing for the person being talked about.
PRONOUNS = frozenset("ia dia beliau dirinya pihaknya".split())  # "pihaknya": he and those he speaks for

# Demonstratives that turn a role into a reference to someone named before: "menteri itu", "sang pelatih".
DEMONSTRATIVES = frozenset("itu tersebut ini".split())
# "X merupakan kuasa hukum PT Y": what follows says what X is.
COPULAS = frozenset("merupakan adalah ialah".split())
DETERMINER = "sang"

# "Seorang juru bicara Perum Bulog mengatakan …": an unnamed speaker known only by role.
INDEFINITE = "seorang"
PARTITIVE = "salah"  # "salah seorang pengungsi", "salah satu pendiri"
PARTITIVE_UNITS = frozenset("satu seorang".split())
# How far a describing phrase after a cue may run: "tutur pria berusia 52 tahun asal Surabaya itu".
DESCRIPTION_MAX_WORDS = 8
INDEFINITE_PREFIXES = ("salah seorang", "salah satu", "seorang")  # dropped from the front of a role

# First words of a document, law or dataset, which is quoted but does not speak: "Menurut Undang-Undang Nomor
# 27 Tahun 2022, …", "Menurut data BPS, …", "Menurut survei Litbang, …".
DOCUMENT_WORDS = frozenset(
    """
    undang-undang uu peraturan perpres perppu permen perda pergub perbup keppres inpres pasal ayat kuhp kuhap
    keputusan putusan surat edaran data laporan survei studi riset kajian catatan dokumen statistik hasil
    kode pedoman statuta ketentuan aturan regulasi memorandum nota perjanjian kontrak berita
    """.split()
)

# Before the title of a law or a document: "Undang-Undang Nomor 20 Tahun 2001 tentang Pemberantasan Tindak
# Pidana Korupsi" names nobody.
DOCUMENT_TOPIC = "tentang"

# Prepositions between a document and whom it is from or to: "surat kepada Presiden yang meminta …".
DOCUMENT_LINKS = frozenset("kepada untuk ke bagi dari oleh".split())

# Markers of a title that someone no longer holds: "mantan Presiden Bambang Kusuma" is not the president now.
FORMER_MARKERS = frozenset("mantan eks bekas".split())

# Titles that stand right before a personal name, even a one-word one ("Presiden Jokowi").
STATE_TITLES = (
    "presiden", "wakil presiden", "perdana menteri", "menteri", "wakil menteri", "menko", "gubernur", "wakil gubernur",
    "bupati", "wakil bupati", "wali kota", "walikota", "camat", "panewu", "lurah", "raja", "ratu", "pangeran", "paus",
    "kanselir", "senator", "jenderal", "panglima", "kapolri", "kapolda", "kapolres", "kapolresta", "kapolrestabes",
    "kapolsek", "kajati", "kajari", "pangdam", "danrem", "dandim", "jaksa agung",
)

# Titles of a territory's head, whose territory is named right after them: in "Bupati Ciamis Engkus Sutisna" or
# "Camat Lembang Yudi Hermawan" the first of three or more capitalised words is the place ("Panewu" is a
# camat in Yogyakarta).
TERRITORIAL_TITLES = frozenset(
    (
        "bupati", "wakil bupati", "wali kota", "walikota", "wakil wali kota", "gubernur", "wakil gubernur", "camat",
        "panewu", "lurah", "kapolda", "kapolres", "kapolresta", "kapolrestabes", "kapolsek", "pangdam", "danrem",
        "dandim", "kajati", "kajari",
    )
)

# Before any title, its deputy: "Wakil Kepala BKPM", "Wakil Direktur Utama".
DEPUTY = "wakil"

# Abbreviated titles, with the full title each stands for: "Wamen menerangkan" is the deputy minister, "Kasat
# Lantas … AKP Budi" the head of a unit (qa/data/short_forms_id.tsv, the rows marked "title").
TITLE_ABBREVIATIONS = short_forms(titles_only=True)

# Other offices; after them a single capitalised word is more often the organisation ("CEO PasarKita") than
# the person, who then follows ("CEO PasarKita Nadia Prameswari").
OFFICE_TITLES = (
    "ceo", "cfo", "cto", "coo", "presiden direktur", "direktur utama", "direktur pelaksana", "direktur jenderal",
    "direktur", "deputi gubernur", "deputi", "ketua umum", "ketua", "wakil ketua", "kepala", "kepala staf",
    "sekretaris jenderal", "sekretaris daerah", "pendiri", "salah satu pendiri", "rektor",
    "dekan", "pelatih", "kapten", "manajer", "komisaris", "duta besar", "pemimpin", "pimpinan",
    "profesor", "guru besar", "bos", "anggota dewan", "kepala pelaksana", "jaksa", "hakim", "asisten",
    "staf ahli", "staf khusus", "penasihat", "sekretaris", "koordinator", "kepala bagian", "kepala bidang",
    "panitera", "panitera pengganti", "juru sita",
)

# An office may list its fields before "dan" ("Direktur Angkutan Sungai, Danau, dan Penyeberangan …"): each item,
# the first with its title and more fields, runs up to this many words ("Ketua Umum DPP Gabungan Pengusaha
# Nasional Angkutan Sungai").
LISTED_FIELD_MAX_WORDS = 10

# Words that complete a title rather than begin a name: "Menteri Luar Negeri Retno", "Menteri Agama Yaqut",
# "Kepala Dinas Ketahanan Pangan Retno". Root nouns naming the field of an office: no affix gives them away
# and an article seldom writes them in lowercase, so without this list they would pass for first names.
TITLE_FIELD_WORDS = frozenset(
    """
    negeri agama sosial hukum umum utama daerah desa kota pangan pajak kerja tenaga energi air laut udara darat
    hutan tanah pasar modal saham bursa efek pos pers riset statistik stasiun pusat balai kantor biro unit divisi
    bidang urusan daya mineral migas ekonomi bisnis data digital industri niaga usaha rakyat budaya pemuda
    olahraga pariwisata kebun ternak ikan bencana lintas cuaca iklim gempa narkotika imigrasi sumber cabang
    ruang tata penataan wilayah jalan jembatan konstitusi tinggi negara luar penuntut
    """.split()
)

# Who-questions after "an official" ask for whoever holds an office, whatever its title ("Siapa pejabat kementerian
# yang dikutip?" for a "Direktur … Kementerian Perhubungan").
OFFICIAL_WORDS = frozenset({"pejabat", "official", "officials"})

# Roles that many people share; without a name they make a role-only speaker ("Juru bicara Perum Bulog").
GENERIC_ROLES = (
    "juru bicara", "pejabat", "analis", "pengamat", "ekonom", "peneliti", "sumber", "warga", "penduduk", "pedagang",
    "petani", "saksi", "pakar", "ahli", "perwakilan", "anggota", "karyawan", "pegawai", "staf", "narasumber",
    "aktivis", "eksekutif", "petugas", "ilmuwan", "dosen", "penulis", "wartawan", "pemain", "penyerang",
    "kiper", "bek", "gelandang", "dokter", "pengacara", "kuasa hukum", "politikus", "politisi", "sutradara",
    "produser", "penyanyi", "pelantun", "aktris", "aktor", "pemeran", "pengungsi", "relawan", "nelayan", "agen",
    "pengurus", "nakhoda", "perawat", "bidan",
)

# Nouns for a person that, with a demonstrative, point back at someone: "pria itu mengatakan".
PERSON_NOUNS = frozenset(
    "pria wanita perempuan lelaki laki-laki sosok tokoh orang juru politikus politisi legislator akademisi atlet "
    "pemuda remaja ayah ibu bapak perwira".split()
)

# First words of an appositive that describe a person: "Budi Santoso, seorang ilmuwan kognitif, …".
PERSON_ROLE_WORDS = frozenset("seorang mantan eks bekas pencipta pemegang pengusaha pemilik ibu ayah bapak".split())

# First words of an appositive that describe an organisation: "TaniMaju, perusahaan yang kurang dikenal, …".
ORG_ROLE_WORDS = frozenset(
    "perusahaan lembaga organisasi badan produsen pembuat startup perusahaan rintisan platform penyedia operator "
    "raksasa bank media situs aplikasi klub federasi asosiasi partai kementerian perseroan yayasan koperasi "
    "maskapai".split()
)
# Nouns for a company, whose name opens with a company's prefix or holds its legal form ("PT …", "… Tbk"); a
# company's management speaks for it ("Manajemen menyebut …" after an authority was named: the company).
COMPANY_NOUNS = frozenset("perusahaan perseroan produsen pembuat operator penyedia manajemen maskapai".split())
# Alone as a subject, these nouns are the body talked about: "Perusahaan juga menyatakan …", "tulis manajemen".
BODY_NOUNS = ORG_ROLE_WORDS | frozenset("manajemen".split())

# Words inside a proper noun that make it an organisation rather than a person.
ORG_WORDS = frozenset(
    """
    university universitas institute institut lab laboratory laboratorium inc corp corporation company co ltd
    group grup bank kementerian kemenkeu kemenlu badan dinas komisi lembaga dewan partai pt tbk persero perum
    index review news times post journal foundation yayasan asosiasi persatuan federasi klub fc pemerintah
    aliansi koalisi forum watch association council union alliance coalition
    pemkot pemprov pemkab kepolisian polri polda tni kejaksaan pengadilan mahkamah majelis timnas
    observatorium observatory planetarium museum pusat balai center centre stasiun bandara pelabuhan terminal
    rsud puskesmas sekolah akademi politeknik perhimpunan perkumpulan himpunan ikatan paguyuban serikat
    direktorat inspektorat sekretariat kedeputian kantor
    """.split()
)
# The short forms of bodies, with their words: "Pemkab Sleman" is "Pemerintah Kabupaten Sleman", "Dinkes X" is
# "Dinas Kesehatan X" (those whose words open with a body's word; "kades" is a person, the head of a village).
BODY_ABBREVIATIONS = {short: words for short, words in short_forms().items() if words.split()[0] in ORG_WORDS}

# Units of a body named after the office that heads them: "Direktorat Jenderal", "Sekretariat Jenderal".
UNIT_WORDS = frozenset("direktorat inspektorat sekretariat kedeputian kantor".split())

# Places and peoples, which qualify a title ("Presiden AS", "Menteri Luar Negeri RI") but are not speakers.
PLACE_WORDS = frozenset(
    """
    indonesia ri amerika serikat as usa tiongkok china cina rusia jepang korea selatan utara barat timur tengah
    inggris prancis perancis jerman belanda italia spanyol india eropa asia afrika australia arab saudi iran israel
    palestina ukraina taiwan singapura malaysia vietnam thailand filipina jakarta jawa sumatera kalimantan
    sulawesi papua bali washington beijing london moskwa tokyo
    """.split()
) | frozenset(data_lines("regions_id.txt"))

# Ordinary words (loanwords, colloquial forms) that the spinner may capitalise mid-sentence ("Eksis" for
# "ada") and that an article need not also write in lowercase, so its own text cannot vouch for them.
EXTRA_COMMON_WORDS = frozenset(
    "eksis nggak gak ga udah gimana gitu pingin tuh lho pokoknya ngomong startup online offline update "
    "terpisah".split()
)

# Balinese name prefixes, part of the name: "I Made Suryawan", "Ni Luh Putu Ariani".
NAME_PREFIXES = frozenset("I Ni".split())
# The Balinese names of birth order and caste that follow them: after a title, "I" before one of these opens a
# name ("Kepala BPS Provinsi Bali I Made Wirata"), where before another word it numbers a unit ("Kodam I").
BALINESE_NAMES = frozenset("made wayan nyoman ketut putu gede komang kadek nengah luh gusti ayu".split())
# Sasak titles of nobility, part of the name, and also ordinary words ("lalu": "then"): after a title and
# before a capitalised word they open a name ("Kepala Dinas NTB Lalu Ahmad Zulfikri"), except in "Lalu Lintas".
SASAK_TITLES = frozenset("lalu baiq".split())

# Lowercase particles inside names: "Marco van Houten", "Abdul bin Salim", "Rafael Henrique da Silva".
NAME_PARTICLES = frozenset("van von der den de da dos das al bin binti".split())

# Lowercase words and signs joining the words of an organisation's name: "Bank of Japan", "Elektro & Komputer".
NAME_CONNECTORS = frozenset("of and for the on & de du".split())

# Lowercase words joining the fields of one office: "Menteri Komunikasi dan Digital".
TITLE_CONNECTORS = frozenset("dan serta".split())

# Words opening an adjunct between a subject and its verb of saying: "Polri dalam keterangan tertulis
# menyatakan", "Budi saat ditemui mengatakan", "sumber yang enggan disebutkan namanya mengungkapkan";
# "didalam" is a common misspelling of "di dalam", and a spinner's word for "dalam".
# Of those, the ones that name the channel the words came through: "dalam siaran pers", "melalui keterangan
# resmi", "lewat akun Instagram-nya".
CHANNEL_OPENERS = frozenset("dalam didalam melalui lewat via".split())
ADJUNCT_OPENERS = frozenset(
    "dalam didalam melalui lewat via saat ketika seusai usai setelah sebelum di kepada yang "
    # and of manner: "Djoko dengan lugas menanggapi", "Budi sambil menunjuk peta menjelaskan"
    "dengan sambil seraya".split()
)

# Prepositions, conjunctions and adverbs a spinner capitalises after a name ("PT Sawit Lestari Didalam
# keterangannya", "Ucap Morita Melalui …", "BMKG Pula memprakirakan"): no name holds one.
NAME_BREAKERS = frozenset("dalam didalam dari melalui kepada terhadap pada serta beserta bersama pula juga".split())

# Verbs giving a nickname: "yang dijuluki Bung Kiper", "akrab disapa Andi".
NICKNAME_CUES = frozenset("dijuluki disapa dipanggil".split())

# Opens a sentence that names who said the quotation before it: "Demikian disampaikan Direktur …".
SUMMING_UP = "demikian"

# A paragraph that ends with a colon ("… tiga langkah, yaitu:", "… sebagai berikut:") opens a list, whose
# items, each a paragraph, are the words of whoever introduced it; an item may open with an ordinal, a number
# or a bullet ("Pertama, …", "2. …", "- …").
LIST_OPENER = ":"
ORDINALS = frozenset(
    "pertama kedua ketiga keempat kelima keenam ketujuh kedelapan kesembilan kesepuluh terakhir".split()
)
BULLETS = frozenset("-–—•·*")

# Between a name and the office its holder speaks in: "AKBP Budi selaku Kapolres Magetan menjelaskan".
CAPACITY = "selaku"

# Open an aside between a subject and its verb: "Menteri X, seperti dikutip dari Antara, mengatakan …".
ASIDE_OPENERS = frozenset("seperti sebagaimana".split())

# After an age: "Suwarni, 56 tahun, pedagang kain".
YEARS = "tahun"

# Opens a relative clause inside an appositive: "Seorang warga, yang meminta namanya tidak disebutkan, …".
RELATIVE = "yang"
LOCATIVE = "di"
# Words after a role's noun saying where its holder is from or works: "wisatawan asal Perth", "dokter di RSUD".
ORIGIN_MARKERS = frozenset("asal dari di".split())

# Words after which one capitalised word is a place: "di Garut", "asal Sidoarjo".
PLACE_MARKERS = frozenset("di asal".split())
# What ends the place an article is filed from, at its head: "GARUT, KOMPAS.com -", "Palu (ANTARA) -".
DATELINE_ENDS = frozenset(",(-–—")

# Administrative units; the capitalised word after one is a place: "Kota Bandung", "Kabupaten Bogor".
PLACE_UNITS = frozenset(
    "kota kabupaten provinsi kecamatan kelurahan desa pulau kampung distrik dusun perumahan".split()
)

# Honorifics and abbreviated titles dropped in front of a name; their full stop does not end a sentence.
HONORIFICS = frozenset(
    "pak bu bapak ibu prof dr drg drh ir drs dra hj h kh mr mrs ms sir gus bli mbah mbak "
    # police and military ranks: "Kombes Pol. Yohanes Situmorang", "Brigjen TNI Budi"
    "kombes akbp kompol akp iptu ipda aiptu aipda bripka brigpol briptu bripda brigjen irjen komjen pol kolonel "
    "letkol mayjen letjen serka sertu kopda laksma laksda laksdya marsma marsda marsdya "
    # merchant navy and academic: "Capt. Rudy Harahap", "Nakhoda Capt. Budi"
    "capt kapt".split()
)
# The corps after a rank, before the name: "Brigjen TNI Budi", "Letkol Inf. Rahmat", "Kombes Pol. Ari".
RANK_CORPS = frozenset("tni polri pol inf kav arh czi cpm laut mar pnb psk purn".split())
# Ranks written out in full, longest first: "Ajun Komisaris Besar Polisi Rudianto", "Komisaris Besar Sumi".
RANKS = tuple(
    tuple(rank.split())
    for rank in (
        "ajun komisaris besar polisi", "komisaris besar polisi", "ajun komisaris polisi", "inspektur jenderal polisi",
        "brigadir jenderal polisi", "komisaris jenderal polisi", "inspektur polisi satu", "inspektur polisi dua",
        "ajun komisaris besar", "komisaris besar", "ajun komisaris", "inspektur jenderal", "brigadir jenderal",
        "mayor jenderal", "letnan jenderal", "letnan kolonel", "marsekal pertama", "laksamana pertama",
        "komisaris polisi", "ajun inspektur polisi satu", "ajun inspektur polisi dua", "brigadir polisi kepala",
        "brigadir polisi satu", "brigadir polisi dua", "brigadir polisi", "letnan satu", "letnan dua",
        "pembantu letnan satu", "pembantu letnan dua", "sersan mayor", "sersan kepala", "sersan satu",
        "sersan dua", "kopral kepala", "kopral satu", "kopral dua", "jenderal polisi", "jenderal", "kapten", "mayor",
    )
)
# First names written short, whose full stop ends nothing: "Muh. Arif Rahman", "Moh. Hasan".
NAME_ABBREVIATIONS = frozenset("muh moh mhd".split())
ABBREVIATIONS = HONORIFICS | RANK_CORPS | NAME_ABBREVIATIONS | frozenset("st jr sr no dll dsb tsb".split())
# Honorifics that are whole words, and so may end a sentence ("Terima kasih, Pak."); the others, abbreviated,
# stand before a name ("Kombes Pol. Ari", "Ir. Tri").
WORD_HONORIFICS = frozenset("pak bu bapak ibu sir gus bli kolonel".split())

# Endings of English words in organisation names ("Hubungan Industrial", "Consulting", "International"):
# such a word is the end of a title's qualifier, not the start of a name, when a full name still follows.
ENGLISH_WORD_ENDINGS = ("ional", "trial", "ical", "tion", "ment", "ing", "ics", "ity", "ive", "ous", "ogy", "ance")

# English function words (questions may be in English); a name made only of such a word matches nothing.
ENGLISH_COMMON = frozenset(
    """
    a an the what who whom whose which did does do say says said about on of in to for from by with and or is
    are was were be been how why when where tell told think thinks thought according view views opinion
    will may can could would should his her their him they he she it this that
    """.split()
)


# Words after which a name is what a question is about, not who it asks to hear from ("What do experts say
# about Telkom?", "Apa pendapat pakar soal Pertamina?"), and the words that may stand between them.
TOPIC_MARKERS = frozenset(
    "about regarding concerning on towards toward tentang soal mengenai terhadap perihal terkait seputar".split()
)
TOPIC_SKIPPED = frozenset("the a an para sang si".split())
# Within the topic, the words that join a place to it: "soal kondisinya di pelabuhan" is about the port, whose
# authority is not who is asked to speak.
TOPIC_LINKS = frozenset("di ke dari in at".split())
# A place that follows a role after a comma ("di Universitas Gadjah Mada, Yogyakarta") is a word or three.
PLACE_MAX_WORDS = 3
# Words that join two speakers a question asks about ("Budi dibanding pihak Telkom", "Telkom and Indosat").
CONJUNCTIONS = frozenset("and or versus vs dan serta atau dibanding dibandingkan ketimbang maupun".split())
# The words around a name in "Siapa Budi Santoso?", "Who is Budi Santoso?", "Budi Santoso itu siapa?":
# a question of only these and a speaker's name or role asks who that person is.
IDENTITY_WORDS = frozenset(
    "siapa siapakah sih itu ini tuh sebenarnya sebetulnya yang dari di adalah ialah "
    "who is was the a an that this from at of exactly".split()
)
# Nouns for the side or the staff of a body, before its name: "Pihak PT KAI", "Manajemen PSIS Semarang"
# speak as that body.
ORG_SIDE_WORDS = frozenset("pihak manajemen jajaran".split())

# Words that qualify a title ("Jaksa Agung", "Mahkamah Agung") and are given names as well ("Agung Nugroho").
GIVEN_NAME_QUALIFIERS = frozenset({"agung"})

# Kin, each of whom a question asking for the family ("keluarga korban", "the victim's family") may mean.
KIN = frozenset(
    "keluarga ayah bapak ibu anak putra putri kakak adik abang istri suami paman bibi tante kakek nenek cucu keponakan "
    "sepupu saudara saudari kerabat mertua menantu".split()
)
FAMILY_WORDS = frozenset({"keluarga", "family", "families", "relatives"})

# Legal forms written in parentheses after a company's name, part of it: "PT Pos Indonesia (Persero)".
LEGAL_FORMS = frozenset("persero tbk".split())

# Words that open a company's or body's name: "PT Kemuning Graha Mandiri", "Perumda Tirta Kencana".
COMPANY_PREFIXES = frozenset("pt cv perum perumda pd ud koperasi yayasan".split())

# English words for roles and the bodies people speak for, with the Indonesian words an article uses for them:
# "What did the regent say?" asks for the speaker the article calls "Bupati". Compared after stemming, so one
# form of each word is enough; a question in Indonesian matches the role's own words.
ROLE_TRANSLATIONS: dict[str, str] = {
    # offices
    "president": "presiden", "minister": "menteri", "ministry": "kementerian", "governor": "gubernur",
    "regent": "bupati", "mayor": "wali walikota", "deputy": "wakil", "secretary": "sekretaris",
    "coordinator": "koordinator", "assistant": "asisten", "director": "direktur", "general": "jenderal umum",
    "head": "kepala",
    "chief": "kepala ketua",
    "chairman": "ketua", "chairwoman": "ketua", "chairperson": "ketua", "chair": "ketua", "leader": "ketua pemimpin",
    "manager": "manajer", "spokesperson": "juru bicara jubir", "spokesman": "juru bicara jubir",
    "spokeswoman": "juru bicara jubir", "official": "pejabat petugas", "officer": "petugas perwira",
    "staff": "staf pegawai", "commander": "komandan", "police": "polisi kepolisian", "harbourmaster": "syahbandar",
    "harbormaster": "syahbandar", "member": "anggota", "lawmaker": "anggota legislator", "founder": "pendiri",
    "creator": "pencipta", "owner": "pemilik", "ambassador": "duta besar", "pr": "humas hubungan masyarakat",
    "communications": "humas komunikasi",
    # professions and trades
    "professor": "profesor guru besar", "lecturer": "dosen", "teacher": "guru", "student": "siswa mahasiswa pelajar",
    "researcher": "peneliti", "scientist": "ilmuwan", "expert": "pakar ahli", "economist": "ekonom",
    "analyst": "analis", "observer": "pengamat", "doctor": "dokter", "nurse": "perawat", "midwife": "bidan",
    "judge": "hakim", "prosecutor": "jaksa", "lawyer": "pengacara advokat kuasa hukum", "attorney": "pengacara",
    "defendant": "terdakwa", "suspect": "tersangka", "witness": "saksi", "victim": "korban",
    "farmer": "petani", "fisherman": "nelayan", "worker": "pekerja buruh karyawan", "employee": "karyawan pegawai",
    "trader": "pedagang", "vendor": "pedagang penjual", "seller": "penjual pedagang", "driver": "sopir pengemudi",
    "resident": "warga penduduk", "citizen": "warga", "villager": "warga desa", "parent": "orang tua wali",
    "passenger": "penumpang", "traveller": "pemudik penumpang", "traveler": "pemudik penumpang",
    "coach": "pelatih", "player": "pemain", "athlete": "atlet", "artist": "seniman artis", "cleric": "ulama kiai",
    "exec": "ceo direktur eksekutif", "executive": "ceo direktur eksekutif", "boss": "bos ceo direktur pimpinan",
    "neighbour": "tetangga", "neighbor": "tetangga",
    # family ("son" is left out: it is a surname too, "Masayoshi Son")
    "relative": "kerabat saudara", "father": "ayah bapak", "dad": "ayah bapak",
    "mother": "ibu", "mom": "ibu", "mum": "ibu", "kid": "anak", "child": "anak", "children": "anak",
    "daughter": "anak putri", "brother": "kakak adik abang saudara",
    "sister": "kakak adik saudari saudara", "sibling": "kakak adik saudara", "wife": "istri", "husband": "suami",
    "uncle": "paman om", "aunt": "bibi tante", "grandfather": "kakek", "grandmother": "nenek",
    # bodies and fields
    "company": "perusahaan pt perum perumda", "association": "asosiasi paguyuban perkumpulan himpunan",
    # a non-governmental organisation, "LSM" in Indonesian, most often a foundation
    "ngo": "lsm yayasan", "lsm": "lsm yayasan",
    "union": "serikat", "office": "dinas kantor", "agency": "badan dinas", "department": "dinas departemen",
    "university": "universitas", "hospital": "rumah sakit rs rsud", "school": "sekolah", "village": "desa",
    "district": "kabupaten kecamatan", "province": "provinsi", "city": "kota", "court": "pengadilan",
    "trade": "perdagangan", "industry": "perindustrian industri", "health": "kesehatan", "education": "pendidikan",
    "transport": "perhubungan", "religious": "agama", "finance": "keuangan", "agriculture": "pertanian",
    "mining": "tambang pertambangan mineral minerba",
    "traffic": "lantas lintas",  # not "lalu": a given name too ("Lalu Muhamad")
    "parliament": "dpr dprd parlemen dewan", "legislature": "dpr dprd dewan", "council": "dewan dprd",
    "councillor": "anggota dewan dprd", "councilor": "anggota dewan dprd", "legislator": "anggota dewan dpr dprd",
}
# Indonesian words for one role that articles and readers use in each other's place: "pengacara warga" asks
# for the residents' "kuasa hukum".
ROLE_SYNONYMS: dict[str, str] = {
    "pengacara": "kuasa hukum advokat", "advokat": "kuasa hukum pengacara", "wartawan": "jurnalis",
    "jurnalis": "wartawan", "legislator": "anggota dewan dprd", "pengemudi": "sopir", "sopir": "pengemudi",
    "bos": "ceo direktur pimpinan",
}

