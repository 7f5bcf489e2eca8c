"""Numeric figures in news text: money, percentages, counts, durations, dates and ratios.

Plain Python (no pipeline imports): `extract_figures(text, body_start, body_end)` returns `Figure`
records with exact code-point offsets, normalised values, qualifiers and, via the editable metric
catalog in `newsfacts/metrics.yaml`, the canonical metric each figure reports.
"""

from newsfacts.figures.catalog import MetricCatalog, load_catalog
from newsfacts.figures.extract import extract_figures
from newsfacts.figures.model import Figure
from newsfacts.figures.version import EXTRACTOR_VERSION

__all__ = ["EXTRACTOR_VERSION", "Figure", "MetricCatalog", "extract_figures", "load_catalog"]
