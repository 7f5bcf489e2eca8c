"""Quote recall and speaker accuracy of `extract_claims` on an annotated attribution corpus.

PATH is a folder laid out like a PolNeAR compartment (kept outside the repository, e.g. extracted
from github:networkdynamics/PolNeAR): `text/NAME.txt` and brat standoff `attributions/NAME_*.ann`
with Source, Cue and Content spans joined by an `E` line. Only the first annotation file of an
article is read.

- A gold quote is an attribution whose content holds a quotation mark (direct or mixed quote).
- It is found when a claim of type `quote` overlaps the quoted passage.
- Its speaker is right when the predicted speaker names the annotated source: equal ignoring case
  and a leading article, one containing the other, or sharing the surname. A pronoun source ("he")
  stands for the closest earlier annotated source that is a name (an approximation of coreference);
  a missed quote counts as a wrong speaker.

    .venv/bin/python bench/attribution_eval.py /work/ext/polnear/data/train [--limit N] [--errors K]

Each printed error names its article and the quote's offset (`NAME@OFFSET`) and the gold kind
(named, descriptive, pronoun), so that errors can be grouped and looked up in their context.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsfacts.claims import Claim, extract_claims
from newsfacts.metadata import parse_metadata

_QUOTE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_PRONOUNS = frozenset(["he", "she", "they", "i", "we", "him", "her", "them", "it", "you", "his", "their"])
_TOKEN = re.compile(r"[\w’'.-]+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    source: str
    resolved: str | None
    kind: str  # named, descriptive, pronoun


def _norm(name: str) -> str:
    name = name.replace("’s", "").replace("'s", "").lower()
    return _ARTICLE.sub("", " ".join(_TOKEN.findall(name)))


def _kind(source: str) -> str:
    if source.lower() in _PRONOUNS:
        return "pronoun"
    first = source.split()[0] if source.split() else ""
    return "named" if first[:1].isupper() and first.lower() not in ("the", "a", "an") else "descriptive"


def read_gold(ann: Path, text: str) -> list[GoldQuote]:
    """Direct and mixed quotes of one article, in text order."""
    spans: dict[str, tuple[str, int, int]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, *offsets = parts[1].replace(";", " ").split()
            spans[parts[0]] = (label, int(offsets[0]), int(offsets[-1]))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":", 1) for role in parts[1].split() if ":" in role))
    gold: list[GoldQuote] = []
    last_name: str | None = None
    rows = []
    for ev in events:
        src, content = spans.get(ev.get("Source", "")), spans.get(ev.get("Content", ""))
        if src is None or content is None:
            continue
        rows.append((content[1], content[2], text[src[1] : src[2]]))
    for cs, ce, source in sorted(rows):
        kind = _kind(source)
        if kind == "named":
            last_name = source
        q = _QUOTE.search(text, cs, ce)
        if q is None:
            continue
        resolved = last_name if kind == "pronoun" else source
        gold.append(GoldQuote(q.start(), max(q.end(), q.start() + 1), source, resolved, kind))
    return gold


def speaker_right(predicted: str | None, gold: str | None) -> bool:
    """Does the predicted speaker name the gold source (see the module docstring)?"""
    if predicted is None or gold is None:
        return False
    p, g = _norm(predicted), _norm(gold)
    if not p or not g:
        return False
    if p == g or p in g or g in p:
        return True
    return g.split()[-1] in p.split() or p.split()[-1] in g.split()


def _hit(claims: list[Claim], q: GoldQuote) -> Claim | None:
    best = None
    for c in claims:
        if c.char_start < q.end and q.start < c.char_end and c.claim_type == "quote":
            overlap = min(c.char_end, q.end) - max(c.char_start, q.start)
            if best is None or overlap > best[0]:
                best = (overlap, c)
    return best[1] if best else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--errors", type=int, default=0, help="print this many speaker errors")
    args = parser.parse_args()

    found, right, total = Counter(), Counter(), Counter()
    errors: list[str] = []
    texts = sorted((args.path / "text").glob("*.txt"))
    if args.limit:
        texts = texts[: args.limit]
    n_docs = 0
    for path in texts:
        anns = sorted((args.path / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        meta = parse_metadata(text)
        claims = extract_claims(text, meta.body_start, meta.body_end)
        n_docs += 1
        for q in read_gold(anns[0], text):
            total[q.kind] += 1
            c = _hit(claims, q)
            if c is None:
                if len(errors) < args.errors:
                    errors.append(f"MISS {path.stem}@{q.start} {q.kind} [{q.source}] {text[q.start : q.end][:100]!r}")
                continue
            found[q.kind] += 1
            if speaker_right(c.speaker, q.resolved):
                right[q.kind] += 1
            elif len(errors) < args.errors:
                where = f"{path.stem}@{q.start} {q.kind}"
                errors.append(f"SPK {where} gold={q.resolved!r} src={q.source!r} got={c.speaker!r}: {c.text[:160]!r}")
    n = sum(total.values())
    print(f"{n_docs} articles, {n} direct and mixed quotes")
    print(f"quote recall {sum(found.values()) / max(n, 1):.3f}  speaker accuracy {sum(right.values()) / max(n, 1):.3f}")
    for kind in ("named", "descriptive", "pronoun"):
        t = max(total[kind], 1)
        print(f"  {kind:12s} n={total[kind]:5d} recall {found[kind] / t:.3f} speaker {right[kind] / t:.3f}")
    for e in errors:
        print(e)


if __name__ == "__main__":
    main()
