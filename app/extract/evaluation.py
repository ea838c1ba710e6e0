"""Score the extractor against a gold file with exactly the rules of ../shared/eval/score.py,
plus a breakdown by quote kind, errors grouped by cause and confidence calibration (expected
calibration error, AUROC of speaker correctness, accuracy per band) for `diplomat eval`."""

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from app.extract import error_causes
from app.extract.article import extract_article, load_resources
from app.extract.calibration import Scored, auroc, bands, expected_calibration_error, monotone

CONTEXT = 50  # characters of article shown either side of an error
SCORER_DROP = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "secretary",
    "the",
    "prime",
    "foreign",
}


def scorer_norm(name: str | None) -> str:
    """score.py's name normalisation (deliberately its own, not speakers.normalise_name)."""
    if not name:
        return ""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"[^a-z ]+", " ", name)
    return " ".join(t for t in name.split() if t not in SCORER_DROP)


def same_speaker(pred: str | None, gold: str | None) -> bool:
    """score.py's speaker match: equal, or surname match (plus first initial for full names)."""
    p, g = scorer_norm(pred), scorer_norm(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    pt, gt = p.split(), g.split()
    if len(pt) == 1 or len(gt) == 1:
        return pt[-1] == gt[-1]
    return pt[-1] == gt[-1] and pt[0][0] == gt[0][0]


def match(gold: list[dict], pred: list[dict], thr: float) -> list[int | None]:
    """For each gold quote, the index of its matched prediction (greedy best overlap, 1:1)."""
    used: set[int] = set()
    out: list[int | None] = []
    for g in gold:
        gs, ge = g["start"], g["end"]
        best, bi = 0.0, None
        for i, p in enumerate(pred):
            if i in used:
                continue
            ov = max(0, min(ge, p["end"]) - max(gs, p["start"])) / max(1, ge - gs)
            if ov > thr and ov > best:
                best, bi = ov, i
        if bi is not None:
            used.add(bi)
        out.append(bi)
    return out


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    spk_ok: int = 0
    cty_ok: int = 0
    cty_n: int = 0

    def figures(self, thr: float) -> dict:
        """The dict score.py prints for one threshold."""
        tp, fp, fn, ok = self.tp, self.fp, self.fn, self.spk_ok
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        f1 = 2 * p * r / max(1e-9, p + r)
        ap, ar = ok / max(1, tp + fp), ok / max(1, tp + fn)
        af1 = 2 * ap * ar / max(1e-9, ap + ar)
        return dict(
            thr=thr,
            P=round(p, 3),
            R=round(r, 3),
            F1=round(f1, 3),
            speaker_acc=round(ok / max(1, tp), 3),
            attributed_F1=round(af1, 3),
            country_acc=round(self.cty_ok / self.cty_n, 3) if self.cty_n else None,
            tp=tp,
            fp=fp,
            fn=fn,
            missing_docs=0,
        )


@dataclass
class EvalReport:
    gold_path: str
    articles: int
    scores: list[dict]  # one score.py line per threshold
    by_kind: dict[str, dict]  # gold kind -> recall, speaker accuracy (first threshold)
    calibration: list[dict]  # confidence band -> matched quotes, speaker accuracy
    ece: float | None = None  # expected calibration error of the speaker's confidence
    auroc: float | None = None  # how well confidence separates right from wrong speakers
    bands_monotone: bool = False  # each higher band more accurate than the one below
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    misattributed: list[dict] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "id: reason" of articles that crashed
    # Where the gold marks the words naming each quote's speaker (news_dev, PolNeAR): how
    # often ours are those words. Beside speaker_acc, it checks which mention a quote rests on
    # where the gold gives no canonical name (PolNeAR's "he"), not what the mention resolved to.
    mentions: dict | None = None


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - CONTEXT) : start]
    right = text[end : end + CONTEXT]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def _score_doc(doc: dict, pred: list[dict], thr: float, tally: Tally) -> list[int | None]:
    matched = match(doc["quotes"], pred, thr)
    for g, bi in zip(doc["quotes"], matched, strict=True):
        if bi is None:
            tally.fn += 1
            continue
        tally.tp += 1
        tally.spk_ok += same_speaker(pred[bi].get("speaker"), g.get("speaker"))
        if g.get("speaker_country"):
            tally.cty_n += 1
            got = (pred[bi].get("speaker_country") or "").upper()
            tally.cty_ok += got == g["speaker_country"].upper()
    tally.fp += len(pred) - sum(1 for b in matched if b is not None)
    return matched


def gold_mention_spans(g: dict) -> list[tuple[int, int]]:
    """Where a gold quote's speaker is named: PolNeAR's speaker_spans, news_dev's
    speaker_start and speaker_end; none in files without them."""
    if g.get("speaker_spans"):
        return [(int(a), int(b)) for a, b in g["speaker_spans"]]
    if g.get("speaker_start") is not None and g.get("speaker_end") is not None:
        return [(int(g["speaker_start"]), int(g["speaker_end"]))]
    return []


def mention_figures(docs: list[dict], preds: list[list[dict]], thr: float) -> dict | None:
    """Of the matched quotes whose gold marks its speaker's words: the share whose predicted
    speaker rests on words overlapping them (`mention_acc`), and the share resting on any
    printed words at all (`pointed`; the rest were chosen from the passage, or nobody)."""
    marked = pointed = right = 0
    for doc, pred in zip(docs, preds, strict=True):
        for g, bi in zip(doc["quotes"], match(doc["quotes"], pred, thr), strict=True):
            spans = gold_mention_spans(g)
            if bi is None or not spans:
                continue
            marked += 1
            start, end = pred[bi].get("speaker_start"), pred[bi].get("speaker_end")
            if start is None or end is None:
                continue
            pointed += 1
            right += any(start < b and a < end for a, b in spans)
    if not marked:
        return None
    return dict(
        thr=thr,
        marked=marked,
        pointed=round(pointed / marked, 3),
        mention_acc=round(right / marked, 3),
    )


def _kind(g: dict) -> str:
    if g.get("kind"):
        return g["kind"]
    return "marked" if g.get("has_quote_marks") else "unmarked"


def _by_kind(docs: list[dict], preds: list[list[dict]], thr: float) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for doc, pred in zip(docs, preds, strict=True):
        for g, bi in zip(doc["quotes"], match(doc["quotes"], pred, thr), strict=True):
            row = rows.setdefault(_kind(g), {"gold": 0, "found": 0, "speaker_ok": 0})
            row["gold"] += 1
            if bi is not None:
                row["found"] += 1
                row["speaker_ok"] += same_speaker(pred[bi].get("speaker"), g.get("speaker"))
    for row in rows.values():
        row["recall"] = round(row["found"] / max(1, row["gold"]), 3)
        row["speaker_acc"] = round(row["speaker_ok"] / max(1, row["found"]), 3)
    return dict(sorted(rows.items()))


def _scored(docs: list[dict], preds: list[list[dict]], thr: float) -> tuple[list, list]:
    """(confidence, speaker right) of matched quotes; confidences of spurious ones."""
    items: list[Scored] = []
    spurious: list[float] = []
    for doc, pred in zip(docs, preds, strict=True):
        matched = match(doc["quotes"], pred, thr)
        hit = {bi: g for g, bi in zip(doc["quotes"], matched, strict=True) if bi is not None}
        for i, p in enumerate(pred):
            if i in hit:
                right = same_speaker(p.get("speaker"), hit[i].get("speaker"))
                items.append(Scored(p["confidence"], right))
            else:
                spurious.append(p["confidence"])
    return items, spurious


def _errors(report: EvalReport, doc: dict, pred: list[dict], thr: float) -> None:
    text = doc["article_text"]
    matched = match(doc["quotes"], pred, thr)
    for g, bi in zip(doc["quotes"], matched, strict=True):
        where = {"id": doc["id"], "context": _context(text, g["start"], g["end"])}
        if bi is None:
            cause = error_causes.missed(g)
            report.missed.append({**where, "gold_speaker": g.get("speaker"), "cause": cause})
        elif not same_speaker(pred[bi].get("speaker"), g.get("speaker")):
            report.misattributed.append(
                {
                    **where,
                    "gold_speaker": g.get("speaker"),
                    "speaker": pred[bi].get("speaker"),
                    "cause": error_causes.misattributed(pred[bi]),
                }
            )
    used = {bi for bi in matched if bi is not None}
    for i, p in enumerate(pred):
        if i not in used:
            report.spurious.append(
                {
                    "id": doc["id"],
                    "speaker": p.get("speaker"),
                    "context": _context(text, p["start"], p["end"]),
                    "cause": error_causes.spurious(p),
                }
            )


def evaluate(
    gold_path: Path,
    thresholds: tuple[float, ...] = (0.3, 0.8),
    articles: slice = slice(None),
) -> EvalReport:
    """Run the extractor on every gold article (or a slice of them, e.g. a held-out part)
    and score it as score.py would."""
    from app.extract.article import article_json

    lines = Path(gold_path).read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines if line.strip()][articles]
    resources = load_resources()
    preds: list[list[dict]] = []
    failed: list[str] = []
    for d in docs:
        try:
            art = extract_article(d["article_text"], resources)
        except Exception as error:  # one broken article is scored as empty, the rest still count
            failed.append(f"{d['id']}: {type(error).__name__}: {error}")
            preds.append([])
            continue
        quotes = article_json(d["id"], d["id"], art)["quotes"]
        for q, extracted in zip(quotes, art.quotes, strict=True):
            q["evidence"] = extracted.evidence
        preds.append(quotes)
    scores = []
    for thr in thresholds:
        tally = Tally()
        for doc, pred in zip(docs, preds, strict=True):
            _score_doc(doc, pred, thr, tally)
        scores.append(tally.figures(thr))
    items, spurious = _scored(docs, preds, thresholds[0])
    calibration = bands(items, spurious)
    report = EvalReport(
        str(gold_path),
        len(docs),
        scores,
        _by_kind(docs, preds, thresholds[0]),
        calibration,
        expected_calibration_error(items),
        auroc(items),
        monotone(calibration),
        failed=failed,
        mentions=mention_figures(docs, preds, thresholds[0]),
    )
    for doc, pred in zip(docs, preds, strict=True):
        _errors(report, doc, pred, thresholds[0])
    return report


def render_json(report: EvalReport) -> str:
    return json.dumps(asdict(report), ensure_ascii=False, indent=2)


def _table(header: list[str], rows: list[list]) -> list[str]:
    cells = [header] + [["-" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    return ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in cells]


def render_table(report: EvalReport, show_errors: bool = False) -> str:
    """Plain-text report: score.py figures, per-kind breakdown, calibration, errors."""
    keys = ["thr", "P", "R", "F1", "speaker_acc", "attributed_F1", "country_acc", "tp", "fp", "fn"]
    out = [f"{report.gold_path}: {report.articles} articles", ""]
    out += [f"extraction failed, scored as empty: {line}" for line in report.failed]
    out += _table(keys, [[s[k] for k in keys] for s in report.scores])
    if report.mentions:
        m = report.mentions
        out += [
            "",
            f"speaker mentions (gold marks {m['marked']} matched quotes' speaker words): "
            f"ours on those words {m['mention_acc']}, on any printed words {m['pointed']}",
        ]
    out += ["", "by gold kind (first threshold)"]
    out += _table(
        ["kind", "gold", "found", "recall", "speaker_acc"],
        [
            [k, r["gold"], r["found"], r["recall"], r["speaker_acc"]]
            for k, r in report.by_kind.items()
        ],
    )
    out += ["", "calibration: speaker accuracy by confidence band"]
    out += _table(
        ["band", "matched", "speaker_acc", "spurious"],
        [[b["band"], b["matched"], b["speaker_acc"], b["spurious"]] for b in report.calibration],
    )
    out.append(
        f"ECE {report.ece}  AUROC {report.auroc}  "
        f"bands monotone: {'yes' if report.bands_monotone else 'no'}"
    )
    for name in ("misattributed", "missed", "spurious"):
        errors = getattr(report, name)
        out += ["", f"{name} ({len(errors)}) by cause"]
        out += _table(["count", "cause"], [[n, c] for c, n in error_causes.counted(errors)])
    if show_errors:
        for name in ("misattributed", "missed", "spurious"):
            errors = getattr(report, name)
            for cause, n in error_causes.counted(errors):
                out += ["", f"{name}: {cause} ({n})"]
                for e in (e for e in errors if e["cause"] == cause):
                    who = " | ".join(f"{k}={e[k]}" for k in ("gold_speaker", "speaker") if k in e)
                    out.append(f"- {e['id']}: {e['context']}" + (f"  ({who})" if who else ""))
    return "\n".join(out)
