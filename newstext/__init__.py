"""Plain text of news articles, shared by the import (`sources.importing`) and the extraction.

Pure Python, no Django: month and weekday names, sentence splitting, page furniture, the page
header (headline, title bar, byline, dateline), outlet names found in the text, corrections, date
expressions (`date_mentions`, `date_resolve`) and the publication-date inference (`publication`).
Every rule here is written once; the import and the extraction call the same functions.
"""
