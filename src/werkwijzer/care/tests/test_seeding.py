from __future__ import annotations

from werkwijzer.accounts.testing import make_user
from werkwijzer.care.models import Referral
from werkwijzer.care.seeding import seed
from werkwijzer.core.seeding import SeedContext
from werkwijzer.directory.factories import ProviderFactory


def _context(tmp_path, lines):
    return SeedContext(content_dir=tmp_path, write=lines.append)


def test_skips_without_demo_accounts(db, tmp_path):
    lines = []
    seed(_context(tmp_path, lines))
    assert Referral.objects.count() == 0 and "missing" in lines[0]


def test_seeds_referrals_in_several_states_idempotently(db, tmp_path):
    make_user("person", username="demo-persoon")
    employer = make_user("employer", username="demo-werkgever")
    make_user("professional", username="demo-baco", provider=ProviderFactory(kinds=["baco"]))
    make_user("professional", username="demo-kag", provider=ProviderFactory(kinds=["kag"]))
    seed(_context(tmp_path, []))
    seed(_context(tmp_path, []))
    states = sorted(Referral.objects.values_list("state", flat=True))
    assert states == ["consultations", "declined", "requested", "requested"]
    assert Referral.objects.filter(confirmed_by_person_at__isnull=True).count() == 1
    from werkwijzer.care import services

    assert len(services.released_reports(employer)) == 1
