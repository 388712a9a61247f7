from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims, actors, events and links"

    def ready(self) -> None:
        from .db_triggers import create_sqlite_span_triggers, drop_sqlite_span_triggers

        pre_migrate.connect(drop_sqlite_span_triggers, dispatch_uid="claims_drop_sqlite_span_triggers")
        post_migrate.connect(create_sqlite_span_triggers, dispatch_uid="claims_create_sqlite_span_triggers")
