"""Everything `make demo` needs after migrate: sample corpus, extraction, linking, demo accounts."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_ACCOUNTS = [
    # username, password, group, superuser
    ("editor", "tracker-editor", "editor", False),
    ("reader", "tracker-reader", "reader", False),
    ("admin", "tracker-admin", None, True),
]


class Command(BaseCommand):
    help = "Load the sample corpus, extract and link its claims, and create the demo accounts. Safe to run again."

    def handle(self, *args, **options):
        call_command("load_sample", stdout=self.stdout)
        call_command("extract_claims", stdout=self.stdout)
        call_command("link_claims", stdout=self.stdout)
        self.create_accounts()

    @transaction.atomic
    def create_accounts(self):
        User = get_user_model()
        for username, password, group, superuser in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.set_password(password)
                user.is_staff = user.is_superuser = superuser
                user.save()
                if group:
                    user.groups.add(Group.objects.get(name=group))
            self.stdout.write(
                f"Demo account: {username} / {password}" + ("" if created else " (already there)")
            )
