"""One module per pipeline stage: plain functions over a staging DuckDB connection.

The Dagster assets are thin wrappers around these; tests and benchmarks call them directly.
"""
