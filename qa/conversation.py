"""A conversation: questions that lean on the turn before ("Apa lagi yang dia katakan?", "And Budi?").

Each question is read as it stands, then, when it points back, rewritten as the full question it stands for:
a pronoun becomes the person the last answer was about, "what else" asks the last question again without
the passages already quoted, "and X?" asks it again about X. A short question that points back but finds
nothing alone ("Kondisinya gimana?", "Why?") is asked again with the last question's topic. Any other question
starts a new topic.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace

from .answer import Answer, ask
from .api import default_retriever
from .attribution import cues, match_speakers
from .focus import mentions, names_speaker, person_named
from .language import Lang
from .question import Question, asks_about_kin, with_referent, writes_name
from .retrieval import Retriever
from .tokens import fold

_WORD = re.compile(r"\w+")
# "Apa lagi?", "Terus dia bilang apa lagi?", "Selain itu?", "What else did she say?", "Anything else?".
_MORE = re.compile(
    r"\b(?P<connective>apa\s+lagi|ada\s+lagi|apa\s+saja\s+lagi|selain\s+itu|what\s+else|anything\s+else|"
    r"^\s*(?:tell\s+me\s+)?more)\b",
    re.IGNORECASE,
)
# Past this length a question holding "apa lagi" asks something of its own.
MORE_MAX_WORDS = 8
# "Dan Budi?", "Kalau Siti gimana?", "Bagaimana dengan PLN?", "And Telkom?", "What about the mayor?".
_CONNECTIVE = (
    r"(?P<connective>dan|lalu|terus|kalau|kalo|bagaimana\s+dengan|gimana\s+dengan|and|what\s+about|how\s+about)"
)
_AND = re.compile(
    rf"^\s*{_CONNECTIVE}\s+(?P<other>.+?)(?:\s+(?:gimana|bagaimana|sendiri|juga))?\s*[?.!]*\s*$", re.IGNORECASE
)
# "And the police chief, what is he looking into?", "Kalau warga, apa kata mereka?": X, then a question whose
# pronoun stands for X.
_AND_THEN = re.compile(rf"^\s*{_CONNECTIVE}\s+(?P<other>[^,?]+),\s*(?P<rest>.+)$", re.IGNORECASE)
# "And X?" names one thing: longer, it is a question of its own ("Dan berapa biaya yang dikeluarkan OpenAI?").
AND_MAX_WORDS = 4
# A question word after the connective makes a question of its own ("Terus dia bilang apa?", "Lalu BPJS bilang
# apa?"), unless all it adds to the last question is a time ("Terus tahun lalu berapa?"): the last question, then.
_QUESTION_WORD = re.compile(
    r"\b(?:apa|siapa|berapa|kapan|mengapa|kenapa|diapakan|diapain|ngapain|(?:di|ke|dari)\s*mana|what|who|"
    r"how\s+(?:much|many)|when|where|why|which)\b",
    re.IGNORECASE,
)
# The time a question asks about, which a follow-up may put another in place of ("… di hari pertama?", then
# "Terus tahun lalu berapa?"; "… in 2024?", then "And last year?").
_TIME = re.compile(
    r"\b(?:(?:di|pada|on|in|during)\s+)?(?:the\s+)?(?:(?:hari|pekan|minggu|bulan|tahun|semester|kuartal|triwulan|"
    r"day|week|month|year|quarter)\s+(?:ini|itu|lalu|kemarin|depan|pertama|kedua|ketiga|terakhir|sebelumnya|\d{4}|"
    r"[IV]+)|(?:last|this|next|previous|first|second|third)\s+(?:day|week|month|year|quarter)|(?:19|20)\d\d|"
    r"kemarin|sekarang|yesterday|today|now)\b",
    re.IGNORECASE,
)
# The words that open a follow-up say its language where the rest is too short to ("And Wayan?" reads as
# Malay): these are English, the others Indonesian.
_ENGLISH_CONNECTIVES = frozenset({"and", "what about", "how about", "what else", "anything else", "more"})
# Up to this length, a question that names nothing of its own and finds nothing alone is read with the last
# question's topic.
ELLIPSIS_MAX_WORDS = 6
# Words that stand for something said before: pronouns, "-nya", "itu", "di sana", "that", "then"; and a time
# before the one just asked about ("dulu brp?", "And before?").
_POINTS_BACK = re.compile(
    r"\b(?:dia|ia|beliau|mereka|itu|tersebut|begitu|gitu|sana|situ|terus|trus|lalu|kalau|kalo|he|she|they|it|"
    r"that|this|those|there|then|so|dulu|dahulu|sebelumnya|before|previously|earlier)\b|\w{3,}nya\b",
    re.IGNORECASE,
)


# "it" for a body that speaks ("And what is it telling kitchen partners?"); no pronoun of the reading, as
# "it" is as often no one ("Is it true …?").
_IT = re.compile(r"\b(?:it|its)\b", re.IGNORECASE)
# A kind of body with "-nya": "asosiasinya", "perusahaannya" (the body just spoken of).
_BODY_NYA = re.compile(r"\b(\w{3,}?)nya\b", re.IGNORECASE)
# Words before a name that make it a place: "di Sigi", "Desa Omu", "from Lyon".
_PLACE_BEFORE = frozenset({"di", "ke", "dari", "in", "at", "from", "to", *cues.PLACE_UNITS})
# The words before a place in an article's own sentences: not "kepada" or "dari", which come before people too
# ("kata Budi kepada …", "keterangan dari Budi").
_PLACE_WORDS_IN_ARTICLE = frozenset({"di", *cues.PLACE_UNITS})


def _may_be_person(mention: str, text: str) -> bool:
    """Whether a name the question mentions may be a person's: not a short form, an organisation or a place
    by its words or by the word before it."""
    words = [fold(w) for w in _WORD.findall(mention)]
    before = [fold(w) for w in _WORD.findall(text[: max(text.find(mention), 0)])][-1:]
    return (
        not mention.isupper()
        and not any(w in cues.ORG_WORDS or w in cues.PLACE_WORDS or w in cues.COMPANY_PREFIXES for w in words)
        and not set(before) & _PLACE_BEFORE
    )


def _elliptic(question: Question) -> bool:
    """A short question that names nobody and nothing of its own and points back, by a word that stands for
    something said before or by asking about nothing ("Why?"); "Cuaca besok gimana?" asks about something else."""
    short = len(question.text.split()) <= ELLIPSIS_MAX_WORDS and not question.mentions and not question.speakers
    return short and (not question.focus or _POINTS_BACK.search(question.text) is not None)


def _connective_lang(question: Question) -> Lang | None:
    """The language of the words a follow-up opens with ("And …?", "Terus …?", "What else …?"), if any."""
    found = _AND_THEN.match(question.text) or _AND.match(question.text) or _MORE.search(question.text)
    if found is None:
        return None
    connective = " ".join(found["connective"].lower().split()).removeprefix("tell me ")
    return "en" if connective in _ENGLISH_CONNECTIVES else "id"


@dataclass(frozen=True)
class Turn:
    question: Question  # as answered: a follow-up rewritten as the full question it stands for
    answer: Answer
    read: Question | None = None  # as typed, when it was rewritten for a pronoun ("What did her kid say?")


class Conversation:
    """Questions about one set of articles, each read in the light of the one before.

    One conversation per reader: the web chat keeps one in each browser session. Asking is serialised, as a
    turn depends on the one before.
    """

    def __init__(self, retriever: Retriever | None = None) -> None:
        self._retriever = retriever
        self.turns: list[Turn] = []
        self._quoted: frozenset[str] = frozenset()  # evidence passages of the current topic, for "what else"
        self._lock = threading.Lock()

    @property
    def retriever(self) -> Retriever:
        """The one given, else the default library's as it stands: an article added since is searched too."""
        return self._retriever or default_retriever()

    def ask(self, question: str, k: int = 3, speaker: str | None = None) -> Answer:
        """The answer to `question` in this conversation; raises ValueError as `qa.ask` does."""
        with self._lock:
            read = self.retriever.read(question)
            resolved, more = self._resolve(read)
            skip = self._quoted if more else frozenset()
            # A follow-up's opening words say its language, rewritten or not ("And tuna?": "tuna" is Indonesian too).
            lang = "en" if read.foreign else _connective_lang(read)
            answer = ask(self.retriever, resolved, k, speaker, skip, lang or read.lang)
            if answer.support == "none" and (fallback := self._fallback(read, resolved)) is not None:
                again = ask(self.retriever, fallback, k, speaker, skip, lang or read.lang)
                if again.support != "none":
                    resolved, answer = fallback, again
            shown = frozenset({answer.evidence.passage.id}) if answer.evidence else frozenset()
            follows = more or resolved is not read
            self._quoted = (self._quoted | shown) if follows else shown
            self.turns.append(Turn(resolved, answer, read if read.pronoun and resolved is not read else None))
            return answer

    def _fallback(self, read: Question, resolved: Question) -> Question | None:
        """What a follow-up that finds nothing may mean, after a turn that found something: when it is short and
        points back ("Kondisinya gimana?", "Terus dijawab apa?", "Dia dibayar berapa?", its pronoun resolved or
        not), the question with the last question's topic. One rewritten otherwise ("And last year?") has it."""
        last = self.turns[-1] if self.turns else None
        if last is None or last.answer.support == "none" or (resolved is not read and not read.pronoun):
            return None
        return self.retriever.read(f"{resolved.text} {last.question.text}") if _elliptic(read) else None

    def _resolve(self, question: Question) -> tuple[Question, bool]:
        """The full question a follow-up stands for, and whether it asks for more of the same."""
        if not self.turns:
            return question, False
        last = self.turns[-1]
        # Whose words a question asks for is someone the article quotes: "What else did he say?" is not about
        # a product the last question named; "Apa kata ayahnya?" asks for the words of someone's father.
        more = _MORE.search(question.text) is not None
        speaking = (question.asks_words or more) and not asks_about_kin(question.text)
        referent = self._referent(last, speaking)
        if more and len(question.text.split()) <= MORE_MAX_WORDS:
            if question.speakers and set(question.speakers) != set(last.question.speakers):
                return question, False  # "What else did the union say?" after someone else: a question of its own
            named = with_referent(question.text, referent) if referent else None
            if named is None and not question.focus:
                return last.question, True  # "Apa lagi?", "Anything else?"
            asked = self.retriever.read(named) if named is not None else question
            if referent in self.retriever.roles and not asked.speakers:
                # "What else has it set up?" after the army's words: more of what that speaker told.
                asked = replace(asked, speakers=(referent,), person=referent)
            return asked, True
        then = _AND_THEN.match(question.text)
        if then and len(then["other"].split()) <= AND_MAX_WORDS:
            # The pronoun stands for X: for the speaker X names, if it names one ("the police chief").
            roles = self.retriever.roles
            speakers = match_speakers(then["other"], roles, roles)
            asked = with_referent(then["rest"], speakers[0] if len(speakers) == 1 else then["other"])
            if asked is not None:
                return self.retriever.read(asked), False
        other = _AND.match(question.text)
        if other and len(other["other"].split()) <= AND_MAX_WORDS:
            asked = " ".join(_QUESTION_WORD.sub(" ", other["other"]).split())
            # X names someone or something ("Dan OpenAI?", "And the police?"), or another time; not a topic in
            # plain words, which the question asks about in its own right ("Terus kondisi ibunya gimana?").
            plain = asked == " ".join(other["other"].split())
            if (plain and self._names(asked)) or (_TIME.fullmatch(asked) and _TIME.search(last.question.text)):
                return self._about(last, asked), False
        if (body := self._body_of(last, question.text)) is not None:
            return replace(question, speakers=(body,), person=body), False
        it = speaking and _IT.search(question.text) is not None
        if it and referent in self.retriever.roles and not _may_be_person(referent, ""):
            return self.retriever.read(with_referent(question.text, referent, _IT) or question.text), False
        # `pronoun` is set on a question that names its speaker only by role words after a subject pronoun.
        if question.pronoun and referent:
            return self.retriever.read(with_referent(question.text, referent) or question.text), False
        return question, False

    def _body_of(self, last: Turn, text: str) -> str | None:
        """The body the last answer's speaker speaks for, when the question names it by its kind and "-nya"
        ("Terus asosiasinya minta apa?" after the association's secretary): a speaker of the articles whose
        name holds that word and is named in the last speaker's role, in full or by a short form ("Sekretaris
        Umum APNI")."""
        kinds = {m[1].lower() for m in _BODY_NYA.finditer(text)} & (cues.ORG_WORDS | cues.ORG_ROLE_WORDS)
        said_by = last.answer.speaker
        role = self.retriever.roles.get(said_by or "")
        if not kinds or role is None:
            return None
        named = mentions(role, ordinary=True)
        bodies = [
            s
            for s in self.retriever.roles
            if s != said_by
            and kinds & {fold(w) for w in _WORD.findall(s)}
            and any(names_speaker(m, s, None) for m in named)
        ]
        return bodies[0] if len(bodies) == 1 else None

    def _names(self, words: str) -> bool:
        """Whether the words name someone or something: a speaker of the articles, by name or role, or a name."""
        roles = self.retriever.roles
        return bool(match_speakers(words, roles, roles)) or any(w[:1].isupper() for w in _WORD.findall(words))

    def _referent(self, last: Turn, speaking: bool = False) -> str | None:
        """Whom "dia" or "he" stands for after `last`: the person its answer named for a who-question, else
        the person the question asked about (by name, or by role, "menteri ESDM"; a speaker of the article
        when the follow-up is `speaking`, asking for words), else whose words answered it, else the first name
        it mentioned; no one after a question the article has nothing on (a person it never mentions is no
        one for "their" in the next question to stand for)."""
        if last.answer.support == "none":
            return None
        if last.question.kind == "who" and last.answer.evidence:
            # "Who scored?" is answered by a name in the evidence, whoever speaks it.
            named = person_named(last.answer.evidence.sentence, last.question.text)
            return named or last.answer.speaker
        if last.question.kind in ("who", "who_said"):
            return last.answer.speaker
        roles = self.retriever.roles
        # A full name or a role in short ("Dirjen Minerba") that names one speaker of the article is that
        # speaker, before any the words of the question match ("nikel" of an association of nickel miners);
        # one word ("Haryanto") may be someone the speaker talks about.
        named = {s for m in last.question.mentions if " " in m for s in roles if names_speaker(m, s, roles[s])}
        one = tuple(named) if len(named) == 1 else ()
        asked = last.question.speakers or one
        if not asked:
            found = match_speakers(last.question.text, roles, roles)
            by_name = tuple(s for s in found if writes_name(last.question.text, s))
            # A person the question names ("anak yang namanya Rizky") before speakers its words of a role match
            # ("sakit" of a health official's "Penyakit").
            person = next(
                (
                    m
                    for m in last.question.mentions
                    if _may_be_person(m, last.question.text) and not self._written_as_place(m)
                ),
                None,
            )
            asked = by_name or ((person,) if person and not speaking else found)
        return next(iter(asked), None) or last.answer.speaker or next(iter(last.question.mentions), None)

    def _written_as_place(self, name: str) -> bool:
        """Whether the articles write the name as a place, after "di" or the word for a place ("Kabupaten
        Sidoarjo"): the question that named it ("the head of the Sidoarjo land office") named nobody by it."""
        before = "|".join(sorted(_PLACE_WORDS_IN_ARTICLE))
        written = re.compile(rf"\b(?:{before})\s+{re.escape(name)}\b", re.IGNORECASE)
        return any(written.search(p.text) for p in self.retriever.passages)

    def _about(self, last: Turn, other: str) -> Question:
        """The last question asked again about `other`: another speaker for a question about someone's
        words, or for the pronoun it was asked with ("Is his company delaying …?", then "And the worker?"),
        else another subject in place of the person it asked about, or of the first name it mentioned."""
        roles = self.retriever.roles
        speakers = match_speakers(other, roles, roles)
        asked = last.question
        if speakers and asked.asks_words:
            return replace(asked, speakers=speakers, person=speakers[0], kind="said", mentions=())
        if speakers and last.read is not None:
            return self.retriever.read(with_referent(last.read.text, speakers[0]) or last.read.text)
        if _TIME.fullmatch(other) and (time := _TIME.search(asked.text)):
            return self.retriever.read(f"{asked.text[: time.start()]}{other}{asked.text[time.end() :]}")
        replaced = next((n for n in (*asked.speakers, asked.person, *asked.mentions) if n and n in asked.text), None)
        text = asked.text.replace(replaced, other) if replaced else f"{asked.text} {other}"
        return self.retriever.read(text)
