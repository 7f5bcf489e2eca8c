"""The fact layer: what a figure measures (concept, metric), of whom (subject) and when (period).

Two figures are compared across sources only when they share a fact key, metric|subject|period.
Plain library code: no dagster import; word lists and alias tables are YAML files beside it.
"""
