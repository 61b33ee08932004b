"""Benchmark helpers: data-set readers (ECB+, CheckThat!, TimeML), training code, the generated contradiction bench.

Not installed with the package; the scripts under ``scripts/`` put the repository root on the path.
"""
