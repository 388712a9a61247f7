"""The columns a claim's value text is drawn from (`claims.views.claims.value_text`: the quantity, the
date, a statement's speaker mention, polarity and words), for the reads that build claims without the ORM."""

VALUE_FIELDS = (
    "quantity_low",
    "quantity_high",
    "quantity_approximate",
    "quantity_direction",
    "unit",
    "unit_class",
    "date_value",
    "date_precision",
    "date_end_value",
    "date_end_precision",
    "date_month",
    "date_day",
    "date_weekday",
    "date_approximate",
    "date_expression",
    "speaker_mention",
    "polarity",
    "words",
)
