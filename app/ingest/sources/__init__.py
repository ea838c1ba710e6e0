"""Where articles come from: HTML pages, dataset dumps (JSONL, CSV), feeds and web pages.

Each source turns what it reads into `Document`s (text and the metadata the source gave);
the pipeline extracts and stores them like article files.
"""
