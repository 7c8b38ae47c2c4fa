"""The bar the answers must clear, in one place.

Asserted on the `test` split and on all questions, per language, for the mode the app uses. The fusion
settings in qa/retrieval.py are tuned on `dev` only (`python -m evals.tune`), so `test` is the honest figure.

TARGET is the bar of issue #6. FLOOR is what CI asserts: the target wherever it is met, and otherwise the
measured figure less a small margin, so that any change that makes answers worse fails loudly. Where a
floor sits below its target, the gap is open work, shown in the README's eval table.
"""

MODE = "hybrid"

TARGET = {
    "id": {"hit_at_1": 0.85, "hit_at_3": 0.95, "mrr": 0.90, "speaker": 0.95},
    "en": {"hit_at_1": 0.85, "hit_at_3": 0.95, "mrr": 0.90, "speaker": 0.95},
}
# Asserted: the targets, except two English figures on all questions, each one question (of 59) short of
# 0.95: a gold passage in the top 3 and its speaker for 56 (0.949). English questions reach the Indonesian
# passages through the multilingual embeddings alone; the floors say so instead of hiding it.
FLOOR = {
    "id": dict(TARGET["id"]),
    "en": {**TARGET["en"], "hit_at_3": 0.94, "speaker": 0.94},
}
# Hybrid may trail a single mode in MRR by one question's first gold passage slipping from first to second
# place on the 28 questions of a language's test split (0.5 / 28), no more.
HYBRID_MRR_SLACK = 0.018
# The reply quotes a sentence that holds the answer (a gold phrase), where its first passage is the right one.
EVIDENCE_FLOOR = 0.80
# Unrelated questions are refused, all of them, and no on-topic question is.
OFF_TOPIC_REFUSED = 1.0
ON_TOPIC_REFUSED = 0
