"""Scoring the pipeline against hand-made gold answers."""
