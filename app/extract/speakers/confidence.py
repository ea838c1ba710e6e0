"""How likely the speaker is right, from the way it was found.

Each basis (a name printed with the cue, a pronoun, a description, a document's author, …) has
the accuracy it showed on the development data (news_dev and the seeds; `diplomat eval`
prints the calibration); antecedents chosen by salience scale between a low and a high value
by how clearly they won (the winner's share of the two best scores). An inherited speaker
keeps its parent quote's confidence, a little lowered (attribute.py).
"""

# basis -> (confidence at a tie between two antecedents, confidence when unrivalled)
BASES: dict[str, tuple[float, float]] = {
    "name": (0.96, 0.96),  # the cue's subject names a person or organisation
    "name-other": (0.8, 0.8),  # … names an outlet or a place
    "named-body": (0.9, 0.9),  # "the state-run KCNA news agency"
    "he-she": (0.85, 0.97),  # gender agrees with the article's or the first name's
    "he-she-ungendered": (0.55, 0.9),  # the antecedent's gender is unknown
    "it-they": (0.4, 0.8),
    "it-document": (0.8, 0.8),  # "It" after a sentence a document spoke in: that document
    "role": (0.85, 0.85),  # "the mayor": the person whose printed titles fit
    "role-strong": (0.92, 0.92),  # … fitting by several words or by age
    "in-focus": (0.6, 0.8),  # "the 39-year-old founder": the person just named
    "unnamed-again": (0.7, 0.7),  # "the official" after "an official said"
    "named-next": (0.8, 0.8),  # "a hockey coach says …. Stephen Gillis said"
    "printed-indefinite": (0.62, 0.62),  # "a spokesperson for the camp" as printed
    "printed-definite": (0.5, 0.5),  # "the father", nobody named fits
    "printed-group": (0.85, 0.85),  # "protesters", "national security experts"
    "printed-body": (0.6, 0.6),  # "the company", no company named
    "body-by-name": (0.6, 0.85),  # "the ministry" -> the body whose name holds "ministry"
    "body-salient": (0.55, 0.85),  # "the company" -> the most salient company
    "subject-of-words": (0.85, 0.85),  # "The Canucks will …, the team said": the Canucks
    "document-issuer": (0.85, 0.85),  # "the statement" -> who gave "a joint statement" before
    "document-salient": (0.6, 0.6),  # "a statement said" -> the most salient organisation
    # a floating quote with nothing to inherit (news_dev and seeds: 8 of 11 right, 4 of the 5
    # closest calls among them)
    "salience": (0.5, 0.85),
    "none": (0.05, 0.05),  # no speaker found
}


def confidence_for(basis: str, share: float = 1.0) -> float:
    """Confidence for a speaker found this way; `share` in [0.5, 1] (1 when unrivalled)."""
    low, high = BASES[basis]
    t = min(1.0, max(0.0, (share - 0.5) / 0.5))
    return round(low + (high - low) * t, 3)
