"""The reader and editor groups and their permissions (admins are superusers)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READ_MODELS = {
    "sources": ["outlet", "article", "importbatch"],
    "claims": ["actor", "actoralias", "actorrole", "event", "claim", "claimlink", "annotation", "tag"],
}
EDIT_MODELS = {
    "claims": ["actor", "actoralias", "actorrole", "event", "claim", "claimlink", "annotation", "tag"]
}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def perms(models_by_app, actions):
        return [
            Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
            for app, models in models_by_app.items()
            for model in models
            for action in actions
        ]

    reader, _ = Group.objects.get_or_create(name="reader")
    reader.permissions.set(perms(READ_MODELS, ["view"]))
    editor, _ = Group.objects.get_or_create(name="editor")
    editor.permissions.set(perms(READ_MODELS, ["view"]) + perms(EDIT_MODELS, ["add", "change", "delete"]))


def drop_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["reader", "editor"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_span_inside_text_triggers"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, drop_groups)]
