"""One run of the whole question set per session, on the real model and index, and its table in the summary."""

from __future__ import annotations

from pathlib import Path

import pytest

import qa

from . import harness, judgement, thresholds

RUN = pytest.StashKey[harness.Run]()
OTHER_RUN = pytest.StashKey[harness.Run]()
JUDGED = pytest.StashKey[list[judgement.Asked]]()
TALKED = pytest.StashKey[list[judgement.Talked]]()
# Questions about held-out articles (tests/data/articles), each asked of its own article alone: news as it
# comes, and ordinary wire news (`wire_articles.jsonl`, issue #18).
OTHER_ARTICLES = tuple(Path(__file__).with_name(name) for name in ("other_articles.jsonl", "wire_articles.jsonl"))
ROOT = harness.ROOT


@pytest.fixture(scope="session")
def retriever() -> qa.Retriever:
    return qa.default_retriever()


@pytest.fixture(scope="session")
def questions() -> list[harness.Question]:
    return harness.load_questions()


@pytest.fixture(scope="session")
def run(pytestconfig: pytest.Config, retriever: qa.Retriever, questions: list[harness.Question]) -> harness.Run:
    result = harness.run(retriever, questions, harness.asker(qa.ask))
    harness.write_report(result)
    pytestconfig.stash[RUN] = result
    return result


@pytest.fixture(scope="session")
def other_run(pytestconfig: pytest.Config) -> harness.Run:
    result = harness.run_each_article([q for path in OTHER_ARTICLES for q in harness.load_questions(path)], ROOT)
    pytestconfig.stash[OTHER_RUN] = result
    return result


@pytest.fixture(scope="session")
def judged(pytestconfig: pytest.Config) -> list[judgement.Asked]:
    result = judgement.ask_each(judgement.load_judgement(), ROOT)
    pytestconfig.stash[JUDGED] = result
    return result


@pytest.fixture(scope="session")
def talked(pytestconfig: pytest.Config) -> list[judgement.Talked]:
    result = judgement.talk(judgement.load_conversations(), ROOT)
    pytestconfig.stash[TALKED] = result
    return result


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    result = config.stash.get(RUN, None)
    if result is None:  # only the metric unit tests ran
        return
    terminalreporter.section("answer quality (evals/report.json has every question)")
    for split in (harness.ALL, "test"):
        terminalreporter.write_line(harness.table(result, split))
        terminalreporter.write_line("")
    for split in (harness.ALL, "test"):
        for lang, targets in thresholds.TARGET.items():
            got = harness.scores(result, thresholds.MODE, split, lang)
            short = [f"{name} {getattr(got, name):.3f} < {bar}" for name, bar in targets.items() if getattr(got, name) < bar]
            if short:
                terminalreporter.write_line(f"below target ({split}, {lang}): " + ", ".join(short))
    misses = [o for o in harness.outcomes(result, thresholds.MODE) if o.rank != 1 or not o.speaker_ok]
    terminalreporter.write_line(f"{thresholds.MODE}, gold not first or speaker wrong ({len(misses)}):")
    for o in misses:
        terminalreporter.write_line("  " + harness.describe(o) + ("" if o.speaker_ok else "  SPEAKER WRONG"))
    wrong = [q for q in result.questions if result.refused[q.id] == q.on_topic]
    terminalreporter.write_line(f"refusals wrong ({len(wrong)}):")
    for q in wrong:
        verdict = "refused, but on topic" if q.on_topic else "answered, but not in the article"
        terminalreporter.write_line(f"  {q.id} {q.type}: {q.question!r}: {verdict}")
    terminalreporter.write_line(f"searched and asked in {result.seconds:.1f} s")
    other = config.stash.get(OTHER_RUN, None)
    if other is not None:
        terminalreporter.write_line("")
        terminalreporter.write_line(f"other articles ({len({q.article for q in other.questions})}, each alone):")
        terminalreporter.write_line(harness.table(other))
    judged, talked = config.stash.get(JUDGED, None), config.stash.get(TALKED, None)
    if judged is not None and talked is not None:
        terminalreporter.write_line("")
        terminalreporter.write_line(judgement.summary(judged, talked))
