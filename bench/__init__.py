"""Benchmarks of a checkout (see __main__.py); sites.py is shared with the tests."""
