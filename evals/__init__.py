"""Answer-quality evals over a bilingual question set: `pytest evals/`; fusion tuning: `python -m evals.tune`."""
