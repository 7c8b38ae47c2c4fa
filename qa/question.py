"""A question read once: cleaned, its language, what kind of question it is, whom and what it asks about.

`read` makes the frozen `Question` that the search, the answer and a conversation all use; nothing after it
reads the typed text again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .attribution import cues, held_role, holder_asked, identity_asked, match_speakers, without_names
from .focus import (
    Wanted,
    asked_person,
    asks_pronoun,
    counted,
    focus_words,
    is_ordinary,
    is_role_word,
    mentions,
    named_head,
    names_speaker,
    wanted,
)
from .language import Lang, detect, foreign
from .messages import EMPTY, NO_WORDS, NOT_TEXT, UNBROKEN
from .resources import data_lines
from .tokens import fold, stopwords

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
# "according to the article", "Menurut berita ini, …", "Does the article say …": the asker means the article as
# a whole, which is no speaker whose words are wanted. Taken out before the question is read.
_ARTICLE_FRAME = re.compile(
    rf"\b(?:according\s+to|based\s+on|menurut|berdasarkan)\s+(?:the\s+|this\s+)?{_ARTICLE_WORDS}(?:\s+(?:ini|itu))?\b[,:]?"
    rf"|^\s*(?:(?:does|did|do)\s+(?:the\s+|this\s+)?{_ARTICLE_WORDS}\s+(?:say|mention|tell\s+(?:us|me)?|state)"
    rf"|apakah\s+{_ARTICLE_WORDS}(?:\s+(?:ini|itu))?\s+(?:menyebut(?:kan)?|bilang|mengatakan|menjelaskan))\b",
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
# company, not for its statements. The Indonesian verbs of saying are the attribution's own ("Siapa yang
# menegaskan …?", "Apa yang ditegaskan Budi?"); these are the other words of asking.
_SPEECH_WORDS = (
    # Indonesian: say/said, according to, opinion, view, comment, response, assessment, warning, claim, statement
    r"kata|katanya|bilang|ujar|ucap|menurut|pendapat|pendapatnya|pandangan|komentar|tanggapan|penilaian|"
    r"peringatan|klaim|pernyataan|sampaikan|"
    # expect, estimate, argument, suggestion, stance, reaction, response, message, appeal
    r"harap|harapan|diharapkan|perkiraan|argumen|usul|usulan|saran|sikap|reaksi|respons|pesan|imbauan|"
    # colloquial: talk, what was said, response, comment, think
    r"ngomong|ngomongin|omongan|tanggepan|nanggepin|komen|bilangnya|menganggap|anggapan|ngingetin|"
    r"ingetin|ngaku|nyebut|ngeklaim|jelasin|ngejelasin|cerita|curhat|nyaranin|saranin|jawab|jawabnya|dijawab|"
    # believe, be sure, agree, doubt: "Apakah Budi percaya …?" asks for his view
    r"percaya|yakin|setuju|ragu|meragukan|"
    # passive forms: "Apa yang diucapkan Budi", "yang disebutkan"
    r"diucapkan|disebutkan|katakan|ucapkan|"
    # English
    r"say|says|said|saying|think|thinks|thought|view|views|opinion|according|claim|claims|claimed|"
    r"comment|comments|commented|tell|tells|told|telling|argue|argues|argued|warn|warns|warned|warning|"
    r"describe|describes|described|believe|believes|explain|explains|explained|statement|quote|quoted|"
    r"remark|remarks|stance|predict|predicts|predicted|expect|expects|expected|argument|arguments|position|"
    r"suggest|suggests|suggested|recommend|recommends|propose|proposes|proposed|react|reacted|reaction|"
    r"respond|responded|response|advice|advise|advised|point\s+out|points\s+out|pointed\s+out|note|notes|noted|"
    r"stated|add|adds|added|stress|stresses|stressed|emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed|insist|insists|"
    r"insisted|admit|admits|admitted|acknowledge|acknowledges|acknowledged|announce|announced|ask|asks|"
    r"urge|urges|urged|deny|denies|denied|hope|hopes|hoped|hoping|wish|wishes|wished|take\s+on|"
    r"agree|agrees|agreed|doubt|doubts|doubted|reply|replies|replied|answered"
)
_SAYING = rf"{_SPEECH_WORDS}|{'|'.join(sorted(cues.SPEECH_VERBS | cues.PASSIVE_CUES))}"
_ASKS_FOR_WORDS = re.compile(rf"\b(?:{_SAYING})\b", re.IGNORECASE)
# A hearing, "rapat dengar pendapat", is an event: its "pendapat" asks for nobody's opinion.
_HEARING = re.compile(r"\bdengar\s+pendapat\b", re.IGNORECASE)

# Words that ask a yes/no or what question in English ("Which chips did Nvidia say …" asks about chips).
_AUXILIARIES = r"(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could|should|might|must)"
_WHO = re.compile(
    r"^\s*(?:siapa(?:kah)?\b(?:\s+yang)?|who\b|whose\b|by\s+whom\b"
    # "Which expert said …", "Which DeepSeek figure claimed …": the answer is the one who said it.
    rf"|which\s+(?:(?!{_AUXILIARIES}\b)[\w-]+\s+){{1,3}}?(?:{_SAYING})\b"
    # "Pakar mana yang …", "Perusahaan mana yang …"; not "Dari mana …", which asks where.
    r"|(?!(?:di|ke|dari)\b)(?:[\w-]+\s+){1,3}?mana(?:kah)?\s+yang\b"
    # "Koordinator demonya siapa?", "Kadinkes Sikka siapa namanya?": the asked-for person last, as said aloud.
    r"|.*\bsiapa(?:kah)?(?:\s+(?:namanya|sih|ya|tuh|itu))?\s*[?!.]*\s*$)",
    re.IGNORECASE,
)

# Someone named only by a pronoun: in a chat without memory, no earlier question says who.
_PRONOUN = re.compile(r"\b(?:dia|ia|beliau|mereka|he|she|they|him|her|them|his|their)\b", re.IGNORECASE)
# Or by the clitic on a word of saying ("Apa lagi katanya?", "Bagaimana tanggapannya?", "menurutnya"), or on
# a word for kin ("Apa kata ayahnya?": the father of the one the conversation is about).
_KIN = "|".join(sorted(cues.KIN))
_CLITIC = re.compile(
    r"\b(kata|pendapat|tanggapan|menurut|komentar|ucapan|pandangan|sikap|reaksi|respons|penjelasan|pernyataan|"
    rf"harapan|usulan|saran|jawaban|alasan|latar\s+belakang|{_KIN})nya\b",
    re.IGNORECASE,
)
# A relative of the one the conversation is about: "Apa kata ayahnya?", "What did her kid say?".
_KIN_EN = sorted(en for en, words in cues.ROLE_TRANSLATIONS.items() if set(words.split()) & cues.KIN)
_KIN_OWNED = re.compile(rf"\b(?:{_KIN})nya\b|\b(?:his|her|their)\s+(?:{'|'.join(_KIN_EN)})s?\b", re.IGNORECASE)
# A pronoun opening the question is its subject ("Dia kasih saran apa buat warga …?"): the person asked about,
# whatever role words come after it.
_SUBJECT_PRONOUN = re.compile(
    r"^\s*(?:(?:terus|lalu|trus|kalau|and|so|then)\s+)?(?:dia|ia|beliau|mereka|he|she|they)\b", re.IGNORECASE
)
# A question for the items of something ("Apa saja rekomendasinya?", "Di mana saja …?", "What are the steps
# …?", "List the …"): a list the article sets out a paragraph an item answers it with all of them.
_ASKS_LIST = re.compile(
    r"\b(?:apa|siapa|mana|berapa|kapan|bagaimana)\s+saja\b|\bapa-apa\b|\bwhat\s+(?:are|were)\s+the\b|^\s*list\b",
    re.IGNORECASE,
)
# English possessives take the name with "'s": "his background" -> "Budi's background".
_POSSESSIVE_PRONOUN = frozenset({"his", "their", "its"})

# Words the asker puts in quote marks: double quotes, straight or curly, or curly single ones (a straight
# single quote is an apostrophe: "DeepSeek's").
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|‘([^’]+)’")


_CHAT_WORD = re.compile(r"\b\w+\b")
# A word written twice is written with a 2 in chat: "tanda2" is "tanda-tanda", "gara2" "gara-gara".
_DOUBLED = re.compile(r"\b([a-z]{3,})2\b", re.IGNORECASE)
_NYA = re.compile(r"\b(\w{2,}?)-?nya\b", re.IGNORECASE)
_HYPHENED_CLITIC = re.compile(r"(?<=\w)-nya\b", re.IGNORECASE)


@cache
def _chat_words() -> dict[str, str]:
    pairs = (line.split("\t") for line in data_lines("chat_words.tsv"))
    return {abbreviation.lower(): standard for abbreviation, standard in pairs}


def expand_chat(question: str) -> str:
    """The question with chat abbreviations spelt out ("brp km panjang terowongannya?" -> "berapa km …"), for
    searching; the reader sees their question as typed."""
    words = _chat_words()
    spelt = _CHAT_WORD.sub(lambda m: words.get(m.group().lower(), m.group()), question)
    return _DOUBLED.sub(lambda m: f"{m[1]}-{m[1]}", spelt)


@dataclass(frozen=True)
class Cleaned:
    text: str
    truncated: bool = False  # the original was longer than MAX_CHARS


# What a question asks for, which decides how it is answered: the article as a whole ("about", "author",
# "quoted": who is quoted), who someone is ("identity"), who said something ("who_said"), another person
# ("who"), what someone said ("said"), or a fact ("fact").
Kind = Literal["about", "author", "quoted", "identity", "who_said", "who", "said", "fact"]


@dataclass(frozen=True)
class Question:
    typed: str  # cleaned, as the asker wrote it
    text: str  # as read and searched: chat abbreviations spelt out ("yg blg" -> "yang bilang")
    lang: Lang  # the language it is written in, of the two the bot answers in
    kind: Kind
    speakers: tuple[str, ...] = ()  # the quoted people it asks about, as the article names them
    person: str | None = None  # whom it asks about: the name as written where it asks whose words, else a speaker
    query: str = ""  # what is searched: `text` less the words that named `speakers`
    wants: Wanted | None = None  # the kind of answer asked for: an amount, a time, a place, a person
    focus: tuple[str, ...] = ()  # the asked-for thing's words ("gaji", "employees"), names and question words out
    counted: str | None = None  # for an amount, the thing counted: "gaji" in "Berapa gaji Budi?"
    named: tuple[str, ...] | None = None  # asking for a name, what it is the name of: ("juru", "bicara")
    mentions: tuple[str, ...] = ()  # the names it mentions (people, organisations, places), as written
    quoted: str | None = None  # words it quotes from the article, to be matched as they stand
    pronoun: bool = False  # it names whom it asks about only by a pronoun ("Apa kata dia?")
    lists: bool = False  # it asks for the items of something ("Apa saja …?")
    truncated: bool = False
    foreign: str | None = None  # the code of a third language it is written in, if clearly one

    @property
    def asks_words(self) -> bool:
        """Whether the answer is someone's words: what X said, or who said it."""
        return self.kind in ("said", "who_said")


def read(raw: object, roles: Mapping[str, str | None]) -> Question:
    """The question as the bot understands it; `roles` maps each quoted person of the articles to their role.
    Raises ValueError as `clean` does."""
    cleaned = clean(raw)
    code = foreign(cleaned.text)
    # "RS-nya", "Pemkot-nya": the body already mentioned, by the name it has without the clitic.
    text = _HYPHENED_CLITIC.sub("", expand_chat(cleaned.text))
    text = re.sub(r"\s+([?.!,])", r"\1", " ".join(_ARTICLE_FRAME.sub(" ", text).split())).lstrip(",: ") or text
    lang = detect(cleaned.text)
    identity = identity_asked(text, roles) or (holder_asked(text, roles) if asks_who(text) else None)
    kind = _kind(text, identity)
    speakers: tuple[str, ...] = ()
    person: str | None = None
    if identity is not None and kind == "identity":
        speakers = (identity,)
    elif kind == "said":
        # The name where the question asks whose words it wants is the person asked about, whether the article
        # quotes them or not ("What did Elon Musk say about Telkom?" is not about Telkom's words).
        person = asked_person(text, lang)
        speakers = match_speakers(text, roles, roles)
        if person and not any(names_speaker(person, s, roles[s]) for s in speakers):
            # The speakers the whole question matched are not the person it names; the one it names, if any.
            named = tuple(s for s in roles if names_speaker(person, s, roles[s]))
            # "Apa kata pendiri DeepSeek?" asks for the founder, not for DeepSeek's own statements.
            held = {s: phrase for s in named if (phrase := held_role(text, s, roles[s]))}
            person = next(iter(held.values()), person)
            named = tuple(s for s in named if s not in held)
            speakers = named if len(named) == 1 else speakers
        elif person and (body := _speaking_itself(text, person, roles)) is not None:
            speakers = (body,)
    person = person or next(iter(speakers), None)
    # Once the speaker is known, the name only pulls towards the paragraph that introduces them; what they
    # said is found by the rest of the question.
    # (Who someone is, by contrast, is found where the name introduces them.)
    query = (without_names(text, {n: roles[n] for n in speakers}) or text) if kind == "said" and speakers else text
    # In an English question a name in ordinary words ("the White House") is one the article translates.
    named = mentions(text, ordinary=lang == "id")
    # The words that ask for someone's words are not the thing asked about.
    focus = focus_words(text, named, (*speakers, *filter(None, [person]), *_ASKS_FOR_WORDS.findall(text)))
    wants = "person" if kind in ("who", "who_said") else wanted(text)
    return Question(
        typed=cleaned.text,
        text=text,
        lang=lang,
        kind=kind,
        speakers=speakers,
        person=person,
        query=query,
        wants=wants,
        focus=focus,
        counted=counted(text, focus, lang) if wants == "amount" else None,
        named=named_head(text),
        mentions=named,
        quoted=quoted_words(text),
        pronoun=kind in ("said", "fact")
        and (
            not speakers
            or asks_pronoun(text)
            or (_SUBJECT_PRONOUN.match(text) is not None and not any(writes_name(text, s) for s in speakers))
        )
        and with_referent(text, "") is not None,
        lists=_ASKS_LIST.search(text) is not None,
        truncated=cleaned.truncated,
        foreign=code,
    )


def _speaking_itself(text: str, person: str, roles: Mapping[str, str | None]) -> str | None:
    """The one speaker whose own name is the name asked about, when the question names nobody else and no role
    beside it: "What does BGN say?" asks the body itself, not an official whose role names it ("Koordinator
    Wilayah BGN"), where "Apa kata kepala BGN?" and "What did the BGN head say?" ask the official."""
    own = [s for s in roles if names_speaker(person, s, None)]
    at = text.find(person)
    if len(own) != 1 or at < 0:
        return None
    before, after = re.findall(r"\w+", text[:at])[-1:], re.findall(r"\w+", text[at + len(person) :])[:1]
    if any(map(is_role_word, before + after)) or match_speakers(text[:at] + text[at + len(person) :], roles, roles):
        return None
    return own[0]


def without_clitics(text: str, vocabulary: Collection[str]) -> str:
    """The text with the clitic "-nya" taken off words the articles write without it ("Gimana tawurannya bisa
    direncanakan?" -> "… tawuran …", "RS-nya" -> "RS"); a word the articles write with it ("lainnya") stays."""

    def bare(match: re.Match[str]) -> str:
        word, stem = match.group(), match.group(1)
        return stem if fold(stem) in vocabulary and fold(word) not in vocabulary else word

    return _NYA.sub(bare, text)


def writes_name(text: str, speaker: str) -> bool:
    """Whether the text writes a word of the speaker's name that is no ordinary word ("Budi", not the
    "Tetangga" of a speaker known as "Tetangga korban")."""
    words = {fold(w) for w in re.findall(r"\w+", text)}
    return any(fold(w) in words and not is_ordinary(w) for w in re.findall(r"\w+", speaker))


def _kind(text: str, identity: str | None) -> Kind:
    """`identity`: the speaker a "Siapa X?" question asks about, if it is one (`identity_asked`)."""
    if asks_about_article(text):
        return "about"
    if asks_author(text):
        return "author"
    if asks_who_is_quoted(text):
        return "quoted"
    if identity is not None:
        return "identity"
    if asks_who(text):
        return "who_said" if asks_for_words(text) else "who"
    return "said" if asks_for_words(text) else "fact"


def clean(question: object) -> Cleaned:
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
        raise ValueError(NOT_TEXT.format(kind=type(question).__name__))
    # Lone surrogates and control characters come from broken clients and binary pastes; drop them.
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") else c for c in question)
    text = " ".join(text.split())
    if not text:
        raise ValueError(EMPTY)
    if not any(c.isalnum() for c in text):
        raise ValueError(NO_WORDS)
    truncated = len(text) > MAX_CHARS
    if truncated:
        text = text[:MAX_CHARS].rsplit(" ", 1)[0] or text[:MAX_CHARS]
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    if all(len(w) > MAX_TOKEN_CHARS for w in words):
        raise ValueError(UNBROKEN)
    return Cleaned(text, truncated)


def asks_who(question: str) -> bool:
    """A question whose answer is a person: "Siapa yang mengatakan …?", "Who founded …?", "Which expert
    warned …?", "Pakar mana yang …?"."""
    return bool(_WHO.match(question))


def asks_about_article(question: str) -> bool:
    """"What is this article about?", "Apa isi berita ini?", "Summarise it"."""
    return bool(_ABOUT_ARTICLE.search(question))


def with_referent(text: str, name: str, pronouns: re.Pattern[str] = _PRONOUN) -> str | None:
    """The question with its first pronoun (of `pronouns`), or clitic on a word of saying, replaced by `name`
    ("Apa lagi katanya?" -> "Apa lagi kata Budi?"), or None when it has neither."""
    clitic = _CLITIC.search(text)
    pronoun = pronouns.search(text)
    if clitic and (not pronoun or clitic.start() < pronoun.start()):
        return f"{text[: clitic.start()]}{clitic.group(1)} {name}{text[clitic.end():]}"
    if pronoun:
        after = text[pronoun.end() :].split()
        # "her" is possessive before a noun ("her kid"), an object before anything else ("told her about").
        possessive = pronoun.group().lower() in _POSSESSIVE_PRONOUN or (
            pronoun.group().lower() == "her" and bool(after) and fold(after[0]) not in stopwords()
        )
        own = "'s" if possessive else ""
        return f"{text[: pronoun.start()]}{name}{own}{text[pronoun.end():]}"
    return None


def asks_about_kin(question: str) -> bool:
    """Whether the question's pronoun is the owner of a relative it asks about ("Apa kata ayahnya?"): someone
    the article need not quote."""
    return bool(_KIN_OWNED.search(question))


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
    return bool(_ASKS_FOR_WORDS.search(_HEARING.sub(" ", question)))
