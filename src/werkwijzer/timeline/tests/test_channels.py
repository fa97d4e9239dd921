"""The timeline through every channel: page, .ics, API and command line."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from werkwijzer.vocabulary.slugs import slugs


@pytest.fixture(autouse=True)
def fixed_today():
    """The channels check dates against today; keep today fixed."""
    with time_machine.travel(date(2026, 11, 23), tick=False):
        yield


SITUATION = {"employment": "loondienst-vast", "sick_since": "2026-01-05"}


def events(body: bytes) -> list:
    return [c for c in Calendar.from_ical(body).walk() if c.name == "VEVENT"]


@pytest.mark.django_db
class TestPage:
    def test_empty_form(self, client):
        response = client.get(reverse("timeline:index"))
        assert response.status_code == 200
        assert "Eerste ziektedag" in response.content.decode()

    def test_post_shows_the_timeline_without_javascript(self, client):
        response = client.post(reverse("timeline:index"), SITUATION)
        text = response.content.decode()
        assert response.status_code == 200
        assert "Probleemanalyse" in text and "26 oktober 2026" in text
        assert "Als het gemist wordt" in text or "loonsanctie" in text

    def test_get_link_from_the_wegwijzer(self, client):
        response = client.get(reverse("timeline:index"), SITUATION)
        assert "Plan van aanpak" in response.content.decode()

    def test_impossible_history_is_shown_again_with_the_problem(self, client):
        data = dict(SITUATION, history_1_start="2025-06-10", history_1_end="2025-06-01")
        response = client.post(reverse("timeline:index"), data)
        assert response.status_code == 422
        assert "vóór je ziek werd" in response.content.decode()

    def test_future_sick_day_is_refused(self, client):
        data = dict(SITUATION, sick_since=date(2099, 1, 1).isoformat())
        response = client.post(reverse("timeline:index"), data)
        assert response.status_code == 422
        assert "toekomst" in response.content.decode()

    def test_half_filled_period_names_the_missing_date(self, client):
        data = dict(SITUATION, history_2_start="2025-06-10")
        response = client.post(reverse("timeline:index"), data)
        assert response.status_code == 422
        assert "beide data" in response.content.decode()

    def test_english(self, client):
        response = client.post(reverse("timeline:index"), SITUATION, HTTP_ACCEPT_LANGUAGE="en")
        assert "Problem analysis" in response.content.decode()


@pytest.mark.django_db
class TestCalendar:
    def test_ics_has_one_event_per_milestone_with_the_right_dates(self, client):
        response = client.post(reverse("timeline:ics"), dict(SITUATION, alle="1"))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        found = events(response.content)
        assert len(found) == 23  # 9 kinds; evaluatie 15 times
        by_category = {}
        for event in found:
            by_category.setdefault(event.get("categories").cats[0], event)
        assert by_category["ziekmelding-uwv"].decoded("dtstart") == date(2026, 10, 26)
        assert by_category["wia-aanvraag"].decoded("dtstart") == date(2027, 10, 17)
        assert by_category["einde-loondoorbetaling"].decoded("dtstart") == date(2028, 1, 2)
        description = str(by_category["plan-van-aanpak"].get("description"))
        assert "Werkgever:" in description and "Werkende:" in description
        assert len({str(e.get("uid")) for e in found}) == len(found)

    def test_zzp_calendar(self, client):
        data = {"employment": "zzp", "sick_since": "2026-01-05", "aov_waiting_days": "30"}
        found = events(client.post(reverse("timeline:ics") + "?alle=1", data).content)
        assert [e.decoded("dtstart") for e in found] == [date(2026, 1, 5), date(2026, 2, 4)]

    def test_bad_input_gives_the_form_again(self, client):
        response = client.post(reverse("timeline:ics"), {"employment": "x"})
        assert response.status_code == 422


@pytest.mark.django_db
class TestApi:
    url = "/api/v1/timeline"

    def test_json(self, client):
        body = client.get(self.url, SITUATION).json()
        assert body["route"] == "poortwachter"
        codes = [m["code"] for m in body["milestones"]]
        assert codes[0] == "ziekmelding" and "vervroegde-iva" in codes
        first = body["milestones"][0]
        assert first["due"] == "2026-01-11" and first["week"] == 1
        assert first["source"]["publisher"] == "UWV"
        assert first["tasks"] and first["if_missed"]

    def test_history_and_extension(self, client):
        params = {
            "employment": "loondienst-vast",
            "sick_since": "2026-03-02",
            "history": ["2026-01-05/2026-02-08"],
            "extension_weeks": "13",
        }
        body = client.get(self.url, params).json()
        assert body["first_sick_day"] == "2026-01-05"
        assert body["counted_days_before"] == 35

    def test_english(self, client):
        body = client.get(self.url, dict(SITUATION, language="en")).json()
        assert body["milestones"][1]["title"] == "Problem analysis"

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"employment": "loondienst-vast"}, "sick_since"),
            ({"sick_since": "2026-01-05"}, "employment"),
            ({"employment": "baas", "sick_since": "2026-01-05"}, "employment"),
            ({"employment": "loondienst-vast", "sick_since": "gisteren"}, "sick_since"),
            ({"employment": "loondienst-vast", "sick_since": "1980-01-01"}, "sick_since"),
            ({"employment": "loondienst-vast", "sick_since": "2099-01-01"}, "sick_since"),
            (dict(SITUATION, history=["2025-06-10/2025-06-01"]), "history.1"),
            (dict(SITUATION, history=["2025-06-10"]), "history.1"),
            (
                dict(SITUATION, history=["2025-06-01/2025-06-20", "2025-06-10/2025-06-30"]),
                "history.2",
            ),
            (dict(SITUATION, extension_weeks="120"), "extension_weeks"),
            (dict(SITUATION, extension_weeks="10"), "extension_weeks"),  # at least 13
            (dict(SITUATION, employment="loondienst-vast", agency_clause="ja"), "agency_clause"),
            (
                dict(SITUATION, earlier_sick_spells=["2025-06-10/2025-06-01"]),
                "earlier_sick_spells.1",
            ),
            (dict(SITUATION, language="de"), "language"),
        ],
    )
    def test_bad_input_names_the_field(self, client, params, field):
        response = client.get(self.url, params)
        assert response.status_code == 422
        assert field in [error["field"] for error in response.json()["errors"]]


class TestCommand:
    def test_text(self):
        out = StringIO()
        call_command(
            "timeline", "--employment", "loondienst-vast", "--sick-since", "2026-01-05", stdout=out
        )
        assert "26 oktober 2026 (week 43)" in out.getvalue()

    def test_json_and_ics(self):
        out = StringIO()
        call_command(
            "timeline", "--employment", "uitkering-ww", "--sick-since", "2026-01-05", "--json",
            stdout=out,
        )  # fmt: skip
        assert json.loads(out.getvalue())["route"] == "ziektewet"
        out = StringIO()
        call_command(
            "timeline", "--employment", "loondienst-vast", "--sick-since", "2026-01-05",
            "--ics", "--language", "en", "--all-dates", stdout=out,
        )  # fmt: skip
        assert len(events(out.getvalue().encode())) == 23
        out = StringIO()
        call_command(
            "timeline", "--employment", "loondienst-vast", "--sick-since", "2026-01-05",
            "--ics", stdout=out,
        )  # fmt: skip
        assert len(events(out.getvalue().encode())) == 13  # from 23 November 2026 on

    def test_bad_input_exits_with_2_and_names_the_problem(self):
        with pytest.raises(CommandError) as error:
            call_command(
                "timeline", "--employment", "loondienst-vast", "--sick-since", "2026-01-05",
                "--history", "2025-06-01/2025-06-20", "--history", "2025-06-10/2025-06-30",
            )  # fmt: skip
        assert error.value.returncode == 2
        assert "overlappen" in str(error.value)


text_or_date = st.one_of(
    st.none(),
    st.text(max_size=25),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
)


@pytest.mark.django_db
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    employment=st.one_of(st.sampled_from(slugs("employment")), st.text(max_size=12)),
    sick_since=text_or_date,
    contract_end=text_or_date,
    history=st.lists(
        st.tuples(text_or_date, text_or_date).map(lambda p: f"{p[0]}/{p[1]}"), max_size=3
    ),
    extension=st.one_of(st.none(), st.integers(-5, 80).map(str), st.text(max_size=4)),
    aov=st.one_of(st.none(), st.integers(-5, 1000).map(str)),
)
def test_api_never_fails_on_odd_input(
    client, employment, sick_since, contract_end, history, extension, aov
):
    params = {"employment": employment, "history": history}
    for key, value in (
        ("sick_since", sick_since),
        ("contract_end", contract_end),
        ("extension_weeks", extension),
        ("aov_waiting_days", aov),
    ):
        if value is not None:
            params[key] = value
    response = client.get("/api/v1/timeline", params)
    assert response.status_code in (200, 422), response.content
    if response.status_code == 422:
        assert all(error["field"] and error["message"] for error in response.json()["errors"])


# ----------------------------------------------------------------- issue 13: the new fields


@pytest.mark.django_db
class TestNewFields:
    def test_form_takes_spells_clause_and_role(self, client):
        data = {
            "employment": "uitzendkracht",
            "sick_since": "2026-01-05",
            "agency_clause": "true",
            "role": "werkgever",
            "history_1_start": "2025-11-10",
            "history_1_end": "2025-12-14",
        }
        response = client.post(reverse("timeline:index"), data)
        text = response.content.decode()
        assert response.status_code == 200
        assert "uitzendbeding" in text and "Meld je uitzendkracht meteen ziek bij UWV" in text
        assert "Probleemanalyse" not in text  # no employer Poortwachter steps

    def test_form_refuses_a_clause_for_an_employee_and_keeps_the_input(self, client):
        data = dict(SITUATION, agency_clause="true", history_1_start="2025-11-10",
                    history_1_end="2025-12-14")  # fmt: skip
        response = client.post(reverse("timeline:index"), data)
        text = response.content.decode()
        assert response.status_code == 422
        assert "uitzendbeding hoort alleen bij een uitzendcontract" in text
        assert 'value="2025-11-10"' in text and 'href="#field-agency_clause"' in text

    def test_form_names_the_period_that_overlaps(self, client):
        data = dict(SITUATION, history_1_start="2025-06-01", history_1_end="2025-06-20",
                    history_3_start="2025-06-10", history_3_end="2025-06-30")  # fmt: skip
        response = client.post(reverse("timeline:index"), data)
        assert response.status_code == 422
        assert 'id="id_history_3_start-error"' in response.content.decode()

    def test_post_api_takes_the_plan_fields(self, client):
        body = {
            "role": "werkende",
            "phase": "behandeling",
            "employment": "loondienst-vast",
            "sick_since": "2026-01-05",
            "earlier_sick_spells": [{"from": "2025-11-10", "to": "2025-12-14"}],
        }
        answer = client.post("/api/v1/timeline", body, content_type="application/json").json()
        assert answer["first_sick_day"] == "2025-11-10"
        first = {m["code"]: m for m in answer["milestones"]}
        assert first["probleemanalyse"]["due"] == "2026-01-11"

    def test_post_api_names_the_spell_field(self, client):
        body = {
            "employment": "loondienst-vast",
            "sick_since": "2026-01-05",
            "earlier_sick_spells": [{"from": "2025-06-10", "to": "2025-06-01"}],
        }
        response = client.post("/api/v1/timeline", body, content_type="application/json")
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "earlier_sick_spells.1"

    def test_api_alerts_for_a_late_wia(self, client):
        body = client.get(self.url_for(sick_since="2024-09-02")).json()
        assert [alert["key"] for alert in body["alerts"]] == ["wia-after-end"]
        assert body["alerts"][0]["source"]["publisher"] == "UWV"

    @staticmethod
    def url_for(**params) -> str:
        query = "&".join(f"{k}={v}" for k, v in {"employment": "loondienst-vast", **params}.items())
        return f"/api/v1/timeline?{query}"

    def test_command_refuses_a_clause_for_an_employee(self):
        with pytest.raises(CommandError) as error:
            call_command(
                "timeline", "--employment", "loondienst-vast", "--sick-since", "2026-01-05",
                "--agency-clause", "ja",
            )  # fmt: skip
        assert error.value.returncode == 2
        assert "agency_clause: Een uitzendbeding" in str(error.value)

    def test_command_with_an_earlier_spell(self):
        out = StringIO()
        call_command(
            "timeline", "--employment", "loondienst-vast", "--sick-since", "2026-01-05",
            "--earlier-sick-spell", "2025-11-10/2025-12-14", "--json", stdout=out,
        )  # fmt: skip
        assert json.loads(out.getvalue())["counted_days_before"] == 35
