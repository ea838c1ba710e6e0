"""Paragraphs, boilerplate, sentences, quotation marks and the spaCy parse of article text."""
