"""Which speaker a question is about, and the question without the words that named them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher
from functools import lru_cache

from qa.resources import short_forms
from qa.tokens import fold, stem, stopwords

from . import cues
from .titles import match_title
from .words import TITLE_WORDS, TitleKind, listed_words, tokenize

_WORD_RE = re.compile(r"\w+", re.UNICODE)
# The longest name taken for an owner before "'s" ("Siti Aminah's kid").
_OWNER_MAX_WORDS = 3
# A misspelt name ("Santosa", "Hartanta") is still that person: one letter wrong in five is let through.
# Shorter words are too easily another word with one letter changed.
_TYPO_MIN_CHARS = 5
_TYPO_RATIO = 0.8
# "the Telkom boss and Indosat": two speakers asked about together stand at most this many words apart.
_JOINED_MAX_WORDS = 4
# Roles and question words seen again on every question: their stems are kept.
_STEMS_CACHE_SIZE = 4096
_SHORT_FORMS = short_forms()
# Words after which a question names whose account it asks for.
_SOURCE_MARKERS = frozenset({"menurut", "kata", "versi"})


def match_speakers(
    question: str, names: Iterable[str], roles: Mapping[str, str | None] | None = None
) -> tuple[str, ...]:
    """The speakers among `names` that the question asks about, by full name, by one distinctive part of it,
    or by a proper noun of the role the article gives them alone ("the Gadjah Mada professor" for the speaker
    whose role says Gadjah Mada), or by words of their role no one else's holds all of ("kepala dinas", "the
    harbourmaster"). The one mentioned first is asked about ("What did Telkom say about
    Indosat?"), with any joined to it by "and"/"dibanding" ("What did Telkom and Indosat say?"). A name
    right after "about"/"tentang" is the topic, not a speaker ("What do experts say about Telkom?")."""
    words = _WORD_RE.findall(question)
    folded = [fold(word) for word in words]
    # Only an asker who uses capitals at all says, by writing a word in lowercase, that it is no name.
    cased = question.lower() != question != question.upper()
    topic = [t or o for t, o in zip(_topic_words(folded, words, cased), _owners(folded))]
    held_at = _affiliations(folded, words)
    distinctive = [
        _is_distinctive(word, original, index, cased) and not topic[index]
        for index, (word, original) in enumerate(zip(folded, words))
    ]
    role_words = _role_words(roles or {})
    found: list[tuple[tuple[int, int, int], str]] = []
    for name in names:
        parts = [fold(part) for part in _WORD_RE.findall(name)]
        if not parts:
            continue
        full = _find_sequence(folded, parts)
        # At the same place, a full name beats a part of another.
        # A body right after a role is where the role is held: "pendiri DeepSeek" is not DeepSeek.
        held = held_at if is_body(name, (roles or {}).get(name)) else [False] * len(folded)
        if full is not None and (len(parts) > 1 or distinctive[full]) and not topic[full] and not held[full]:
            found.append(((full, -len(parts), -1), name))
            continue
        # A misspelt name is still that name; a role word is matched as written ("University" is not
        # "Universitas").
        hits = [
            i
            for i, word in enumerate(folded)
            if distinctive[i] and not held[i]
            and (any(_same(word, p) for p in parts) or word in role_words.get(name, ()))
        ]
        if hits:
            found.append(((hits[0], -len(set(folded[index] for index in hits)), 0), name))
    named = {name for _, name in found}
    found += [match for match in _role_matches(folded, topic, roles or {}) if match[1] not in named]
    # One named as the source ("menurut kades", "according to the regent") first, then the first mentioned;
    # at one place, the match that covers more of the question ("the Perumda director" is the director, not
    # Perumda), then a name before a role. "Berapa rumah warga yang retak menurut kades?" asks the village
    # head, not a lawyer for the "warga".
    sourced = _sourced(folded)
    found.sort(key=lambda match: (match[0][0] not in sourced, match))
    chosen = found[:1]
    for mention in found[1:]:
        between = folded[chosen[-1][0][0] + 1 : mention[0][0]]
        if mention[0][0] == chosen[-1][0][0] or not (
            len(between) <= _JOINED_MAX_WORDS and cues.CONJUNCTIONS & set(between)
        ):
            break
        chosen.append(mention)
    return tuple(name for _, name in chosen)


def _sourced(folded: list[str]) -> frozenset[int]:
    """The positions of the words right after a phrase naming whose account it is ("menurut", "kata",
    "according to"), an article or "the" between them allowed."""
    positions = set()
    for index, word in enumerate(folded):
        marker = word in _SOURCE_MARKERS or (word == "to" and index > 0 and folded[index - 1] == "according")
        if marker:
            after = index + 1
            while after < len(folded) and folded[after] in cues.TOPIC_SKIPPED:
                after += 1
            positions.add(after)
    return frozenset(positions)


def identity_asked(question: str, roles: Mapping[str, str | None]) -> str | None:
    """The speaker a "Siapa X?" / "Who is X?" question asks about, when X is nothing but their name or
    words of their role ("Siapa Budi?", "Who is the Telkom CEO?"), and the article gives them a role."""
    name = _one_with_role(question, roles)
    if name is None:
        return None
    words = {fold(word) for word in _WORD_RE.findall(f"{name} {roles[name]}")}
    stems = _stems(f"{name} {roles[name]}")
    rest = [
        word
        for word in map(fold, _WORD_RE.findall(question))
        if word not in cues.IDENTITY_WORDS
        and not any(_same(word, known) for known in words)
        and not _meanings(word) & stems  # "Who is the harbourmaster?" for a "Kepala Kantor Kesyahbandaran"
    ]
    return None if rest else name


def holder_asked(question: str, roles: Mapping[str, str | None]) -> str | None:
    """The speaker a who-question asks for by the office or trade their role opens with, when its words pick
    out that speaker alone: "Siapa koordinator demo?" for the "Koordinator aksi …", "Nakhoda yang diwawancarai
    siapa?" for a "nakhoda kapal …". Its other words may tell the occasion in words of its own ("demo" for the
    article's "aksi"); those of another office ("Siapa yang memimpin satgas?") pick out no role's head."""
    name = _one_with_role(question, roles)
    if name is None:
        return None
    opening = fold(roles[name].split()[0])
    if opening in cues.ORG_ROLE_WORDS or opening in cues.ORG_WORDS:
        return None  # "Siapa saja perusahaan yang …?" asks for companies, not for the one described as one
    head = _stems(opening)
    asked = [fold(word) for word in _WORD_RE.findall(question)]
    # "Siapa pejabat kementerian yang dikutip?": an official is whoever holds an office, whatever its title.
    if set(asked) & cues.OFFICIAL_WORDS:
        title = match_title(tokenize(roles[name]), 0)
        if title is not None and title[2] is not TitleKind.GENERIC:
            return name
    return name if any(_holds_meaning(word, _meanings(word), head) for word in asked) else None


def _one_with_role(question: str, roles: Mapping[str, str | None]) -> str | None:
    """The one speaker the question's words match, if the article gives them a role."""
    found = match_speakers(question, roles, roles)
    return found[0] if len(found) == 1 and roles[found[0]] else None


def without_names(question: str, names: Mapping[str, str | None]) -> str:
    """The question with the words of the names (and the proper nouns of their roles, `names` mapping each
    name to its role) taken out, to search for what was said rather than who said it; so are the words of
    their roles that come before what it asks about ("What did the health minister say about measles?")."""
    parts = {fold(part) for name in names for part in _WORD_RE.findall(name)}
    parts |= {word for role in names.values() for word in _proper_words(role or "")}
    stems = frozenset().union(*(_stems(role or name) for name, role in names.items()))
    asked = False  # past "about"/"soal": a role's word there is what is asked about

    def kept(match: re.Match[str]) -> str:
        nonlocal asked
        word = fold(match.group())
        asked = asked or word in cues.TOPIC_MARKERS
        named = any(_same(word, p) for p in parts) or (not asked and _meanings(word) & stems)
        return "" if named else match.group()

    return " ".join(_WORD_RE.sub(kept, question).split())


def _role_matches(
    folded: list[str], topic: list[bool], roles: Mapping[str, str | None]
) -> list[tuple[tuple[int, int, int], str]]:
    """Speakers asked about by words of their role ("Apa kata kepala dinas?", "What did the regent say?"): each
    speaker whose role holds words of the question that no other speaker's role holds all of. A speaker known
    only by a role has it as their name."""
    asked = [frozenset() if topic[i] else _meanings(word) for i, word in enumerate(folded)]
    hits: dict[str, frozenset[int]] = {}
    for name, role in roles.items():
        stems = _stems(role or name)
        positions = frozenset(i for i, meanings in enumerate(asked) if _holds_meaning(folded[i], meanings, stems))
        if positions:
            hits[name] = positions
    # A short form the role writes as it stands, or spells out word for word, beats a role that only holds its
    # words apart: "kapolres" is the Kapolres, not a "Kepala Kantor …" whose "kepala" the "kepala kepolisian
    # resor" also holds; "Kadinkes" the "Kepala Dinas Kesehatan …", not a "Kepala Bidang Kesehatan Hewan Dinas …".
    for index, word in enumerate(folded):
        if word not in _SHORT_FORMS:
            continue
        spelled = f" {_SHORT_FORMS[word]} "
        literal = {
            name
            for name, positions in hits.items()
            if index in positions and (word in _written(roles, name) or spelled in f" {_in_order(roles, name)} ")
        }
        if literal:
            hits = {name: p if name in literal else p - {index} for name, p in hits.items()}
    hits = {name: positions for name, positions in hits.items() if positions}
    # An English noun phrase ends in its head: in "the smelter exec" the smelter only says which executive.
    heads = {i for i, word in enumerate(folded) if _is_english_role(word)}
    return [
        ((min(positions), -len(positions), 1), name)
        for name, positions in hits.items()
        if not any(other != name and positions <= theirs for other, theirs in hits.items())
        and not any(max(positions) + 1 in theirs and max(positions) + 1 in heads for theirs in hits.values())
    ]


def _holds_meaning(word: str, meanings: frozenset[str], stems: frozenset[str]) -> bool:
    """Whether a role (its stems) holds what a question's word means. A short form means all the words it stands
    for: "Kadinkes" is a "Kepala Dinas Kesehatan", not a "Kepala BPJS Kesehatan", which holds two of them."""
    spelled = _SHORT_FORMS.get(_short_form(word))
    if spelled and stem(word) not in stems:
        return _stems(spelled) <= stems
    return bool(meanings & stems)


def _written(roles: Mapping[str, str | None], name: str) -> frozenset[str]:
    return frozenset(fold(word) for word in _WORD_RE.findall(roles[name] or name))


def _in_order(roles: Mapping[str, str | None], name: str) -> str:
    return " ".join(fold(word) for word in _WORD_RE.findall(roles[name] or name))


def _short_form(word: str) -> str:
    """The word without "-nya" when that leaves a short form ("kadesnya": the village head just spoken of)."""
    bare = word.removesuffix("nya")
    return bare if bare != word and bare in _SHORT_FORMS else word


def _meanings(word: str) -> frozenset[str]:
    """The stems a question's word may stand for in a role: itself, the title an abbreviation stands for
    ("dirut"), the Indonesian for an English role word ("regent", "residents") or another Indonesian word for
    the role ("pengacara" for "kuasa hukum"); a word for the family stands
    for every kin ("keluarga korban" may be the victim's sister). Of two letters, only a short form ("RS")."""
    if word in cues.FAMILY_WORDS:  # "family" is a common English word, and still asks for kin
        return _stems(" ".join(cues.KIN))
    word = _short_form(word)
    short = len(word) < 3 and word not in _SHORT_FORMS and word not in cues.ROLE_TRANSLATIONS  # "PR" is "humas"
    if short or word in cues.ENGLISH_COMMON or word in stopwords():
        return frozenset()
    singular = word[:-1] if word.endswith("s") else word
    spelled = cues.TITLE_ABBREVIATIONS.get(word, "")
    translated = cues.ROLE_TRANSLATIONS.get(word) or cues.ROLE_TRANSLATIONS.get(singular, "")
    return _stems(f"{word} {spelled} {translated} {cues.ROLE_SYNONYMS.get(word, '')}")


@lru_cache(maxsize=_STEMS_CACHE_SIZE)
def _stems(text: str) -> frozenset[str]:
    # Two letters are enough for a role's short forms ("RS" for rumah sakit, "PT"); a question's own words
    # need three (`_meanings`). A question is matched to a role as the search matches it to a passage: stemmed,
    # without the search's stopwords.
    # A short form is also the words it stands for: "Kapolres Kuningan" is the police chief of Kuningan.
    folded = [fold(word) for word in _WORD_RE.findall(text)]
    words = [*folded, *(part for word in folded for part in _SHORT_FORMS.get(word, "").split())]
    return frozenset(stem(word) for word in words if len(word) >= 2 and word not in stopwords())


def _role_words(roles: Mapping[str, str | None]) -> dict[str, set[str]]:
    """Per speaker, the proper nouns of their role that no other speaker's role or name holds: "Diponegoro"
    singles out one professor, "University" does not."""
    own = {name: set(_proper_words(role or "")) for name, role in roles.items()}
    names = {fold(part) for name in roles for part in _WORD_RE.findall(name)}
    counts = Counter(word for words in own.values() for word in words)
    return {name: {w for w in words if counts[w] == 1 and w not in names} for name, words in own.items()}


def _proper_words(text: str) -> list[str]:
    """The words of a role written with a capital that are no ordinary word: places, institutions, firms."""
    return [
        fold(word)
        for word in _WORD_RE.findall(text)
        if any(c.isupper() for c in word) and _is_distinctive(fold(word), word, 0, True)
    ]


def _same(word: str, part: str) -> bool:
    if word == part:
        return True
    if min(len(word), len(part)) < _TYPO_MIN_CHARS or word in listed_words():
        return False
    return SequenceMatcher(None, word, part).ratio() >= _TYPO_RATIO


def _find_sequence(words: list[str], parts: list[str]) -> int | None:
    for index in range(len(words) - len(parts) + 1):
        if all(_same(word, part) for word, part in zip(words[index : index + len(parts)], parts)):
            return index
    return None


def _topic_words(folded: list[str], words: list[str], cased: bool) -> list[bool]:
    """Per word, whether it names the topic: right after "about"/"tentang" (an article between them allowed),
    the next word of a name that does ("about Budi Santoso"), or a place joined to it ("soal antrean di
    pelabuhan")."""
    topic: list[bool] = []
    previous: int | None = None
    for index, word in enumerate(folded):
        # Only to a place in lower case: a name after "di Mina" may be a speaker put in for "dia".
        lower = [not w[:1].isupper() for w in words[index : index + 2]]
        linked = (word in cues.TOPIC_LINKS and lower[1:] == [True]) or (
            index > 0 and folded[index - 1] in cues.TOPIC_LINKS and lower[0]
        )
        topic.append(
            previous is not None
            and (
                folded[previous] in cues.TOPIC_MARKERS
                or (topic[previous] and previous == index - 1 and (not cased or words[index][:1].isupper() or linked))
            )
        )
        if word not in cues.TOPIC_SKIPPED:
            previous = index
    return topic


# Nouns of a role: a name right after one is where the role is held ("pendiri DeepSeek"), not the one asked
# about. (English may put the body first, "the DeepSeek founder": not read so.)
_ROLE_NOUNS = frozenset(
    word for phrase in (*cues.ROLE_TRANSLATIONS, *cues.ROLE_TRANSLATIONS.values(), *cues.GENERIC_ROLES)
    for word in phrase.split()
) | TITLE_WORDS


def held_role(question: str, name: str, role: str | None) -> str | None:
    """The role and body as the question writes them ("pendiri DeepSeek", "founder of DeepSeek") when it names
    this body only as where a role is held; else None."""
    words = _WORD_RE.findall(question)
    folded = [fold(word) for word in words]
    at = _find_sequence(folded, [fold(part) for part in _WORD_RE.findall(name)])
    if at is None or not is_body(name, role) or not _affiliations(folded, words)[at]:
        return None
    return " ".join(words[_role_before(folded, at) : at + len(_WORD_RE.findall(name))])


def is_body(name: str, role: str | None) -> bool:
    """An organisation: named with a body's word, or given a body's role ("perusahaan yang …")."""
    first = fold(role.split()[0]) if role else ""
    return first in cues.ORG_ROLE_WORDS or any(fold(w) in cues.ORG_WORDS for w in _WORD_RE.findall(name))


def _affiliations(folded: list[str], words: list[str]) -> list[bool]:
    """Per word, whether it names where the role before it is held ("Apa kata pendiri DeepSeek?" asks for the
    founder, whom DeepSeek's own statements do not answer)."""
    return [
        index > 0
        and folded[_role_before(folded, index)] in _ROLE_NOUNS
        and word[:1].isupper()
        and folded[index] not in _ROLE_NOUNS
        for index, word in enumerate(words)
    ]


def _role_before(folded: list[str], index: int) -> int:
    """Where the role word before a body would stand: "pendiri DeepSeek", "founder of DeepSeek"."""
    return index - 2 if index > 1 and folded[index - 1] in ("of", "dari") else index - 1


def _is_english_role(word: str) -> bool:
    """An English word for a role, singular or plural ("lawyer", "workers")."""
    return word in cues.ROLE_TRANSLATIONS or word[:-1] in cues.ROLE_TRANSLATIONS


def _owners(folded: list[str]) -> list[bool]:
    """Per word, whether it names someone whose kin or agent the question asks about ("Siti Aminah's kid",
    "Budi's lawyer"): the words before an "'s" that a role word follows."""
    owners = [False] * len(folded)
    for index in range(1, len(folded) - 1):
        after = folded[index + 1]
        if folded[index] != "s" or not _is_english_role(after):
            continue
        start = index - 1
        while start > 0 and index - start < _OWNER_MAX_WORDS and folded[start - 1] not in stopwords():
            start -= 1
        owners[start:index] = [True] * (index - start)
    return owners


def _is_distinctive(word: str, original: str, index: int, cased: bool) -> bool:
    """Whether one word of a name, found in a question, is enough to mean that person. In a question written
    with capitals, a lowercase word is no name ("Apakah bunga itu mekar?" when "Bunga" is a name); a listed
    common word counts only when the asker capitalised it mid-question ("Apa kata Siti")."""
    if len(word) < 3 or word in cues.ENGLISH_COMMON or (cased and not original[:1].isupper()):
        return False
    if word in listed_words():
        return cased and index > 0
    return True
