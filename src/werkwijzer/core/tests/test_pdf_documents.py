"""Every PDF the site makes (issue 15): tagged, with its language and title, one font,
links to the configured public address, and no last page with next to nothing on it."""

from __future__ import annotations

import re
from collections.abc import Callable
from io import BytesIO

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from werkwijzer.accounts.testing import force_login_verified, make_user
from werkwijzer.core.seeding import seed_all
from werkwijzer.directory.factories import ProviderFactory

SITE = "https://werkwijzer.example.nl"
# The last page holds at least this much text besides the footer ("Werkwijzer · 2 / 2").
LAST_PAGE_CHARACTERS = 200
# The footer, and the list bullets text extraction puts at the end of a tagged page.
FOOTER = re.compile(r"^((Werkwijzer · )?\d+ ?/ ?\d+|•)\s*$", re.MULTILINE)


def _plan(client: Client) -> bytes:
    from werkwijzer.navigator.tests.test_views import form_data

    return client.post(reverse("navigator:output", args=["pdf"]), form_data()).content


def _questions(client: Client) -> bytes:
    data = {"conversation": "baco", "q": ["bc-kosten", "bc-lange-termijn"]}
    return client.post(reverse("conversation:questions_pdf"), data).content


def _keuzehulp(client: Client) -> bytes:
    data = {"value_structuur": "5", "leaning": "aangepast", "output": "pdf"}
    return client.post(reverse("conversation:keuzehulp"), data).content


def _specialist(client: Client) -> bytes:
    return client.get(reverse("conversation:specialist_pdf")).content


def _hr_policy(client: Client) -> bytes:
    return client.get(reverse("employers:template_pdf", args=["hr-beleid"])).content


def _personal_plan(client: Client) -> bytes:
    return client.get(reverse("employers:template_pdf", args=["persoonlijk-plan"])).content


def _folder(client: Client) -> bytes:
    baco = ProviderFactory(kinds=["baco"], name="Anna Verzinsma", website="https://baco.example")
    return client.get(f"/verwijsgids/{baco.pk}/folder.pdf").content


def _in_care():
    from werkwijzer.care import services

    provider = ProviderFactory(kinds=["baco"], name="Demo BACO Praktijk")
    person = make_user("person", first_name="Sanne", last_name="Visser")
    baco = make_user("professional", profession="baco", provider=provider)
    referral = services.create_referral(actor=person, provider=provider, question="Werk?")
    services.transition(baco, referral.pk, "accept")
    services.transition(baco, referral.pk, "plan-intake", intake_date=timezone.now())
    services.transition(baco, referral.pk, "start-consultations")
    return services, person, baco, referral


def _advice_letter(client: Client) -> bytes:
    services, person, baco, referral = _in_care()
    advice = services.add_person_advice(baco, referral.pk, "Begin met 2 uur per dag. " * 20)
    force_login_verified(client, person)
    return client.get(reverse("care:advice_pdf", args=[advice.pk])).content


def _employer_report(client: Client) -> bytes:
    services, person, baco, referral = _in_care()
    employer = make_user("employer", organisation="Bakkerij De Korrel")
    report = services.add_employer_report(
        baco,
        referral.pk,
        employer_email=employer.email,
        abilities="Kan licht werk doen.",
        limitations="Niet tillen.",
        recommendations="Halve dagen, de eerste vier weken.",
        valid_from=timezone.localdate(),
    )
    services.get_employer_report(person, report.pk)  # the person reads it, then releases it
    services.release_report(person, report.pk)
    force_login_verified(client, employer)
    return client.get(reverse("care:report_pdf", args=[report.pk])).content


DOCUMENTS: dict[str, Callable[[Client], bytes]] = {
    "plan": _plan,
    "conversation-questions": _questions,
    "conversation-keuzehulp": _keuzehulp,
    "conversation-specialist": _specialist,
    "employers-hr-beleid": _hr_policy,
    "employers-persoonlijk-plan": _personal_plan,
    "directory-baco-folder": _folder,
    "care-advice-letter": _advice_letter,
    "care-employer-report": _employer_report,
}


@pytest.fixture
def render(db, settings) -> Callable[[str], PdfReader]:
    settings.WERKWIJZER_SITE_URL = SITE

    def make(name: str) -> PdfReader:
        if name == "plan":
            seed_all(only={"helpers"})
        content = DOCUMENTS[name](Client())
        assert content.startswith(b"%PDF"), content[:300]
        return PdfReader(BytesIO(content))

    return make


def links(reader: PdfReader) -> list[str]:
    found = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                found.append(str(action["/URI"]))
    return found


def font_families(reader: PdfReader) -> set[str]:
    """'ABCDEF+DejaVu-Sans-Bold' -> 'DejaVu-Sans'."""
    families = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font") or {}
        for font in fonts.values():
            name = str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1]
            families.add(re.sub(r"-(Bold|Oblique|Italic|BoldOblique|BoldItalic)$", "", name))
    return families


def assert_tagged_with_language_and_title(reader: PdfReader) -> None:
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True  # a tagged PDF, for screen readers
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]) == "nl"
    assert reader.metadata.title
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True


def assert_links_absolute(reader: PdfReader) -> None:
    for uri in links(reader):
        assert re.match(r"(https?|mailto|tel):", uri), uri
        assert "werkwijzer.local" not in uri and "testserver" not in uri, uri


def assert_last_page_has_text(reader: PdfReader) -> None:
    body = FOOTER.sub("", reader.pages[-1].extract_text().strip()).strip()
    assert len(body) >= LAST_PAGE_CHARACTERS, (len(reader.pages), body)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_pdf(render, name):
    reader = render(name)
    assert_tagged_with_language_and_title(reader)
    assert font_families(reader) == {"DejaVu-Sans"}
    assert_links_absolute(reader)
    assert_last_page_has_text(reader)


def test_the_plan_links_to_the_public_address(render):
    assert any(uri.startswith(SITE + "/") for uri in links(render("plan")))


def test_an_english_pdf_says_it_is_english(db):
    response = Client().get(reverse("conversation:specialist_pdf"), HTTP_ACCEPT_LANGUAGE="en")
    reader = PdfReader(BytesIO(response.content))
    assert str(reader.trailer["/Root"]["/Lang"]) == "en"
    assert reader.metadata.title.startswith("The conversation about work")
