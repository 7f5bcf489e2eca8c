"""Dagster assets and asset checks: thin wrappers over `newsfacts.stages`."""
