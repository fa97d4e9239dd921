import pytest

from werkwijzer.questions import services
from werkwijzer.questions.tests.conftest import login, make

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    login(client, make("beheer", "admin", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/beheer/questions/question/?status__exact=open&has_email=yes",
        "/beheer/questions/question/?consent_publication__exact=1&topic=aov",
        "/beheer/questions/faqentry/?published__exact=1",
        "/beheer/questions/consultation/?provider__isempty=1",
    ],
)
def test_admin_lists_with_filters(admin_client, bedrijfsarts, path):
    services.ask(text="Een vraag over werk.", ip="1.1.1.1", email="a@voorbeeld.nl")
    services.start_consultation(
        user=bedrijfsarts, provider=None, subject="Casus", text="Vraag", base_url="http://t/"
    )
    assert admin_client.get(path).status_code == 200


def test_admin_unpublish_action(admin_client, editor):
    entry = services.publish(editor=editor, question_nl="Vraag?", answer_nl="Antwoord.")
    response = admin_client.post(
        "/beheer/questions/faqentry/",
        {"action": "make_not_public", "_selected_action": [entry.pk]},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert not entry.published
