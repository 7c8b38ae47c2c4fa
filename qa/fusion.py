"""Combining the dense and the keyword ranking of the same passages into one score."""

from __future__ import annotations

import numpy as np

# Reciprocal rank fusion's damping constant, as in Cormack et al. (2009).
RRF_K = 60


def minmax(scores: np.ndarray) -> np.ndarray:
    """Scores scaled to [0, 1]; all-equal scores carry no ranking signal and become 0."""
    lo, hi = float(scores.min()), float(scores.max())
    if hi - lo < 1e-9:
        return np.zeros_like(scores, dtype=np.float32)
    return ((scores - lo) / (hi - lo)).astype(np.float32)


def zscore(scores: np.ndarray) -> np.ndarray:
    """Scores in standard deviations from their mean; all-equal scores carry no signal and become 0."""
    spread = float(scores.std())
    if spread < 1e-9:
        return np.zeros_like(scores, dtype=np.float32)
    return ((scores - scores.mean()) / spread).astype(np.float32)


def dbsf(dense: np.ndarray, keyword: np.ndarray, dense_weight: float) -> np.ndarray:
    """Distribution-based score fusion: unlike min-max, a lone weak keyword match stays weak."""
    return dense_weight * zscore(dense) + (1.0 - dense_weight) * zscore(keyword)


def convex(dense: np.ndarray, keyword: np.ndarray, dense_weight: float) -> np.ndarray:
    return dense_weight * minmax(dense) + (1.0 - dense_weight) * minmax(keyword)


def _ranks(scores: np.ndarray) -> np.ndarray:
    ranks = np.empty(len(scores), dtype=np.float32)
    ranks[np.argsort(-scores, kind="stable")] = np.arange(1, len(scores) + 1)
    return ranks


def rrf(dense: np.ndarray, keyword: np.ndarray, dense_weight: float) -> np.ndarray:
    """Weighted RRF; a list with no signal (all-equal scores) contributes nothing.

    Scaled so that a passage ranked first by every list scores 1: a score a reader can compare.
    """
    fused = np.zeros(len(dense), dtype=np.float32)
    for scores, weight in ((dense, dense_weight), (keyword, 1.0 - dense_weight)):
        if float(scores.max() - scores.min()) > 1e-9:
            fused += weight / (RRF_K + _ranks(scores))
    return fused * (RRF_K + 1)
