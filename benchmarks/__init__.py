"""Benchmarks, run on demand (``python -m benchmarks.bench_load``); not part of the test suite."""
