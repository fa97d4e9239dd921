import pytest

from werkwijzer.questions import services
from werkwijzer.questions.models import Question

pytestmark = pytest.mark.django_db


def post(client, data, **extra):
    return client.post("/api/v1/questions", data, content_type="application/json", **extra)


def test_ask_and_read_answer(client, baco):
    response = post(client, {"text": "Kan ik een AOV krijgen na kanker?", "topic": "aov"})
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "open" and body["url"].endswith(f"/antwoord/{body['token']}/")
    answer = client.get(f"/api/v1/questions/{body['token']}").json()
    assert answer["answer"] is None and answer["question"].startswith("Kan ik")
    question = Question.objects.get()
    services.claim(question, baco)
    services.answer(question, baco, "Dat is lastig, maar niet onmogelijk.", "http://t/")
    answer = client.get(f"/api/v1/questions/{body['token']}").json()
    assert answer["status"] == "answered" and answer["answer"].startswith("Dat is lastig")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"text": "kort"}, "text"),
        ({"text": "Een goede vraag over werk", "topic": "bestaat-niet"}, "topic"),
        ({"text": "Een goede vraag over werk", "email": "geen"}, "email"),
        ({}, "text"),
        ({"text": 12}, "text"),
        ({"text": "x" * 5000}, "text"),
    ],
)
def test_bad_input_gives_a_clear_dutch_message(client, data, field):
    response = post(client, data)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors[0]["field"] == field and errors[0]["message"]


def test_messages_are_dutch_first_and_english_on_request(client):
    dutch = post(client, {"text": "kort"}).json()["errors"][0]["message"]
    assert dutch == "Schrijf een vraag van minstens 10 tekens."
    english = post(client, {"text": "kort"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["errors"][0]["message"] == "Write a question of at least 10 characters."


def test_unreadable_body_is_400(client):
    response = client.post("/api/v1/questions", "{niet json", content_type="application/json")
    assert response.status_code == 400


def test_rate_limit_per_address_shared_with_the_page(client):
    client.post("/vraag-de-specialist/", {"text": "Een goede vraag over werk", "website": ""})
    for _n in range(4):
        assert post(client, {"text": "Een goede vraag over werk"}).status_code == 201
    response = post(client, {"text": "Een goede vraag over werk"})
    assert response.status_code == 429
    error = response.json()["errors"][0]
    assert error["field"] == "" and error["message"].startswith("Te veel pogingen")
    other = post(client, {"text": "Een goede vraag over werk"}, REMOTE_ADDR="203.0.113.10")
    assert other.status_code == 201


def test_the_answer_can_be_read_without_the_token_in_the_url(client):
    token = post(client, {"text": "Kan ik na mijn behandeling weer werken?"}).json()["token"]
    response = client.post(
        "/api/v1/questions/answer", {"token": token}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["question"].startswith("Kan ik")
    missing = client.post(
        "/api/v1/questions/answer", {"token": "x" * 40}, content_type="application/json"
    )
    assert missing.status_code == 404 and missing.json()["errors"][0]["field"] == "token"


def test_unknown_token_is_404(client):
    response = client.get("/api/v1/questions/" + "a" * 500)
    assert response.status_code == 404
    assert response.json()["errors"][0]["field"] == "token"


def test_faq_list_and_entry(client, editor):
    entry = services.publish(
        editor=editor,
        question_nl="Mag ik thuiswerken tijdens de behandeling?",
        answer_nl="Overleg dat met uw werkgever.",
        question_en="May I work from home during treatment?",
        answer_en="Discuss it with your employer.",
        topics=["werken-tijdens-behandeling"],
    )
    hidden = services.publish(editor=editor, question_nl="Verborgen vraag", answer_nl="Nee")
    services.unpublish(hidden)
    listing = client.get("/api/v1/faq").json()
    assert [e["slug"] for e in listing] == [entry.slug]
    assert client.get("/api/v1/faq?topic=wia").json() == []
    english = client.get(f"/api/v1/faq/{entry.slug}?lang=en").json()
    assert english["question"].startswith("May I") and english["language"] == "en"
    assert client.get(f"/api/v1/faq/{hidden.slug}").status_code == 404
    assert client.get("/api/v1/faq?lang=de").status_code == 422
    assert client.get("/api/v1/faq?topic=bestaat-niet").status_code == 422


def test_openapi_documents_the_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/questions",
        "/api/v1/questions/{token}",
        "/api/v1/faq",
        "/api/v1/faq/{slug}",
    } <= set(paths)
