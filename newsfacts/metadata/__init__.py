"""Document metadata parsing: title, author, date, sentiment and the bounds of the article body.

Plain Python with no pipeline dependencies, so it can be tested and reused on its own.
"""

from newsfacts.metadata.model import DocumentIssue, DocumentMetadata
from newsfacts.metadata.parse import parse_metadata

__all__ = ["DocumentIssue", "DocumentMetadata", "parse_metadata"]
