"""The claims list's polarity filter: an index on (polarity, -id) of the statements that are not asserted
(denied, refused, asked, held), a few in a hundred claims; an asserted statement is found by the kind
index, as every claim but a statement stores "asserted" too."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("claims", "0015_polarity_position")]

    operations = [
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                condition=models.Q(("polarity", "asserted"), _negated=True),
                fields=["polarity", "-id"],
                name="claim_polarity_id_idx",
            ),
        ),
    ]
