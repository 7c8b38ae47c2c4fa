"""What the bot says to its users, in one place: the replies to a question and the refusals of one, the web
chat's labels and notices, in Indonesian and English. Wording is for the reader; the code that picks a message
lives with what it decides."""

from __future__ import annotations

from .language import Lang

# The reply to a question, by the language of the reply (qa/answer.py).
REPLIES: dict[Lang, dict[str, str]] = {
    "id": {
        "speaker": "Menurut {who}: {quote}",
        "narration": "Menurut artikel: {quote}",
        "who": "{who} — {quote}",
        "who_narration": "Artikel tidak menyebut siapa yang mengatakannya. Bagian yang paling dekat: {quote}",
        "identity": "{name}: {role} (menurut artikel).",
        "about": "Artikel “{title}”: {lead}",
        "quoted": "Yang dikutip dalam artikel ({n}): {people}.",
        "author": "Artikel yang dimuat di sini tidak mencantumkan nama penulisnya{source}.",
        "source": "; sumbernya: {source}",
        "nobody_quoted": "Artikel ini tidak mengutip siapa pun; seluruhnya narasi penulis.",
        "not_found": "Maaf, jawabannya tidak ditemukan dalam artikel ini.",
        "truncated": "(Pertanyaan dipotong menjadi paling banyak {n} karakter karena terlalu panjang.)",
        "refers_back": "(Siapa yang dimaksud? Sebutkan nama orangnya, atau pilih di filter narasumber.)",
        "absent": "{names} tidak disebut dalam artikel ini.",
        "no_more": "Artikel ini tidak mengutip {names} lebih dari yang sudah ditampilkan.",
        "related": "Bagian artikel yang terkait ada di bawah; itu bukan ucapan {names}.",
        "unquoted": "Artikel ini menyebut {names}, tetapi tidak mengutip ucapannya. Yang paling dekat — {closest}",
        "unmentioned": "Artikel ini tidak menyebut {names}. Yang paling dekat — {closest}",
        "wanted": "{mentions}, tetapi tidak menyebut {kind}. Yang paling dekat — {closest}",
        "focus": "{mentions}, tetapi tidak menyebut {words}. Yang paling dekat — {closest}",
        "elsewhere": "Artikel ini menyebut {words}, tetapi tidak di bagian yang membahas ini. Yang paling dekat — {closest}",
        "mentions": "Artikel ini menyebut {names}",
        "no_mentions": "Artikel ini membahasnya",
        "amount": "jumlah atau angkanya",
        "time": "waktunya",
        "place": "tempatnya",
        "person": "siapa orangnya",
        "name": "namanya",
        "and": " dan ",
    },
    "en": {
        "speaker": "According to {who}: {quote}",
        "narration": "According to the article: {quote}",
        "who": "{who} — {quote}",
        "who_narration": "The article does not say who said it. The closest passage: {quote}",
        "identity": "{name}: {role} (as the article describes them).",
        "about": "The article “{title}”: {lead}",
        "quoted": "Quoted in the article ({n}): {people}.",
        "author": "The article as loaded here does not name its writer{source}.",
        "source": "; its source is {source}",
        "nobody_quoted": "The article quotes no one; it is all the writer's narration.",
        "not_found": "Sorry, the answer is not in this article.",
        "truncated": "(The question was cut to at most {n} characters, as it was too long.)",
        "refers_back": "(Who do you mean? Name the person, or choose them in the speaker filter.)",
        "absent": "The article does not mention {names}.",
        "no_more": "The article quotes {names} no further than what was already shown.",
        "related": "Related passages of the article are below; they are not words of {names}.",
        "unquoted": "The article mentions {names} but does not quote them. The closest — {closest}",
        "unmentioned": "The article does not mention {names}. The closest — {closest}",
        "wanted": "{mentions}, but does not give {kind}. The closest — {closest}",
        "focus": "{mentions}, but says nothing of {words}. The closest — {closest}",
        "elsewhere": "The article mentions {words}, but not where it touches on this. The closest — {closest}",
        "mentions": "The article mentions {names}",
        "no_mentions": "The article touches on this",
        "amount": "the number or amount",
        "time": "the date or time",
        "place": "the place",
        "person": "who it was",
        "name": "the name",
        "and": " and ",
    },
}

# A question in a third language is still searched (the embeddings are multilingual) and answered in English.
FOREIGN_NOTE = "(I answer questions in Indonesian or English; yours looks like another language: '{code}'.)"

# A question refused (qa/question.py), in both languages: the refusal comes before the question's language is read.
NOT_TEXT = "The question must be text, not {kind}."
EMPTY = (
    "The question is empty. Please type a question about the article. "
    "/ Pertanyaannya kosong. Silakan ketik pertanyaan tentang artikel ini."
)
NO_WORDS = (
    "The question has no words in it. Please type a question about the article. "
    "/ Pertanyaannya tidak berisi kata. Silakan ketik pertanyaan tentang artikel ini."
)
UNBROKEN = (
    "The question is one long unbroken string, not words. Please type a question. "
    "/ Pertanyaannya berupa satu untaian panjang tanpa spasi, bukan kata. Silakan ketik pertanyaan."
)

# The web chat's labels of a reply's citations and badges, by the language of the reply (qa/chat.py).
LABELS: dict[Lang, dict[str, str]] = {
    "id": {
        "narration": "Narasi artikel",
        "no_section": "Pembuka",
        "filter": "Filter narasumber aktif: hanya kutipan {speaker}.",
        "partial": "Sebagian terjawab",
        "none": "Tidak ada di artikel",
        "related": "Terkait",
    },
    "en": {
        "narration": "Article narration",
        "no_section": "Opening",
        "filter": "Speaker filter on: only passages of {speaker}.",
        "partial": "Partly answered",
        "none": "Not in the article",
        "related": "Related",
    },
}

# Questions offered for an article whose metadata suggests none, one in each language: what its most quoted
# people said.
EXAMPLES = ("Apa kata {name}?", "What did {name} say?")
# The page's warning over a machine-rewritten article, followed by odd words readers will meet; the API's.
SPIN_NOTICE_PAGE = (
    "Artikel ini ditulis ulang oleh mesin, jadi ada sinonim yang janggal / "
    "This article was machine-rewritten, so some words are odd synonyms"
)
SPIN_NOTICE = "This article appears machine-rewritten; answers quote it as published."

# Adding an article on the page (qa/chat.py).
UPLOADS_OFF = (
    "Menambah artikel dimatikan di server ini. / Adding articles is off on this server "
    "(its owner can allow it with QA_ALLOW_UPLOAD=1)."
)
NOTHING_TO_ADD = "Pilih berkas atau tempel teks artikel dahulu. / Choose a file or paste an article's text first."
PASTED = "the pasted text"
NOT_ADDED = "Tidak ditambahkan / Not added"
