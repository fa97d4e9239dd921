import pyotp
import pytest

from werkwijzer.accounts import twofactor
from werkwijzer.accounts.models import TOTPDevice, User
from werkwijzer.accounts.seeding import DEMO_PASSWORD, seed
from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.core.seeding import SeedContext

pytestmark = pytest.mark.django_db


def test_admin_lists_and_edits_users(client):
    admin = make_user("admin")
    force_login_verified(client, admin)
    baco = make_user("professional", profession="baco")
    assert client.get("/beheer/accounts/user/?role=professional").status_code == 200
    page = client.get(f"/beheer/accounts/user/{baco.pk}/change/")
    assert page.status_code == 200
    assert b'name="profession"' in page.content and b'name="provider"' in page.content
    assert client.get("/beheer/accounts/user/add/").status_code == 200
    # Login throttling (django-axes): the pauses and the log of logins.
    assert client.get("/beheer/axes/accessattempt/").status_code == 200
    assert client.get("/beheer/axes/accesslog/").status_code == 200


def test_admin_creates_a_professional_with_a_profession(client):
    force_login_verified(client, make_user("admin"))
    data = {
        "username": "nieuwe-baco",
        "email": "baco@example.org",
        "role": "professional",
        "profession": "",
        "password1": "een-lang-wachtwoord-42",
        "password2": "een-lang-wachtwoord-42",
        "usable_password": "true",
    }
    client.post("/beheer/accounts/user/add/", data)
    assert not User.objects.filter(username="nieuwe-baco").exists()
    client.post("/beheer/accounts/user/add/", {**data, "profession": "baco"})
    assert User.objects.get(username="nieuwe-baco").profession == "baco"


def test_admin_action_resets_the_second_factor(client):
    force_login_verified(client, make_user("admin"))
    baco = make_user("professional", profession="baco")
    device = TOTPDevice.objects.create(user=baco, secret=pyotp.random_base32())
    twofactor.confirm_device(device)
    twofactor.new_recovery_codes(baco)
    client.post(
        "/beheer/accounts/user/",
        {"action": "reset_second_factor", "_selected_action": [baco.pk]},
    )
    assert twofactor.confirmed_device(baco) is None
    assert not baco.recovery_codes.exists()


def test_demo_accounts_only_with_debug_or_an_environment_password(settings, monkeypatch):
    monkeypatch.delenv("WERKWIJZER_DEMO_PASSWORD", raising=False)
    settings.DEBUG = False
    seed(SeedContext(content_dir=settings.CONTENT_DIR, write=lambda text: None))
    assert not User.objects.exists()

    settings.DEBUG = True
    seed(SeedContext(content_dir=settings.CONTENT_DIR, write=lambda text: None))
    seed(SeedContext(content_dir=settings.CONTENT_DIR, write=lambda text: None))  # idempotent
    roles = set(User.objects.values_list("role", flat=True))
    assert roles == {"person", "employer", "professional", "editor", "privacy_officer"}
    assert User.objects.count() == 6
    baco = User.objects.get(username="demo-baco")
    assert baco.check_password(DEMO_PASSWORD) and baco.is_baco_or_kag

    settings.DEBUG = False
    monkeypatch.setenv("WERKWIJZER_DEMO_PASSWORD", "from-the-environment-1")
    seed(SeedContext(content_dir=settings.CONTENT_DIR, write=lambda text: None))
    baco.refresh_from_db()
    assert baco.check_password("from-the-environment-1")
    assert not baco.check_password(DEMO_PASSWORD)


def test_the_directory_links_the_demo_baco_and_kag_to_their_entries(settings):
    """The accounts app names the demo professionals by kind; the directory's seed links
    them to the first demo entry of that kind (accounts does not import the directory)."""
    from werkwijzer.directory import seeding as directory_seeding
    from werkwijzer.helpers import seeding as helper_seeding

    settings.DEBUG = True
    context = SeedContext(content_dir=settings.CONTENT_DIR, write=lambda text: None)
    seed(context)
    assert User.objects.get(username="demo-baco").provider is None
    helper_seeding.seed(context)
    directory_seeding.seed(context)
    seed(context)  # a second run keeps the link
    for username, kind in (("demo-baco", "baco"), ("demo-kag", "kag")):
        provider = User.objects.get(username=username).provider
        assert provider is not None and kind in provider.kinds and provider.is_demo
