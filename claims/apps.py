from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims, actors, events and links"

    def ready(self) -> None:
        from sources.signals import article_versions_stored, silent_edits_recorded

        from . import tasks  # noqa: F401  (registers claims' named tasks, "imports.extract" among them)
        from .receivers import on_article_versions_stored, on_silent_edits_recorded

        article_versions_stored.connect(on_article_versions_stored, dispatch_uid="claims_versions_stored")
        silent_edits_recorded.connect(on_silent_edits_recorded, dispatch_uid="claims_silent_edits")
