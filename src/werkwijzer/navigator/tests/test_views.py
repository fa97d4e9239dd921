import pytest

from werkwijzer.navigator.tests.test_api import SITUATION

pytestmark = pytest.mark.usefixtures("helper_catalogue")


def form_data(**changes):
    data = {**SITUATION, **changes}
    return {key: value for key, value in data.items() if value is not None}


def test_the_questionnaire_renders(client):
    response = client.get("/wegwijzer/")
    assert response.status_code == 200
    assert 'name="employment"' in response.content.decode()


def test_a_complete_form_shows_the_plan(client):
    response = client.post("/wegwijzer/plan/", form_data())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jouw persoonlijke plan" in html
    assert "Bedrijfsarts" in html
    assert "Probleemanalyse" in html or "probleemanalyse" in html
    assert client.session["persona"] == {"role": "werkende", "employment": "loondienst-vast"}


def test_errors_show_the_form_again_with_the_answers_kept(client):
    response = client.post("/wegwijzer/plan/", form_data(age="12", employment=None))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Controleer deze antwoorden" in html
    assert "Leeftijd" in html and "Vul een getal in van 16 tot en met 100." in html
    assert 'value="loondienst-vast"' in html  # choices still there
    assert 'id="phase-behandeling" value="behandeling" checked' in html  # answer kept


def test_change_answers_prefills_the_form(client):
    response = client.post("/wegwijzer/", form_data())
    assert 'id="working-niet" value="niet" checked' in response.content.decode()


def test_get_on_the_plan_url_goes_back_to_the_questions(client):
    assert client.get("/wegwijzer/plan/").url == "/wegwijzer/"


def test_plan_as_pdf_json_and_calendar(client):
    from icalendar import Calendar

    pdf = client.post("/wegwijzer/plan.pdf", form_data())
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    data = client.post("/wegwijzer/plan.json", form_data())
    assert data.json()["helpers"]
    ics = client.post("/wegwijzer/plan.ics?alle=1", form_data())  # its dates have passed
    calendar = Calendar.from_ical(ics.content)
    events = calendar.walk("VEVENT")
    assert any(str(event["categories"].cats[0]) == "probleemanalyse" for event in events)


def test_unknown_output_is_not_found(client):
    assert client.post("/wegwijzer/plan.exe", form_data()).status_code == 404


def test_the_plan_summary_names_the_situation_in_the_visitors_language(client):
    dutch = client.post("/wegwijzer/plan/", form_data()).content.decode()
    assert "In loondienst met een vast contract · In behandeling · Nu niet" in dutch
    assert "Vermoeidheid" in dutch
    english = client.post("/wegwijzer/plan/", form_data(), HTTP_ACCEPT_LANGUAGE="en")
    html = english.content.decode()
    assert "Employee with a permanent contract · In treatment · Not at the moment" in html
