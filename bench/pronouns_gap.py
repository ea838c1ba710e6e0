"""How well the extractor's he/she resolution picks a pronoun's person: scored on the GAP
corpus (../shared/gold/gap/, Wikipedia passages with a he/she pronoun and two names A and B,
each labelled whether the pronoun means it).

    .venv/bin/python -m bench.pronouns_gap ../shared/gold/gap/gap-validation.tsv
    .venv/bin/python -m bench.pronouns_gap ../shared/gold/gap/gap-development.tsv --errors 20

Each passage goes through what an article goes through before its speakers are resolved
(paragraphs, quotation marks, sentences, the registry of names with their salience), then the
pronoun is resolved as a speaker's "he" or "she" would be (`Resolver.pronoun`). The answer
counts for A when the person chosen is the one named at A (by position or by surname), for B
likewise, for neither otherwise. GAP's own measure follows: precision, recall and F1 of the
"coreferent" label over the A and B pairs, overall and by the pronoun's gender, and the bias
(F1 feminine over masculine). GAP's published baselines (test split): syntactic parallelism
0.67-0.71 F1 overall.

The pronoun path needs no parse, so the whole development set takes a few seconds.
"""

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from app.extract.article import load_resources
from app.extract.speakers.coreference import Resolver
from app.extract.speakers.entities import Entity
from app.extract.speakers.mentions import Mention
from app.extract.speakers.names import normalise_name
from app.extract.speakers.registry import Registry
from app.extract.speakers.salience import Layout
from app.extract.speakers.typing import PERSON
from app.extract.text.boilerplate import paragraphs
from app.extract.text.marks import scan_marked
from app.extract.text.sentences import split_sentences

TITLE = "Passage\n\n"  # a title line, so that the passage is the article's body
HEADS = {"he": "he", "his": "he", "him": "he", "himself": "he"}
HEADS |= {"she": "she", "her": "she", "hers": "she", "herself": "she"}


@dataclass(frozen=True)
class Example:
    ident: str
    text: str
    pronoun: str
    offset: int
    names: tuple[tuple[str, int, bool], tuple[str, int, bool]]  # (name, offset, coreferent)


def read_gap(path: Path) -> list[Example]:
    """The examples of one GAP file (tab-separated, with a header line)."""
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Example(
            row["ID"],
            row["Text"],
            row["Pronoun"],
            int(row["Pronoun-offset"]),
            (
                (row["A"], int(row["A-offset"]), row["A-coref"].upper() == "TRUE"),
                (row["B"], int(row["B-offset"]), row["B-coref"].upper() == "TRUE"),
            ),
        )
        for row in rows
    ]


def resolve(example: Example) -> tuple[Entity | None, bool]:
    """The person the extractor would take the example's pronoun to mean (None: nobody), and
    whether its registry of names holds both A and B as people."""
    text = TITLE + example.text
    paras, title = paragraphs(text)
    marks = scan_marked(text)
    sents = split_sentences(text, paras, marks)
    named = [(p.start, p.end) for n, p in enumerate(paras) if p.body or p.caption or n == title]
    layout = Layout(text, [s.start for s in sents], [(q.start, q.end) for q in marks])
    officials = load_resources().officials
    resolver = Resolver(Registry(text, named, officials, layout), officials)
    start = len(TITLE) + example.offset
    head = HEADS.get(example.pronoun.lower(), example.pronoun.lower())
    mention = Mention(example.pronoun, start, start + len(example.pronoun), "pronoun", None, head)
    people = [e for e in resolver.registry.of_kind({PERSON}) if e.positions]
    known = all(any(_means(e, name, offset) for e in people) for name, offset, _ in example.names)
    return resolver.pronoun(mention, None).entity, known


def _means(entity: Entity, name: str, offset: int) -> bool:
    """The entity is the person named `name` at `offset` of the passage: a mention of it is
    there, or it has the same surname, or the name is part of its name ("Ben" of "Ben
    Lee": GAP marks the name as printed at that point)."""
    at = len(TITLE) + offset
    if any(at <= p < at + len(name) for p in entity.positions):
        return True
    ours, theirs = normalise_name(entity.name).split(), normalise_name(name).split()
    return bool(ours and theirs) and (ours[-1] == theirs[-1] or set(theirs) <= set(ours))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def f1(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score(examples: list[Example]) -> tuple[dict[str, Tally], list[str]]:
    """GAP's tallies overall ("all"), for "he" and for "she", for the examples whose two
    names the registry finds as people ("known"); and a line per wrong example."""
    tallies = {"all": Tally(), "he": Tally(), "she": Tally(), "known": Tally()}
    errors = []
    for example in examples:
        entity, known = resolve(example)
        gender = HEADS.get(example.pronoun.lower(), "he")
        counted = [tallies["all"], tallies[gender]] + ([tallies["known"]] if known else [])
        said = []
        for name, offset, gold in example.names:
            guess = entity is not None and _means(entity, name, offset)
            said.append(guess)
            for tally in counted:
                tally.tp += guess and gold
                tally.fp += guess and not gold
                tally.fn += gold and not guess
        golds = [gold for _, _, gold in example.names]
        if said != golds:
            chosen = entity.name if entity is not None else "nobody"
            wanted = [name for name, _, gold in example.names if gold] or ["neither"]
            errors.append(
                f"{example.ident}: {example.pronoun!r} at {example.offset} -> {chosen}"
                f" (gold: {wanted[0]})"
            )
    return tallies, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gap_tsv", type=Path)
    parser.add_argument("--errors", type=int, default=0, help="print the first N errors")
    args = parser.parse_args(argv)
    if not args.gap_tsv.is_file():
        print(f"error: no such file: {args.gap_tsv}", file=sys.stderr)
        return 2
    examples = read_gap(args.gap_tsv)
    tallies, errors = score(examples)
    print(f"{args.gap_tsv.name}: {len(examples)} examples")
    print("           P      R     F1")
    for label, tally in (("overall", tallies["all"]), ("masculine", tallies["he"])):
        print(f"{label:>9}  " + "  ".join(f"{v:.3f}" for v in tally.f1()))
    print("feminine   " + "  ".join(f"{v:.3f}" for v in tallies["she"].f1()))
    masculine, feminine = tallies["he"].f1()[2], tallies["she"].f1()[2]
    print(f"bias (F/M) {feminine / masculine if masculine else 0.0:.3f}")
    known = tallies["known"]
    pairs = known.tp + known.fn  # coreferent pairs among them
    print(
        "both names found as people: "
        + "  ".join(f"{v:.3f}" for v in known.f1())
        + f" ({pairs} coreferent pairs of {tallies['all'].tp + tallies['all'].fn})"
    )
    for line in errors[: args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
