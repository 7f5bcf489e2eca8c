"""Data quality: Great Expectations suites over the contract tables (no Dagster in here).

- ``suites``: the expectation suites, defined in code (no GX import until a suite is built).
- ``provenance``: offset/span checks computed with DuckDB, fed to GX as boolean columns.
- ``runner``: runs the suites with GX on pandas frames and returns plain dataclasses.
- ``report``: a static, self-contained HTML report.

Importing this package does not import great_expectations (that takes seconds); running a suite does.
"""

from newsfacts.quality.runner import (
    ExpectationOutcome,
    SuiteOutcome,
    outcomes_to_rows,
    run_consistency_suite,
    run_integrity_suite,
    run_integrity_suites,
)

__all__ = [
    "ExpectationOutcome",
    "SuiteOutcome",
    "outcomes_to_rows",
    "run_consistency_suite",
    "run_integrity_suite",
    "run_integrity_suites",
]
