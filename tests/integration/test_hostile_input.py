"""A hostile seeds folder: one real refresh over every kind of bad file we could think of.

The run must succeed, every good file must land (decoded, with its encoding recorded), and every bad
one must sit in `rejected_documents` with a reason a person can act on. The corpus is built by the
test, so nothing hostile is checked in.

Unreadable files: the suite runs as root, for whom `chmod 000` changes nothing. The refresh corpus
uses a named pipe instead (reading one blocks forever without a writer, so it must never be opened);
`test_permission_denied_is_a_rejection` checks a file that really cannot be read, by dropping to an
unprivileged user in a forked child when running as root.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from datetime import datetime
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from assets.resources import SeedsFolder, Warehouse
from newsfacts.landing import DEFAULT_MAX_BYTES, discover, land
from newsfacts.sentences import MAX_SENTENCE_CHARS
from newsfacts.stages.landing import land_documents
from newsfacts.warehouse import staging
from pipelines.definitions import build_definitions

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
RUN_TIMEOUT_SECONDS = 150  # a refresh that hangs (say, on a pipe) fails the test instead of the CI job

ARTICLE = (
    "Japan pledged $5 billion in new aid on Tuesday, officials said. "
    "Exports rose 3.2% in March, the ministry reported.\n"
)
INJECTION = "x'); drop table documents; --"

# Files that must land: relative path -> bytes.
GOOD: dict[str, bytes] = {
    "latin1.txt": (
        "Le président a déclaré que l'économie française était « très solide » cette année. "
        "Elle a crû de 5 % en 2025.\n"
    ).encode("latin-1"),
    "cp1252.txt": "Prices rose 5% — analysts said “we expect €5 billion” next year… Café owners agreed.\n".encode(
        "cp1252"
    ),
    "short-latin1.txt": "Café.".encode("latin-1"),
    "utf16-bom.txt": ("UTF-16 article. " + ARTICLE).encode("utf-16"),
    "utf8-bom.md": b"\xef\xbb\xbf" + ARTICLE.encode(),
    "crlf.txt": ARTICLE.replace("\n", "\r\n").encode(),
    "astral.txt": "📈 Markets: the Nikkei rose 2% 🚀 and the yen fell 1.5%, traders said. e\u0301\u0301 ok.\n".encode(),
    "bad-front-matter.md": b"---\ntitle: [unclosed\nauthor: Jane Doe\n---\n" + ARTICLE.encode(),
    "unclosed-front-matter.md": b"---\ntitle: Never closed\nauthor: Jane Doe\n\n" + ARTICLE.encode(),
    "front-matter-only.md": b"---\ntitle: Only Front Matter\nauthor: Jane Doe\n---\n",
    "name with spaces.txt": ARTICLE.encode(),
    'quote\'s "double" name.txt': ("Quoted name. " + ARTICLE).encode(),
    "日本語の記事 café.md": "日本の経済は2025年に5%成長した。 The economy grew 5% in 2025.\n".encode(),
    "line\nbreak.txt": ("A newline in the file name. " + ARTICLE).encode(),
    "-rf --no-preserve-root.txt": ("Leading dash. " + ARTICLE).encode(),
    "dir.txt/inner.txt": ("A folder named like a file. " + ARTICLE).encode(),
    "nested/deeper/story.markdown": ("Nested. " + ARTICLE).encode(),
    "dup-a.txt": ("Duplicate content. " + ARTICLE).encode(),
    "dup-b.txt": ("Duplicate content. " + ARTICLE).encode(),
    "clash.md": ("Clash, the Markdown one. " + ARTICLE).encode(),
    INJECTION + ".txt": (
        "Text with quotes ' \" '' and semicolons ;;; '; DROP TABLE figures; -- and \"; DELETE FROM claims; --\n"
        + ARTICLE
    ).encode(),
    "injection-front-matter.md": (
        '---\ntitle: "\'; DROP TABLE figures; --"\nauthor: "Robert\'); DROP TABLE documents;--"\n---\n' + ARTICLE
    ).encode(),
}

# Files that must be rejected: relative path -> (bytes, words the reason must contain).
BAD: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty file"),
    "whitespace.txt": (b"  \n\t \r\n  \n", "empty file"),
    "bom-only.txt": (b"\xef\xbb\xbf", "empty file"),
    "zero-width-only.txt": ("\ufeff\u200b \u200d\n\u2060".encode(), "empty file"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary content (NUL bytes)"),
    "controls.txt": (bytes(range(1, 32)) * 50, "binary content: 1,350 control characters"),
    "utf16-no-bom.txt": (("No byte order mark. " + ARTICLE).encode("utf-16-le"), "binary content (NUL bytes)"),
    "utf16-odd-length.txt": (b"\xff\xfeA\x00B", "invalid utf-16 text: truncated data"),
    "utf16-with-nul.txt": (("NUL \x00 inside. " + ARTICLE).encode("utf-16"), "binary content (NUL characters)"),
    "damaged-utf8.txt": (("Le café — “très bon”. " + ARTICLE).encode() * 5 + b"\xff\xfe" + b" end.", "invalid UTF-8"),
    "truncated-utf8.txt": ("Prices rose 5% — analysts said “yes”.".encode()[:-2], "invalid UTF-8: byte 0xe2"),
    "noise.txt": (bytes((b * 37 + 11) % 128 + 128 for b in range(4096)), "no other text encoding fits"),
    "clash.txt": (("Clash, the text one. " + ARTICLE).encode(), "document id 'clash' already taken by clash.md"),
}

ONE_LINE = "one-megabyte-line.txt"
HUGE = "fifty-megabytes.txt"
FIFO = "pipe.txt"
ESCAPE = "escape.txt"
LOOP = "loop.txt"
DANGLING = "dangling.txt"
BAD_NAME = b"latin1-name-caf\xe9.txt"


def one_megabyte_line() -> str:
    """About 1 MB on one line: prose with a figure now and then, no line break anywhere."""
    sentence = "The committee met again and discussed the matter at length with the ministry. "
    parts = []
    i = 0
    while sum(map(len, parts)) < 1_000_000:
        parts.append(sentence * 20)
        parts.append(f"Japan pledged ${i % 90 + 1} billion in aid in 2025, officials said. ")
        i += 1
    return "".join(parts)


def build_corpus(root: Path) -> Path:
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    for rel, data in GOOD.items():
        (seeds / rel).parent.mkdir(parents=True, exist_ok=True)
        (seeds / rel).write_bytes(data)
    for rel, (data, _) in BAD.items():
        (seeds / rel).write_bytes(data)
    (seeds / ONE_LINE).write_text(one_megabyte_line(), encoding="utf-8")
    with (seeds / HUGE).open("wb") as fh:
        block = ARTICLE.encode() * 1000
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(block)
    os.mkfifo(seeds / FIFO)
    secret = root / "secret.txt"
    secret.write_text("root:x:0:0:the password file\n")
    os.symlink(secret, seeds / ESCAPE)
    os.symlink(seeds / LOOP, seeds / LOOP)
    os.symlink(seeds / "missing.txt", seeds / DANGLING)
    with open(os.path.join(os.fsencode(seeds), BAD_NAME), "wb") as fh:
        fh.write(ARTICLE.encode())
    (seeds / ".hidden.txt").write_text(ARTICLE)  # dot files are skipped, like editors' swap files
    (seeds / "table.csv").write_text("a,b\n1,2\n")  # other suffixes are not documents
    return seeds


def _timeout(signum, frame):
    raise TimeoutError(f"refresh over the hostile corpus took more than {RUN_TIMEOUT_SECONDS}s")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hostile")
    seeds = build_corpus(root)
    warehouse = root / "wh" / "news.duckdb"
    resources = {
        "seeds": SeedsFolder(seeds_dir=str(seeds)),
        "warehouse": Warehouse(warehouse_path=str(warehouse), staging_path=str(root / "wh" / ".staging" / "s.duckdb")),
    }
    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(RUN_TIMEOUT_SECONDS)
    try:
        with dg.instance_for_test() as instance:
            result = (
                build_definitions(resources)
                .resolve_job_def("refresh")
                .execute_in_process(instance=instance, raise_on_error=False)
            )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    con = duckdb.connect(str(warehouse), read_only=True) if warehouse.exists() else None
    yield result, con
    if con is not None:
        con.close()


def _ids() -> set[str]:
    real = {p.stem for p in SEEDS.glob("*.txt")}
    good = {rel.rsplit(".", 1)[0] for rel in GOOD}
    return real | good | {ONE_LINE.removesuffix(".txt")}


def test_run_succeeds_and_publishes(hostile):
    result, con = hostile
    failures = [e for e in result.all_events if e.is_step_failure]
    assert result.success, [e.event_specific_data.error.message for e in failures]
    failed_checks = [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    assert failed_checks == []
    assert con is not None


def test_every_good_file_lands(hostile):
    _, con = hostile
    landed = {r[0] for r in con.execute("SELECT document_id FROM documents").fetchall()}
    assert landed == _ids()


def test_every_bad_file_is_rejected_with_its_reason(hostile):
    _, con = hostile
    reasons = dict(con.execute("SELECT source_path, reason FROM rejected_documents").fetchall())
    expected = {rel: words for rel, (_, words) in BAD.items()}
    expected |= {
        HUGE: "file too large: 52,4",  # the exact size depends on the last block written
        FIFO: "not a regular file",
        ESCAPE: "symbolic link pointing outside the seeds folder",
        LOOP: "symbolic link that cannot be resolved (a loop of links)",
        DANGLING: "broken symbolic link",
        "latin1-name-caf\\xe9.txt": "file name is not valid UTF-8",
    }
    assert set(reasons) == set(expected)
    for path, words in expected.items():
        assert words in reasons[path], (path, reasons[path])
    assert f"exceeds the limit of {DEFAULT_MAX_BYTES:,}" in reasons[HUGE]
    # the secret behind the link never reaches the warehouse
    assert con.execute("SELECT count(*) FROM documents WHERE raw_text LIKE '%password file%'").fetchone()[0] == 0


def test_legacy_encodings_land_decoded_with_their_encoding(hostile):
    _, con = hostile
    rows = {r[0]: r[1:] for r in con.execute("SELECT document_id, encoding, raw_text FROM documents").fetchall()}
    assert rows["latin1"][0] == "cp1252" and "président" in rows["latin1"][1] and "« très solide »" in rows["latin1"][1]
    assert rows["cp1252"][0] == "cp1252" and "“we expect €5 billion”" in rows["cp1252"][1] and "—" in rows["cp1252"][1]
    assert rows["short-latin1"] == ("cp1252", "Café.")
    assert rows["utf16-bom"][0] == "utf-16" and rows["utf16-bom"][1].startswith("UTF-16 article.")
    assert rows["utf8-bom"][0] == "utf-8-sig" and not rows["utf8-bom"][1].startswith("\ufeff")
    assert rows["crlf"][1] == ARTICLE.replace("\n", "\r\n")  # landed unchanged, line endings included


def test_hostile_names_land_verbatim(hostile):
    _, con = hostile
    rows = dict(con.execute("SELECT document_id, file_name FROM documents").fetchall())
    for rel in ("name with spaces.txt", 'quote\'s "double" name.txt', "日本語の記事 café.md", "line\nbreak.txt"):
        assert rows[rel.rsplit(".", 1)[0]] == rel
    assert rows["dir.txt/inner"] == "inner.txt"
    assert rows["nested/deeper/story"] == "story.markdown"


def test_front_matter_problems_are_recorded_not_fatal(hostile):
    _, con = hostile
    meta = {
        r[0]: r[1:]
        for r in con.execute(
            "SELECT document_id, title, author, front_matter_error, body_start, body_end FROM document_metadata"
        ).fetchall()
    }
    assert meta["bad-front-matter"][2].startswith("invalid YAML front matter")
    assert "never closed" in meta["unclosed-front-matter"][2]
    title, author, error, body_start, body_end = meta["front-matter-only"]
    assert (title, author, error) == ("Only Front Matter", "Jane Doe", None)
    assert body_start == body_end  # no body, so no figures and no claims
    n = con.execute(
        "SELECT (SELECT count(*) FROM figures WHERE document_id = 'front-matter-only')"
        " + (SELECT count(*) FROM claims WHERE document_id = 'front-matter-only')"
    ).fetchone()[0]
    assert n == 0


def test_same_content_under_two_names_both_land_one_flagged(hostile):
    _, con = hostile
    dups = dict(
        con.execute("SELECT document_id, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL").fetchall()
    )
    assert dups == {"dup-b": "dup-a"}


def test_one_megabyte_line_is_processed(hostile):
    _, con = hostile
    doc = ONE_LINE.removesuffix(".txt")
    chars, figures, claims, longest = con.execute(
        """SELECT d.char_count,
                  (SELECT count(*) FROM figures WHERE document_id = d.document_id),
                  (SELECT count(*) FROM claims WHERE document_id = d.document_id),
                  (SELECT max(length(sentence)) FROM figures WHERE document_id = d.document_id)
           FROM documents d WHERE d.document_id = ?""",
        [doc],
    ).fetchone()
    assert chars > 1_000_000
    assert figures > 100 and claims > 1000
    assert longest <= MAX_SENTENCE_CHARS


def test_offsets_are_exact_for_every_hostile_document(hostile):
    """Code-point offsets hold for astral characters, combining marks, CRLF and BOM-stripped text."""
    _, con = hostile
    bad_figures = con.execute(
        """SELECT count(*) FROM figures f JOIN documents d USING (document_id)
           WHERE substr(d.raw_text, f.char_start + 1, f.char_end - f.char_start) <> f.raw_text"""
    ).fetchone()[0]
    bad_claims = con.execute(
        """SELECT count(*) FROM claims c JOIN documents d USING (document_id)
           WHERE substr(d.raw_text, c.char_start + 1, c.char_end - c.char_start) <> c.text"""
    ).fetchone()[0]
    assert (bad_figures, bad_claims) == (0, 0)
    astral = con.execute("SELECT raw_text FROM figures WHERE document_id = 'astral' ORDER BY char_start").fetchall()
    assert [r[0] for r in astral] == ["2%", "1.5%"]


def test_sql_injection_lands_verbatim_and_every_table_survives(hostile):
    _, con = hostile
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"documents", "figures", "claims", "document_metadata", "rejected_documents"} <= tables
    row = con.execute(
        "SELECT file_name, source_path, raw_text FROM documents WHERE document_id = ?", [INJECTION]
    ).fetchone()
    assert row[0] == row[1] == INJECTION + ".txt"
    assert row[2] == GOOD[INJECTION + ".txt"].decode()
    title, author = con.execute(
        "SELECT title, author FROM document_metadata WHERE document_id = 'injection-front-matter'"
    ).fetchone()
    assert title == "'; DROP TABLE figures; --"
    assert author == "Robert'); DROP TABLE documents;--"
    assert con.execute("SELECT count(*) FROM figures WHERE document_id = ?", [INJECTION]).fetchone()[0] >= 2
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(_ids())


def test_permission_denied_is_a_rejection(tmp_path: Path):
    """A file the pipeline's user cannot read is rejected with the OS's reason, and the others land.

    As root every file is readable, so the check runs in a forked child that drops to `nobody`
    (uid/gid 65534) first; as any other user it runs in-process on a `chmod 000` file.
    """
    folder = Path(tempfile.mkdtemp(prefix="newsfacts-perm-"))  # /tmp: reachable by `nobody`
    try:
        folder.chmod(0o755)
        (folder / "ok.txt").write_text(ARTICLE)
        (folder / "locked.txt").write_text(ARTICLE)
        (folder / "locked.txt").chmod(0o000)
        as_root = os.geteuid() == 0
        outcome = _land_all_as_nobody(folder) if as_root else _land_all(folder, tmp_path / "staging.duckdb")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    landed, rejected = outcome
    assert landed == ["ok"]
    assert rejected == {"locked.txt": "file could not be read: Permission denied"}


def _land_all(folder: Path, db: Path) -> tuple[list[str], dict[str, str]]:
    con = staging.connect(db)
    try:
        report = land_documents(con, folder, datetime(2026, 1, 1))
    finally:
        con.close()
    return sorted(report.new), {r.source_path: r.reason for r in report.rejected}


def _land_all_as_nobody(folder: Path) -> tuple[list[str], dict[str, str]]:
    """`land` each file in a child running as nobody; the results come back through a pipe."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never returns into pytest
        code = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            candidates, rejections, _ = discover(folder)
            lines = [f"R\t{r.source_path}\t{r.reason}" for r in rejections]
            for cand in candidates:
                out = land(cand)
                lines.append(
                    f"R\t{out.source_path}\t{out.reason}" if hasattr(out, "reason") else f"L\t{out.document_id}"
                )
            os.write(write_end, "\n".join(lines).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as fh:
        data = fh.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "child could not drop privileges or land the files"
    landed, rejected = [], {}
    for line in data.splitlines():
        kind, *rest = line.split("\t")
        if kind == "L":
            landed.append(rest[0])
        else:
            rejected[rest[0]] = rest[1]
    return sorted(landed), rejected
