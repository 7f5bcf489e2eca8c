"""The Dagster code location: definitions, resources configuration, jobs, schedules and sensors."""
