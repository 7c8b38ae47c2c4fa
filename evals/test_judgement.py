"""Answer judgement and conversation (issue #15): what the article does not say is not answered as known, what
it does say is not refused, and a follow-up is read in the light of the question before it."""

from __future__ import annotations

from . import harness, judgement, thresholds
from .harness import Run
from .judgement import Asked, Talked


def test_questions_the_article_does_not_answer_are_not_answered_as_known(
    run: Run, other_run: Run, judged: list[Asked]
) -> None:
    # The near misses of the older sets count too: all that is known of them is their support.
    older = [(q, r.support[q.id]) for r in (run, other_run) for q in r.questions if q.type == "near_miss"]
    flags = [judgement.known_wrongly(a.question, a.answer) for a in judged if a.question.type in judgement.NOT_KNOWN]
    flags += [support == "full" for _, support in older]
    wrong = [judgement.describe(a) for a in judged if a.question.type in judgement.NOT_KNOWN]
    wrong += [f"{q.id} {q.type}: {q.question!r} -> {support}" for q, support in older]
    not_known = 1 - judgement.rate(flags)
    assert not_known >= thresholds.NOT_KNOWN_MIN, f"{not_known:.3f} of {len(flags)}\n" + "\n".join(
        line for line, known in zip(wrong, flags) if known
    )


def test_on_topic_questions_are_not_refused_over_every_set(run: Run, other_run: Run, judged: list[Asked]) -> None:
    refused = [q.id for r in (run, other_run) for q in r.questions if q.on_topic and r.support[q.id] == "none"]
    refused += [a.question.id for a in judged if judgement.refused_wrongly(a.question, a.answer)]
    asked = sum(q.on_topic for r in (run, other_run) for q in r.questions) + sum(a.question.on_topic for a in judged)
    assert len(refused) / asked <= thresholds.FALSE_REFUSALS_MAX, refused


def test_a_person_the_article_never_mentions_is_named_and_not_given_anyone_elses_words(judged: list[Asked]) -> None:
    absent = [a for a in judged if a.question.type == "absent_person" and a.answer.support == "none"]
    assert absent
    for a in absent:
        assert a.answer.evidence is None and a.question.absent and a.question.absent.lower() in a.answer.text.lower()


def test_follow_ups_reach_the_person_or_topic_they_point_back_to(talked: list[Talked]) -> None:
    rights = [judgement.follow_up_right(turn, answer) for t in talked for turn, answer in t.follow_ups]
    wrong = [judgement.describe_turns(t) for t in talked if not all(judgement.rights(t))]
    right = judgement.rate(rights)
    assert right >= thresholds.FOLLOW_UP_MIN, f"{right:.3f} of {len(rights)}\n" + "\n".join(wrong)


def test_every_judgement_gold_phrase_marks_one_passage(judged: list[Asked]) -> None:
    for a in judged:
        passages = harness.retriever_for(harness.ROOT, a.question.article).passages
        for phrase in a.question.gold:
            assert sum(phrase in p.text for p in passages) == 1, (a.question.id, phrase)


def test_every_conversation_gold_phrase_marks_one_passage(talked: list[Talked]) -> None:
    for t in talked:
        passages = harness.retriever_for(harness.ROOT, t.conversation.article).passages
        for turn in t.conversation.turns:
            for phrase in turn.gold:
                assert sum(phrase in p.text for p in passages) == 1, (t.conversation.id, phrase)
