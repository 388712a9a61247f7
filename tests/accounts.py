"""Accounts for tests."""

from __future__ import annotations


def role(name: str):
    """The reader or editor group from migration claims/0003_roles, made again when a transactional
    test's flush has emptied the tables (the flush keeps content types and permissions, not groups)."""
    import importlib

    from django.contrib.auth.models import Group, Permission

    group, made = Group.objects.get_or_create(name=name)
    if made:
        roles = importlib.import_module("claims.migrations.0003_roles")
        wanted = [(roles.READ_MODELS, ["view"])]
        if name == "editor":
            wanted.append((roles.EDIT_MODELS, ["add", "change", "delete"]))
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
            for models_by_app, actions in wanted
            for app, models in models_by_app.items()
            for model in models
            for action in actions
        )
    return group
