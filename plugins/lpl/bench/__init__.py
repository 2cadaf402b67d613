"""Benchmarks behind `python scripts/bench.py <subcommand>`, one module per subcommand."""
