"""DuckDB storage: the table definitions, the incremental staging database, and atomic publishing."""
