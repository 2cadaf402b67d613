"""Benchmarks of a checkout (see __main__.py), over the tests' harness (tests/harness.py)."""
