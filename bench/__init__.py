"""Benchmarks: a data generator at three scales and a wrk run against gunicorn."""
