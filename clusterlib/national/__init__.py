"""The National Benchmarking System: every province × every cluster category, a page per province."""
