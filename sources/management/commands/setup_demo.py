"""Everything `make demo` needs after migrate: sample corpus, extraction, linking, demo accounts."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEMO_ACCOUNTS = [
    # username, password, group, superuser
    ("editor", "tracker-editor", "editor", False),
    ("reader", "tracker-reader", "reader", False),
    ("admin", "tracker-admin", None, True),
]


class Command(BaseCommand):
    help = "Load the sample corpus, extract and link its claims, and create the demo accounts. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-demo-accounts",
            action="store_true",
            help="create the demo accounts (published passwords, a superuser) even though DEBUG is off",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_demo_accounts"]:
            # Checked before anything is written: DEBUG off is how production runs.
            raise CommandError(
                "DEBUG is off, so this looks like a production setup: setup_demo would create accounts whose "
                "passwords are printed in the README, among them the superuser admin / tracker-admin. "
                "Nothing was changed. Run it with DEBUG=1 (as `make demo` does), or pass "
                "--allow-demo-accounts if you really want the demo accounts here."
            )
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
