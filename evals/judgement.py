"""Answer judgement: whether a reply claims what the article does not say, refuses what it does, and follows
a conversation.

`judgement.jsonl` holds questions written cold about the seed article and five held-out ones: near misses
(the topic is there, the asked fact is not), people the article never mentions, a fact of a kind the article
does not give, and fair paraphrases of what it does say. `conversations.jsonl` holds conversations of two or
three turns whose later turns lean on the earlier ones ("Apa lagi yang dia katakan?", "And Hammond?").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import qa
from qa.tokens import fold

from .harness import Question, load_questions, retriever_for
from .metrics import SPEAKER_DEPTH, is_gold

JUDGEMENT = Path(__file__).with_name("judgement.jsonl")
CONVERSATIONS = Path(__file__).with_name("conversations.jsonl")
# Questions about the article's subject that it does not answer as asked: a reply must not present them as
# answered ("full"), and one about a person it never mentions must name them.
NOT_KNOWN = ("near_miss", "absent_person", "wrong_kind")


@dataclass(frozen=True)
class Turn:
    question: str
    gold: tuple[str, ...]  # any of these marks a paragraph that answers the turn; empty: no fixed paragraph
    speaker: str | None  # whose words the answer should show; None for a fact


@dataclass(frozen=True)
class Conversation:
    id: str
    article: str  # repository-relative path
    lang: str
    turns: tuple[Turn, ...]


def load_judgement(path: Path = JUDGEMENT) -> list[Question]:
    return load_questions(path)


def load_conversations(path: Path = CONVERSATIONS) -> list[Conversation]:
    conversations = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        raw = json.loads(line)
        turns = tuple(Turn(t["question"], tuple(t["gold"]), t["speaker"]) for t in raw["turns"])
        if not 2 <= len(turns) <= 3:
            raise ValueError(f"{path}:{n} ({raw['id']}): a conversation has two or three turns")
        conversations.append(Conversation(raw["id"], raw["article"], raw["lang"], turns))
    return conversations


def known_wrongly(q: Question, answer: qa.Answer) -> bool:
    """An unanswered question answered as if the article said it; a person it never mentions not named."""
    if answer.support == "full":
        return True
    return q.absent is not None and fold(q.absent) not in fold(answer.text)


def refused_wrongly(q: Question, answer: qa.Answer) -> bool:
    return q.on_topic and answer.support == "none"


def same_speaker(shown: str | None, expected: str) -> bool:
    """The speaker the app shows is the expected one (case and accents aside)."""
    return shown is not None and fold(shown) == fold(expected)


def follow_up_right(turn: Turn, answer: qa.Answer) -> bool:
    """The turn is answered, from a right paragraph among the first ones, in the words of the person meant."""
    shown = answer.passages[:SPEAKER_DEPTH]
    if answer.support == "none" or not shown:
        return False
    lead = answer.evidence.passage if answer.evidence else shown[0]
    return (not turn.gold or any(is_gold(p.text, turn.gold) for p in shown)) and (
        turn.speaker is None or same_speaker(lead.speaker, turn.speaker)
    )


@dataclass(frozen=True)
class Asked:
    question: Question
    answer: qa.Answer


@dataclass(frozen=True)
class Talked:
    conversation: Conversation
    answers: tuple[qa.Answer, ...]  # one per turn

    @property
    def follow_ups(self) -> list[tuple[Turn, qa.Answer]]:
        return list(zip(self.conversation.turns[1:], self.answers[1:]))


def ask_each(questions: Sequence[Question], root: Path) -> list[Asked]:
    """Every question put to `qa.ask` over its own article alone."""
    return [
        Asked(q, qa.ask(q.question, k=SPEAKER_DEPTH, retriever=retriever_for(root, q.article))) for q in questions
    ]


def talk(
    conversations: Sequence[Conversation],
    root: Path,
    start: Callable[[qa.Retriever], qa.Conversation] = qa.Conversation,
) -> list[Talked]:
    """Every conversation held with a new `qa.Conversation` over its own article."""
    talked = []
    for c in conversations:
        conversation = start(retriever_for(root, c.article))
        talked.append(Talked(c, tuple(conversation.ask(t.question, k=SPEAKER_DEPTH) for t in c.turns)))
    return talked


def rate(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else float("nan")


def describe(asked: Asked) -> str:
    q, a = asked.question, asked.answer
    return f"{q.id} {q.type}: {q.question!r} -> {a.support}: {a.text[:140]!r}"


def describe_turns(talked: Talked) -> str:
    lines = [f"{talked.conversation.id}:"]
    for turn, answer in zip(talked.conversation.turns, talked.answers):
        lead = answer.passages[0] if answer.passages else None
        where = f"{lead.id} ({lead.speaker or '-'})" if lead else "-"
        lines.append(f"    {turn.question!r} -> {answer.support}, {where}; expected {turn.speaker or '-'}")
    return "\n".join(lines)


def summary(judged: Sequence[Asked], talked: Sequence[Talked]) -> str:
    """The judgement figures, per language, for the end of `pytest evals/`."""
    lines = []
    for lang in ("id", "en"):
        mine = [a for a in judged if a.question.lang == lang]
        unknown = [a for a in mine if a.question.type in NOT_KNOWN]
        answerable = [a for a in mine if a.question.on_topic]
        turns = [right for t in talked if t.conversation.lang == lang for right in rights(t)]
        lines.append(
            f"judgement {lang}: not answered as known {sum(not known_wrongly(a.question, a.answer) for a in unknown)}"
            f"/{len(unknown)}, paraphrases refused {sum(refused_wrongly(a.question, a.answer) for a in answerable)}"
            f"/{len(answerable)}, full {sum(a.answer.support == 'full' for a in answerable)}/{len(answerable)}; "
            f"follow-ups right {sum(turns)}/{len(turns)}"
        )
    for kind in NOT_KNOWN:
        of_kind = [a for a in judged if a.question.type == kind]
        lines.append(f"  {kind}: {sum(not known_wrongly(a.question, a.answer) for a in of_kind)}/{len(of_kind)}")
    return "\n".join(lines)


def rights(talked: Talked) -> list[bool]:
    """Per follow-up of the conversation, whether it was answered right."""
    return [follow_up_right(turn, answer) for turn, answer in talked.follow_ups]
