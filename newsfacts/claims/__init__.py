"""Claim extraction and cross-document claim clustering (plain Python, no Dagster).

`extract_claims` returns the claims of one body with speaker, type and hedging;
`cluster_claims` gives claims that state the same thing across documents a shared cluster id.
"""

from newsfacts.claims.clustering import cluster_claims
from newsfacts.claims.extract import extract_claims
from newsfacts.claims.model import CLAIM_TYPES, Claim, ClusterInput

__all__ = ["CLAIM_TYPES", "Claim", "ClusterInput", "cluster_claims", "extract_claims"]
