"""Speech cues (verbs, "according to", colons) and the quote candidates they introduce."""
