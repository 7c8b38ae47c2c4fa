"""What a question must look like before it is searched, and what kind of question it is."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .attribution import cues
from .resources import data_lines

# Far beyond any real question; the embedding model reads only a few hundred tokens anyway.
MAX_CHARS = 1000
# Refusals are shown to the user as they are, so they speak both of the bot's languages.
# A single "word" this long is not language (a pasted hash, base64, a key held down).
MAX_TOKEN_CHARS = 100


# Questions about the article as a whole, which no single passage answers: what it is about, who wrote it,
# and whom it quotes. They are what a reader who has not read it yet asks first.
_ARTICLE_WORDS = r"(?:artikel|berita|tulisan|teks|article|story|piece|text|news)"
_ABOUT_ARTICLE = re.compile(
    rf"\b{_ARTICLE_WORDS}\s+(?:ini\s+|itu\s+)?(?:tentang|membahas|mengenai|soal|bercerita)\b"
    rf"|\b(?:apa|bagaimana)\s+(?:isi|inti|topik|pokok|ringkasan|gambaran)(?:nya)?\s+(?:dari\s+)?{_ARTICLE_WORDS}"
    rf"|\b(?:ringkas|rangkum|ringkasan|rangkuman|intisari|summary|summari[sz]e|gist|main\s+points?|tl;?dr)\b"
    rf"\s*(?:(?:of\s+|dari\s+)?(?:the\s+|this\s+)?(?:{_ARTICLE_WORDS}|it|this)(?:\s+(?:ini|itu))?)?\s*[.?!]*$"
    rf"|\bwhat(?:'s|\s+is|\s+was)\s+(?:this|the)\s+{_ARTICLE_WORDS}\s+about\b",
    re.IGNORECASE,
)
_AUTHOR = re.compile(
    rf"\b(?:siapa|who)\b.*\b(?:penulis|menulis|pengarang|wartawan|jurnalis|reporter|author|wrote|writer|journalist)"
    rf"(?:nya)?\b.*\b{_ARTICLE_WORDS}\b|\b(?:penulis|author|writer)\s+(?:of\s+)?(?:the\s+|this\s+)?{_ARTICLE_WORDS}\b"
    rf"|\b(?:sumber|source)\s+(?:dari\s+|of\s+)?(?:the\s+|this\s+)?{_ARTICLE_WORDS}\b",
    re.IGNORECASE,
)
_WHO_IS_QUOTED = re.compile(
    r"\bwho\s+(?:is|are|was|were|gets?|got)\s+(?:quoted|interviewed|cited)\b"
    r"|\b(?:which|what)\s+(?:experts?|people|persons|sources|speakers)\s+(?:are|were|is|get|got)\s+"
    r"(?:quoted|cited|interviewed)\b"
    r"|\b(?:list|all)\s+(?:of\s+)?(?:the\s+)?(?:speakers|sources|experts|people\s+quoted)\b"
    r"|\bwho\s+(?:speaks|talks|is\s+speaking)\s+in\s+(?:the|this)\s+(?:article|story)\b"
    r"|\bsiapa\s+saja\s+(?:yang\s+)?(?:dikutip|diwawancarai|berbicara|bicara|berkomentar|berpendapat|pakar|"
    r"ahli|narasumber|tokoh)"
    r"|\b(?:siapa|daftar)\b.*\bnarasumber|\bdaftar\s+(?:pembicara|tokoh|pakar)\b",
    re.IGNORECASE,
)


# Words that ask for what someone said or thinks ("Apa kata Budi …", "What did Smith say …"). Only then
# does a name in the question pick that speaker's passages: "Berapa karyawan Telkom?" asks about the
# company, not for its statements.
_SPEECH_WORDS = (
    # Indonesian: say/said, according to, opinion, view, comment, response, assessment, mention, warning,
    # claim, explanation, statement
    r"kata|katanya|berkata|bilang|ujar|ucap|mengatakan|menurut|pendapat|pendapatnya|pandangan|komentar|"
    r"tanggapan|menilai|penilaian|menyebut|peringatan|mengingatkan|klaim|mengeklaim|mengklaim|"
    r"menjelaskan|menguraikan|pernyataan|sampaikan|disampaikan|"
    # expect, estimate, argument, suggestion, stance, reaction, response, message, appeal
    r"harap|harapan|berharap|mengharapkan|diharapkan|memperkirakan|perkiraan|argumen|usul|usulan|saran|menyarankan|sikap|"
    r"reaksi|respons|menanggapi|pesan|imbauan|mengimbau|"
    # colloquial: talk, what was said, response, comment, think
    r"ngomong|ngomongin|omongan|tanggepan|nanggepin|komen|bilangnya|berpendapat|menganggap|anggapan|ngingetin|"
    r"ingetin|ngaku|nyebut|ngeklaim|jelasin|ngejelasin|cerita|curhat|"
    # passive forms: "Apa yang dikatakan Budi", "yang disampaikan"
    r"dikatakan|diucapkan|diungkapkan|disebutkan|dijelaskan|"
    # English
    r"say|says|said|saying|think|thinks|thought|view|views|opinion|according|claim|claims|claimed|"
    r"comment|comments|commented|tell|tells|told|argue|argues|argued|warn|warns|warned|warning|"
    r"describe|describes|described|believe|believes|explain|explains|explained|statement|quote|quoted|"
    r"remark|remarks|stance|predict|predicts|predicted|expect|expects|expected|argument|arguments|position|"
    r"suggest|suggests|suggested|recommend|recommends|propose|proposes|proposed|react|reacted|reaction|"
    r"respond|responded|response|advice|advise|advised|point\s+out|points\s+out|pointed\s+out|note|notes|noted|"
    r"stated|add|adds|added|stress|stresses|stressed|emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed|insist|insists|"
    r"insisted|admit|admits|admitted|acknowledge|acknowledges|acknowledged|announce|announced|ask|asks|"
    r"urge|urges|urged|deny|denies|denied"
)
# The attribution's own verbs of saying count too: "Siapa yang menegaskan …?", "Apa yang ditegaskan Budi?".
_ASKS_FOR_WORDS = re.compile(
    rf"\b(?:{_SPEECH_WORDS}|{'|'.join(sorted(cues.SPEECH_VERBS | cues.PASSIVE_CUES))})\b", re.IGNORECASE
)

# Words that ask a yes/no or what question in English ("Which chips did Nvidia say …" asks about chips).
_AUXILIARIES = r"(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could|should|might|must)"
_WHO = re.compile(
    r"^\s*(?:siapa(?:kah)?\b(?:\s+yang)?|who\b|whose\b|by\s+whom\b"
    # "Which expert said …", "Which DeepSeek figure claimed …": the answer is the one who said it.
    rf"|which\s+(?:(?!{_AUXILIARIES}\b)[\w-]+\s+){{1,3}}?(?:{_SPEECH_WORDS})\b"
    # "Pakar mana yang …", "Perusahaan mana yang …"; not "Dari mana …", which asks where.
    r"|(?!(?:di|ke|dari)\b)(?:[\w-]+\s+){1,3}?mana(?:kah)?\s+yang\b)",
    re.IGNORECASE,
)

# Someone named only by a pronoun: in a chat without memory, no earlier question says who.
_PRONOUN = re.compile(r"\b(?:dia|ia|beliau|mereka|he|she|they|him|her|them)\b", re.IGNORECASE)

# Words the asker puts in quote marks: double quotes, straight or curly, or curly single ones (a straight
# single quote is an apostrophe: "DeepSeek's").
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|‘([^’]+)’")


_CHAT_WORD = re.compile(r"\b\w+\b")


@cache
def _chat_words() -> dict[str, str]:
    pairs = (line.split("\t") for line in data_lines("chat_words.tsv"))
    return {abbreviation.lower(): standard for abbreviation, standard in pairs}


def expand_chat(question: str) -> str:
    """The question with chat abbreviations spelt out ("brp km panjang terowongannya?" -> "berapa km …"), for
    searching; the reader sees their question as typed."""
    words = _chat_words()
    return _CHAT_WORD.sub(lambda m: words.get(m.group().lower(), m.group()), question)


@dataclass(frozen=True)
class Question:
    text: str
    truncated: bool = False  # the original was longer than MAX_CHARS


def clean(question: object) -> Question:
    """The question as it will be searched.

    Invisible characters (control, format, lone surrogate, private-use, unassigned) count as white space.
    Raises ValueError, with a message meant for the user, when the input:
    - is not a string ("must be text");
    - is empty or only white space ("is empty");
    - has no letter or digit, only punctuation, symbols or emoji ("has no words");
    - has no word of at most MAX_TOKEN_CHARS characters, such as a pasted hash ("one long unbroken string").
    Text over MAX_CHARS is cut at a word boundary and flagged, not refused.
    """
    if not isinstance(question, str):
        raise ValueError(f"The question must be text, not {type(question).__name__}.")
    # Lone surrogates and control characters come from broken clients and binary pastes; drop them.
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") else c for c in question)
    text = " ".join(text.split())
    if not text:
        raise ValueError(
            "The question is empty. Please type a question about the article. "
            "/ Pertanyaannya kosong. Silakan ketik pertanyaan tentang artikel ini."
        )
    if not any(c.isalnum() for c in text):
        raise ValueError(
            "The question has no words in it. Please type a question about the article. "
            "/ Pertanyaannya tidak berisi kata. Silakan ketik pertanyaan tentang artikel ini."
        )
    truncated = len(text) > MAX_CHARS
    if truncated:
        text = text[:MAX_CHARS].rsplit(" ", 1)[0] or text[:MAX_CHARS]
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    if all(len(w) > MAX_TOKEN_CHARS for w in words):
        raise ValueError(
            "The question is one long unbroken string, not words. Please type a question. "
            "/ Pertanyaannya berupa satu untaian panjang tanpa spasi, bukan kata. Silakan ketik pertanyaan."
        )
    return Question(text, truncated)


def asks_who(question: str) -> bool:
    """A question whose answer is a person: "Siapa yang mengatakan …?", "Who founded …?", "Which expert
    warned …?", "Pakar mana yang …?"."""
    return bool(_WHO.match(question))


def asks_who_said(question: str) -> bool:
    """A question whose answer is the person who said something: "Siapa yang mengatakan …?", "Who said …?"."""
    return asks_who(question) and asks_for_words(question)


def asks_about_article(question: str) -> bool:
    """"What is this article about?", "Apa isi berita ini?", "Summarise it"."""
    return bool(_ABOUT_ARTICLE.search(question))


def refers_back(question: str) -> bool:
    """A question about what "he" or "dia" said, which only a previous question could say who is: "Apa kata
    dia tentang itu?". In a who-question the pronoun is the person asked for ("Who said it, and whom did he
    tell?")."""
    return asks_for_words(question) and not asks_who(question) and bool(_PRONOUN.search(question))


def asks_author(question: str) -> bool:
    """"Siapa penulis artikel ini?", "Who wrote this article?", "What is the source of the article?"."""
    return bool(_AUTHOR.search(question))


def asks_who_is_quoted(question: str) -> bool:
    """"Who is quoted in the article?", "Siapa saja narasumbernya?"."""
    return bool(_WHO_IS_QUOTED.search(question))


def quoted_words(question: str) -> str | None:
    """The longest phrase of two words or more that the question quotes ("Who called it a \"race to the
    edge of the cliff\"?"): words remembered from the article, to be matched as they stand."""
    phrases = [next(g for g in m.groups() if g).strip() for m in _QUOTED.finditer(question)]
    phrases = [p for p in phrases if len(p.split()) >= 2]
    return max(phrases, key=len) if phrases else None


def asks_for_words(question: str) -> bool:
    """A question about what someone said or thinks: "Apa kata Budi …?", "What did Smith say …?"."""
    return bool(_ASKS_FOR_WORDS.search(question))
