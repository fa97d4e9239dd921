"""Who may open which page of this app: every URL × every role, and threads of others."""

import pytest
from django.urls import reverse

from werkwijzer.questions import services
from werkwijzer.questions.tests.conftest import login, make

pytestmark = pytest.mark.django_db
PUBLIC = {"ask", "faq", "faq_detail", "answer", "answer_page"}
BACO_KAG = {"baco", "kag"}
PROFESSIONALS = {"bedrijfsarts", "baco", "kag"}
EDITORS = {"editor", "admin"}
ALLOWED = {
    "queue": BACO_KAG,
    "question": BACO_KAG,
    "editor": EDITORS,
    "publish": EDITORS,
    "faq_edit": EDITORS,
    "consultations": PROFESSIONALS,
    "consultation_new": PROFESSIONALS,
    # The thread of the bedrijfsarts, asked of the BACO's directory entry.
    "consultation": {"bedrijfsarts", "baco"},
}
ROLES = ["anonymous", "person", "employer", "bedrijfsarts", "baco", "kag", "editor", "admin"]


@pytest.fixture
def world(baco, kag, bedrijfsarts, editor, consult_provider):
    users = {
        "person": make("p1", "person"),
        "employer": make("w1", "employer"),
        "bedrijfsarts": bedrijfsarts,
        "baco": baco,
        "kag": kag,
        "editor": editor,
        "admin": make("a1", "admin", is_staff=True, is_superuser=True),
    }
    question = services.ask(
        text="Een vraag over werk en kanker.", ip="1.1.1.1", consent_publication=True
    )
    services.claim(question, baco)
    services.answer(question, baco, "Een antwoord.", "http://t/")
    entry = services.publish(editor=editor, question_nl="Vraag?", answer_nl="Antwoord.")
    thread = services.start_consultation(
        user=bedrijfsarts,
        provider=consult_provider,
        subject="Casus",
        text="Vraag",
        base_url="http://t/",
    )
    args = {
        "answer": [question.token],
        "faq_detail": [entry.slug],
        "question": [question.pk],
        "publish": [question.pk],
        "faq_edit": [entry.pk],
        "consultation": [thread.pk],
    }
    return users, args


def test_every_url_is_covered():
    from werkwijzer.questions.urls import urlpatterns

    assert {p.name for p in urlpatterns} == PUBLIC | set(ALLOWED)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(PUBLIC | set(ALLOWED)))
def test_access_matrix(client, world, role, name):
    users, args = world
    if role != "anonymous":
        login(client, users[role])
    if name == "answer_page":  # shows the question whose private link was opened
        client.get(reverse("questions:answer", args=args["answer"]))
    # The private link is swapped for the session and goes on to answer_page.
    follow = name == "answer"
    response = client.get(reverse(f"questions:{name}", args=args.get(name, [])), follow=follow)
    if name in PUBLIC or role in ALLOWED[name]:
        assert response.status_code == 200, (role, name)
    elif role == "anonymous":
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
    elif name == "consultation" and role in PROFESSIONALS:
        assert response.status_code == 404  # another's thread: not even its existence
    else:
        assert response.status_code == 403, (role, name)


def test_guessed_ids_are_404(client, world):
    users, _args = world
    login(client, users["baco"])
    assert client.get(reverse("questions:consultation", args=[999999])).status_code == 404
    assert client.get(reverse("questions:question", args=[999999])).status_code == 404
    login(client, users["editor"])
    assert client.get(reverse("questions:publish", args=[999999])).status_code == 404
