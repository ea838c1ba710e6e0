"""Does the confidence mean something? Expected calibration error, AUROC of speaker
correctness, and speaker accuracy per confidence band, over the quotes matched to gold."""

from dataclasses import dataclass

BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.0001))
ECE_BINS = 10


@dataclass(frozen=True)
class Scored:
    confidence: float
    correct: bool  # the speaker is right (a matched quote) — spurious quotes are not scored


def expected_calibration_error(items: list[Scored], bins: int = ECE_BINS) -> float | None:
    """Mean |accuracy - confidence| over equal-width confidence bins, weighted by size."""
    if not items:
        return None
    total = 0.0
    for n in range(bins):
        lo, hi = n / bins, (n + 1) / bins
        inside = [
            s for s in items if lo <= s.confidence < hi or (n == bins - 1 and s.confidence == 1)
        ]
        if inside:
            accuracy = sum(s.correct for s in inside) / len(inside)
            confidence = sum(s.confidence for s in inside) / len(inside)
            total += len(inside) * abs(accuracy - confidence)
    return round(total / len(items), 3)


def auroc(items: list[Scored]) -> float | None:
    """Probability that a right speaker is more confident than a wrong one (ties count half)."""
    right = sorted(s.confidence for s in items if s.correct)
    wrong = sorted(s.confidence for s in items if not s.correct)
    if not right or not wrong:
        return None
    wins = 0.0
    j = 0  # wrong[:j] are below the current right confidence (both lists sorted)
    for c in right:
        while j < len(wrong) and wrong[j] < c:
            j += 1
        k = j
        while k < len(wrong) and wrong[k] == c:
            k += 1
        wins += j + 0.5 * (k - j)
    return round(wins / (len(right) * len(wrong)), 3)


def bands(items: list[Scored], spurious: list[float]) -> list[dict]:
    """Matched quotes, speaker accuracy and spurious quotes per confidence band."""
    out = []
    for lo, hi in BANDS:
        inside = [s for s in items if lo <= s.confidence < hi]
        ok = sum(s.correct for s in inside)
        out.append(
            {
                "band": f"{lo:.2f}-{min(hi, 1.0):.2f}",
                "matched": len(inside),
                "speaker_ok": ok,
                "speaker_acc": round(ok / len(inside), 3) if inside else None,
                "spurious": sum(1 for c in spurious if lo <= c < hi),
            }
        )
    return out


def monotone(rows: list[dict]) -> bool:
    """Every band with quotes is more accurate than the band below it."""
    accs = [r["speaker_acc"] for r in rows if r["speaker_acc"] is not None]
    return all(a < b for a, b in zip(accs, accs[1:], strict=False))
