"""What sources announces to the apps built on it (claims), so that sources never imports them.

Both are sent inside the writer's transaction, so a receiver's writes commit or roll back with it.
"""

from django.dispatch import Signal

# New versions of known articles were stored (`articles`: the new Article rows, previous_version set):
# claims re-anchors the editors' annotations of each previous version onto its new text.
article_versions_stored = Signal()

# Silent edits were recorded for new versions (`articles`: those new Article rows): claims names, in
# each changed passage, the previous version's quantity and date claims ("previous_claims").
silent_edits_recorded = Signal()
