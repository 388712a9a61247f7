from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources: outlets and articles"

    def ready(self) -> None:
        from . import tasks  # noqa: F401  (registers the import's named tasks)
