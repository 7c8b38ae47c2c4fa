"""The question set run once through the real retriever, and the scores, table and report made of it."""

from __future__ import annotations

import functools
import json
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import qa
from qa import retrieval
from qa.corpus import CORPUS_DIR

from .metrics import MRR_DEPTH, SPEAKER_DEPTH, Scores, first_gold_rank, score, speaker_correct

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = Path(__file__).with_name("questions.jsonl")
REPORT = Path(__file__).with_name("report.json")
LANGS = ("id", "en")
SPLITS = ("dev", "test")
ALL = "all"  # both splits
TYPES = (
    "fact", "number", "who_said", "what_did_x_say", "paraphrase", "multi",
    "off_topic", "near_miss", "absent_person", "wrong_kind",
)
# Questions the article does not answer: "off_topic" ones are unrelated and must all be refused; the others
# are about the article's subject but ask what it never says: a fact it does not give ("near_miss": "How
# many employees does DeepSeek have?"), a fact of a kind it does not give ("wrong_kind": when, for something
# it mentions without a date), or what a person said whom it never mentions ("absent_person").
UNANSWERABLE = ("off_topic", "near_miss", "absent_person", "wrong_kind")

Ask = Callable[[str], qa.Answer]  # qa.ask, as the evals put a question to it


@dataclass(frozen=True)
class Question:
    id: str
    lang: str
    type: str
    question: str
    gold: tuple[str, ...]  # exact substrings of the article, one per answering paragraph
    speakers: tuple[str | None, ...]  # who speaks in each gold phrase's paragraph, None for narration
    split: str
    article: str | None = None  # the article file asked about (repository-relative); None: the corpus
    absent: str | None = None  # for "absent_person": the name the article never mentions, as asked

    @property
    def on_topic(self) -> bool:
        return self.type not in UNANSWERABLE

    @property
    def group(self) -> str:
        """"on_topic", or which kind of unanswerable question it is."""
        return "on_topic" if self.on_topic else self.type


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    """The question set, checked field by field so that a bad line names itself."""
    questions: list[Question] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        raw = json.loads(line)
        gold = tuple(raw["gold"])
        # One speaker for every gold phrase, or a list of them when the answering paragraphs differ.
        speaker = raw["speaker"]
        speakers = tuple(speaker) if isinstance(speaker, list) else (speaker,) * len(gold)
        q = Question(
            id=raw["id"],
            lang=raw["lang"],
            type=raw["type"],
            question=raw["question"],
            gold=gold,
            speakers=speakers,
            split=raw["split"],
            article=raw.get("article"),
            absent=raw.get("absent"),
        )
        checks = [
            (q.lang in LANGS, f"lang {q.lang!r} is not one of {LANGS}"),
            (q.split in SPLITS, f"split {q.split!r} is not one of {SPLITS}"),
            (q.type in TYPES, f"type {q.type!r} is not one of {TYPES}"),
            (not q.on_topic or bool(q.gold), "an on-topic question needs gold phrases"),
            (q.on_topic or not (q.gold or speaker), "an off-topic question has no gold phrases or speaker"),
            (len(q.speakers) == len(q.gold), "a speaker list needs one entry per gold phrase"),
            ((q.type == "absent_person") == bool(q.absent), "an absent_person question names who is absent"),
        ]
        problems = [message for ok, message in checks if not ok]
        if problems:
            raise ValueError(f"{path}:{n} ({q.id}): " + "; ".join(problems))
        questions.append(q)
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: duplicate ids {sorted({i for i in ids if ids.count(i) > 1})}")
    return questions


@dataclass(frozen=True)
class Outcome:
    """One question searched in one mode."""

    question: Question
    mode: str
    detected_lang: str  # the language the retriever took the question to be in
    rank: int | None  # of the first gold passage, 1-based, None beyond MRR_DEPTH
    top: tuple[str, ...]  # passage ids, best first, SPEAKER_DEPTH of them
    top_speakers: tuple[str | None, ...]
    speaker_ok: bool  # False for off-topic questions: nothing to attribute
    best_dense: float | None  # the highest question-passage cosine (what refusal is judged on); None for bm25


def search(retriever: qa.Retriever, q: Question, mode: retrieval.Mode) -> Outcome:
    ranking = retriever.rank(q.question, mode)
    top = [retriever.passages[i] for i in ranking.order[:MRR_DEPTH]]
    return Outcome(
        question=q,
        mode=mode,
        detected_lang=ranking.question.lang,
        rank=first_gold_rank([p.text for p in top], q.gold),
        top=tuple(p.id for p in top[:SPEAKER_DEPTH]),
        top_speakers=tuple(p.speaker for p in top[:SPEAKER_DEPTH]),
        speaker_ok=q.on_topic and speaker_correct([(p.text, p.speaker) for p in top], q.gold, q.speakers),
        best_dense=None if mode == "bm25" else round(float(ranking.dense.max()), 4),
    )


@dataclass(frozen=True)
class Run:
    questions: tuple[Question, ...]
    outcomes: tuple[Outcome, ...]  # every question in every mode
    refused: Mapping[str, bool]  # question id -> refused by qa.ask
    support: Mapping[str, str]  # question id -> qa.ask's verdict: "full", "partial" or "none"
    # question id -> qa.ask's evidence sentence holds a gold phrase; judged only where its first passage is gold
    evidence: Mapping[str, bool]
    seconds: float


def run(retriever: qa.Retriever, questions: Sequence[Question], ask: Ask) -> Run:
    """Every question searched once per mode, and put to `ask`."""
    start = time.perf_counter()
    outcomes = tuple(search(retriever, q, mode) for q in questions for mode in retrieval.MODES)
    answers = {q.id: ask(q.question) for q in questions}
    refused = {qid: not a.in_article for qid, a in answers.items()}
    support = {qid: a.support for qid, a in answers.items()}
    evidence = {
        q.id: any(g in answers[q.id].evidence.sentence for g in q.gold)
        for q in questions
        if answers[q.id].in_article and any(g in answers[q.id].passages[0].text for g in q.gold)
    }
    return Run(tuple(questions), outcomes, refused, support, evidence, time.perf_counter() - start)


def run_each_article(questions: Sequence[Question], root: Path) -> Run:
    """Each question against its own article alone (`Question.article`, under `root`), indexed in memory as
    a user's own article file would be."""
    runs = []
    for article in dict.fromkeys(q.article for q in questions):
        retriever = retriever_for(root, article)
        asked = [q for q in questions if q.article == article]
        runs.append(run(retriever, asked, asker(functools.partial(qa.ask, retriever=retriever))))
    return Run(
        questions=tuple(q for r in runs for q in r.questions),
        outcomes=tuple(o for r in runs for o in r.outcomes),
        refused={qid: refused for r in runs for qid, refused in r.refused.items()},
        support={qid: support for r in runs for qid, support in r.support.items()},
        evidence={qid: ok for r in runs for qid, ok in r.evidence.items()},
        seconds=sum(r.seconds for r in runs),
    )


@functools.cache
def retriever_for(root: Path, article: str | None) -> qa.Retriever:
    """The retriever for one article file (repository-relative under `root`), indexed in memory as a user's
    own article would be, and kept for every eval that asks it; the default corpus's for an article in it."""
    if article is None:
        raise ValueError("each question must name its article")
    path = (root / article).resolve()
    if path.parent == CORPUS_DIR.resolve():
        return qa.default_retriever()
    return qa.Retriever.from_file(path)


def asker(ask: Callable[..., qa.Answer]) -> Ask:
    """`qa.ask` as the evals use it, with as many passages as the speaker metric reads."""
    return lambda question: ask(question, k=SPEAKER_DEPTH)


def evidence_rate(r: Run, split: str = ALL, lang: str | None = None) -> tuple[int, int]:
    """Of the answers whose first passage is gold, how many quote a sentence holding a gold phrase."""
    judged = [r.evidence[q.id] for q in r.questions if q.id in r.evidence and selected(q, split, lang)]
    return sum(judged), len(judged)


def selected(q: Question, split: str = ALL, lang: str | None = None, type: str | None = None) -> bool:
    return split in (ALL, q.split) and lang in (None, q.lang) and type in (None, q.type)


def outcomes(
    r: Run, mode: str, split: str = ALL, lang: str | None = None, type: str | None = None
) -> list[Outcome]:
    """The on-topic questions' outcomes: only they have a gold passage to rank."""
    return [o for o in r.outcomes if o.mode == mode and o.question.on_topic and selected(o.question, split, lang, type)]


def scores(r: Run, mode: str, split: str = ALL, lang: str | None = None, type: str | None = None) -> Scores:
    chosen = outcomes(r, mode, split, lang, type)
    return score([o.rank for o in chosen], [o.speaker_ok for o in chosen])


def refusals(
    r: Run, group: str, split: str = ALL, lang: str | None = None
) -> tuple[list[Question], list[Question]]:
    """The questions of a group ("on_topic", "off_topic", "near_miss") asked, and those qa.ask refused."""
    asked = [q for q in r.questions if q.group == group and selected(q, split, lang)]
    return asked, [q for q in asked if r.refused[q.id]]


# Each metric, and which questions it counts against the retriever (listed when its target is not reached).
MISSED: dict[str, Callable[[Outcome], bool]] = {
    "hit_at_1": lambda o: o.rank != 1,
    "hit_at_3": lambda o: o.rank is None or o.rank > 3,
    "mrr": lambda o: o.rank != 1,
    "speaker": lambda o: not o.speaker_ok,
}


def missed(r: Run, mode: str, metric: str, split: str = ALL, lang: str | None = None) -> str:
    """The questions that count against `metric`, a line each, for an assertion message."""
    return "\n".join(["", *(describe(o) for o in outcomes(r, mode, split, lang) if MISSED[metric](o))])


def describe(o: Outcome) -> str:
    """One line on a question that missed: enough to see what the retriever returned instead."""
    q = o.question
    rank = "not in top 10" if o.rank is None else f"gold at {o.rank}"
    top = ", ".join(f"{pid} ({speaker or '-'})" for pid, speaker in zip(o.top, o.top_speakers))
    lang = "" if o.detected_lang == q.lang else f" [read as {o.detected_lang}]"
    expected = " / ".join(dict.fromkeys(s or "-" for s in q.speakers))
    return f"{q.id} {q.type}{lang}: {q.question!r}: {rank}; top {top}; expected speaker {expected}"


def _fmt(x: float) -> str:
    return "  -  " if math.isnan(x) else f"{x:.3f}"


def table(r: Run, split: str = ALL) -> str:
    """Metric × mode × language for one split, and the refusals below."""
    columns = [(mode, lang) for mode in retrieval.MODES for lang in LANGS]
    cells = {c: scores(r, c[0], split, c[1]) for c in columns}
    rows = [
        ("n", lambda s: f"{s.n:5d}"),
        ("hit@1", lambda s: _fmt(s.hit_at_1)),
        ("hit@3", lambda s: _fmt(s.hit_at_3)),
        (f"MRR@{MRR_DEPTH}", lambda s: _fmt(s.mrr)),
        ("speaker", lambda s: _fmt(s.speaker)),
    ]
    lines = [f"{split:<10}" + "".join(f"{f'{mode} {lang}':>11}" for mode, lang in columns)]
    lines += [f"{name:<10}" + "".join(f"{cell(cells[c]):>11}" for c in columns) for name, cell in rows]
    for lang in LANGS:
        off, off_refused = refusals(r, "off_topic", split, lang)
        near, near_refused = refusals(r, "near_miss", split, lang)
        on, on_refused = refusals(r, "on_topic", split, lang)
        lines.append(
            f"refusals {lang}: off-topic refused {len(off_refused)}/{len(off)}, "
            f"near-miss refused {len(near_refused)}/{len(near)} (not asserted), "
            f"on-topic wrongly refused {len(on_refused)}/{len(on)}"
        )
    lines.append(
        "evidence sentence holds a gold phrase (first passage gold): "
        + ", ".join(f"{lang} {'%d/%d' % evidence_rate(r, split, lang)}" for lang in LANGS)
    )
    return "\n".join(lines)


def _json(s: Scores) -> dict[str, float | None]:
    # JSON has no NaN: an empty group is null.
    return {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in asdict(s).items()}


def report(r: Run) -> dict:
    """Everything measured, for evals/report.json: settings, aggregates, and each question's outcome."""
    groups = {
        f"{split}/{mode}/{lang or 'both'}": _json(scores(r, mode, split, lang))
        for split in (ALL, *SPLITS)
        for mode in retrieval.MODES
        for lang in (None, *LANGS)
    }
    by_type = {
        f"{type}/{mode}/{lang}": _json(scores(r, mode, ALL, lang, type))
        for type in TYPES
        if type not in UNANSWERABLE
        for mode in retrieval.MODES
        for lang in LANGS
    }
    per_question = {
        q.id: {
            **asdict(q),
            "refused": r.refused[q.id],
            "evidence_ok": r.evidence.get(q.id),
            "modes": {
                o.mode: {k: v for k, v in asdict(o).items() if k not in ("question", "mode")}
                for o in r.outcomes
                if o.question.id == q.id
            },
        }
        for q in r.questions
    }
    return {
        "settings": {
            **asdict(retrieval.SETTINGS),
            "fuse": retrieval.SETTINGS.fuse.__name__,
            "dense_weight": dict(retrieval.SETTINGS.dense_weight),
        },
        "seconds": round(r.seconds, 2),
        "groups": groups,
        "by_type": by_type,
        "questions": per_question,
    }


def write_report(r: Run, path: Path = REPORT) -> None:
    path.write_text(json.dumps(report(r), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
