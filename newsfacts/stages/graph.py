"""The pipeline's stages, each declared once: what it reads, what it writes, its code and its configuration.

From a declaration come the stage's version (a digest of its code and configuration plus the
versions of the stages that write what it reads), what it has pending (documents whose content or
version changed; for a whole-corpus stage, whether anything it reads changed), the Dagster deps and
the asset's code_version. A stage cannot forget an input: the tables it reads name the stages it
depends on, and a whole-corpus stage is keyed on the content of every table it reads.

The path of a document from file to published table:

    SEEDS_DIR -> landing -> documents, rejected_documents
    documents -> metadata -> document_metadata, document_issues
    documents, document_metadata -> figures (+ METRICS_CATALOG) -> figures
    documents, document_metadata, figures -> claims -> claim_rows, claim_figures
    claim_rows, claim_figures, figures -> clusters -> claim_cluster_members, claim_clusters
    figures -> consistency -> metric_consistency
    claims (published) = claim_rows joined with claim_cluster_members (warehouse/schema.py)
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb

from newsfacts.landing import DEFAULT_MAX_BYTES
from newsfacts.versioning import source_digest
from newsfacts.warehouse import staging
from newsfacts.warehouse.schema import TABLES_BY_NAME

PACKAGED_CATALOG = Path(__file__).resolve().parents[1] / "metrics.yaml"


@dataclass(frozen=True)
class StageConfig:
    """The configuration stages read. Only what a stage declares in `Stage.config` enters its version."""

    catalog: Path | None = None  # METRICS_CATALOG; None: the packaged catalog
    max_file_bytes: int = DEFAULT_MAX_BYTES
    # The Dagster run reading the tables (never in a version): a whole-corpus stage's inputs are then
    # hashed once per run (staging.table_fingerprint's `run_id`).
    run_id: str | None = None

    @property
    def catalog_path(self) -> Path:
        return self.catalog or PACKAGED_CATALOG

    @classmethod
    def from_environment(cls) -> StageConfig:
        """As `pipelines/definitions.py` configures the resources: for code versions at definition time."""
        catalog = os.environ.get("METRICS_CATALOG")
        return cls(catalog=Path(catalog).expanduser().resolve() if catalog else None)

    def digest_of(self, key: str) -> str:
        """What a configuration key contributes to a version: a file's bytes, or the value itself."""
        if key == "catalog":
            path = self.catalog_path
            return hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.is_file() else f"missing:{path}"
        return repr(getattr(self, key))


@dataclass(frozen=True)
class Stage:
    name: str
    reads: tuple[str, ...]  # stored tables (warehouse/schema.py) it reads
    writes: tuple[str, ...]  # stored tables it writes; no other stage writes them
    code: tuple[str, ...]  # modules and packages whose source decides its output
    config: tuple[str, ...] = ()  # StageConfig fields it reads
    per_document: bool = True  # False: recomputed over the whole corpus when anything it reads changed

    @property
    def assets(self) -> tuple[str, ...]:
        """The Dagster assets it materializes."""
        return tuple(dict.fromkeys(TABLES_BY_NAME[t].asset_name for t in self.writes))

    @property
    def deps(self) -> list[str]:
        """The Dagster assets it depends on: those materializing what it reads."""
        own = set(self.assets)
        return [a for a in dict.fromkeys(TABLES_BY_NAME[t].asset_name for t in self.reads) if a not in own]


LANDING = Stage(
    "landing",
    reads=(),
    writes=("documents", "rejected_documents"),
    code=("newsfacts.landing", "newsfacts.listing", "newsfacts.stages.landing"),
    config=("max_file_bytes",),
)
METADATA = Stage(
    "metadata",
    reads=("documents",),
    writes=("document_metadata", "document_issues"),
    code=("newsfacts.metadata", "newsfacts.stages.metadata"),
)
FIGURES = Stage(
    "figures",
    reads=("documents", "document_metadata"),
    writes=("figures",),
    code=(
        "newsfacts.figures",
        "newsfacts.facts",
        "newsfacts.sentences",
        "newsfacts.vocabulary",
        "newsfacts.metadata.furniture",  # figures on a furniture line inside the body are dropped
        "newsfacts.metadata.furniture_rules",
        "newsfacts.stages.figures",
    ),
    config=("catalog",),
)
CLAIMS = Stage(
    "claims",
    reads=("documents", "document_metadata", "figures"),
    writes=("claim_rows", "claim_figures"),
    code=(
        "newsfacts.claims",
        "newsfacts.sentences",
        "newsfacts.metadata.furniture",  # claims skip furniture by the same rules
        "newsfacts.metadata.furniture_rules",
        "newsfacts.stages.claims",
    ),
)
CLUSTERS = Stage(
    "clusters",
    reads=("claim_rows", "claim_figures", "figures"),
    writes=("claim_cluster_members", "claim_clusters"),
    code=("newsfacts.claims", "newsfacts.stages.corroboration"),
    per_document=False,
)
CONSISTENCY = Stage(
    "consistency",
    reads=("figures",),
    writes=("metric_consistency",),
    # the fact layer's units.yaml and periods, and the extractor's unit table (pint's conversion factors)
    code=("newsfacts.consistency", "newsfacts.facts", "newsfacts.figures", "newsfacts.stages.consistency"),
    per_document=False,
)

STAGES: dict[str, Stage] = {s.name: s for s in (LANDING, METADATA, FIGURES, CLAIMS, CLUSTERS, CONSISTENCY)}
WRITER: dict[str, Stage] = {t: s for s in STAGES.values() for t in s.writes}


def feeds_document_stage(stage: Stage) -> bool:
    """Whether a per-document stage reads what `stage` writes (claims: no, the last one to use workers)."""
    return any(s.per_document and set(s.reads) & set(stage.writes) for s in STAGES.values() if s is not stage)


# Every asset a stage materializes, in pipeline order: what publishing depends on.
ASSETS: tuple[str, ...] = tuple(a for s in STAGES.values() for a in s.assets)


def stage_of_asset(asset: str) -> Stage:
    return next(s for s in STAGES.values() if asset in s.assets)


def inputs(stage: Stage) -> list[Stage]:
    """The stages that write what `stage` reads."""
    return list({WRITER[t].name: WRITER[t] for t in stage.reads if WRITER[t] is not stage}.values())


def own_version(stage: Stage, config: StageConfig) -> str:
    """The stage's code and configuration alone: what its rows' `extractor_version` says."""
    return _own_version(stage, tuple(config.digest_of(k) for k in stage.config))


@cache
def _own_version(stage: Stage, config_digests: tuple[str, ...]) -> str:
    h = hashlib.sha256(source_digest(*stage.code).encode())
    for part in config_digests:
        h.update(b"\x1f" + part.encode())
    return f"{stage.name}-{h.hexdigest()[:12]}"


def version(stage: Stage, config: StageConfig) -> str:
    """Its own version plus its inputs' versions: any change upstream changes it."""
    upstream = [version(s, config) for s in inputs(stage)]
    if not upstream:
        return own_version(stage, config)
    return f"{own_version(stage, config)}+{hashlib.sha256('|'.join(upstream).encode()).hexdigest()[:8]}"


def code_version(stage: Stage) -> str:
    """The asset's code_version: the stage's version under the configuration of this process."""
    return version(stage, StageConfig.from_environment())


def corpus_state(con: duckdb.DuckDBPyConnection, stage: Stage, config: StageConfig) -> str:
    """What a whole-corpus stage's output is a function of: its version and the content of what it reads."""
    fingerprints = (f"{t}={staging.table_fingerprint(con, t, run_id=config.run_id)}" for t in stage.reads)
    return "|".join([version(stage, config), *fingerprints])


def pending_corpus(con: duckdb.DuckDBPyConnection, stage: Stage, config: StageConfig) -> str | None:
    """The state to record when `stage` must run again; None when its output is current."""
    state = corpus_state(con, stage, config)
    return None if staging.global_state(con, stage.name) == state else state


def incomplete(con: duckdb.DuckDBPyConnection, config: StageConfig) -> dict[str, str]:
    """Stages whose output is not current for every landed document, with what is missing."""
    problems = {}
    total = staging.document_count(con)
    for stage in STAGES.values():
        if stage is LANDING:
            continue  # landing is what defines the landed documents
        if stage.per_document:
            missing = len(staging.pending(con, stage.name, version(stage, config)))
            if missing:
                problems[stage.name] = f"{missing} of {total} documents not processed at the current version"
        elif pending_corpus(con, stage, config) is not None:
            problems[stage.name] = "not run on the current content of " + ", ".join(stage.reads)
    return problems
