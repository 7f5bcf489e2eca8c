"""newsfacts: the text library behind the pipeline (no Dagster in here).

Landing, metadata, figures, claims, consistency and data quality each live in their own module and
can be used and tested on plain strings and tables.
"""
