"""The business-case page in Chromium: run a scenario, change an assumption, see the
charts change; bad values get messages; everything works without JavaScript."""

from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import _new_page, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


# The page needs no demo content, so these fixtures skip `werkwijzer seed` (faster, and
# independent of other apps' content).
@pytest.fixture
def bc_page(browser, live_server, transactional_db):
    context, new_page = _new_page(browser, live_server)
    yield new_page
    context.close()


@pytest.fixture
def bc_page_without_js(browser, live_server, transactional_db):
    context, new_page = _new_page(browser, live_server, java_script_enabled=False)
    yield new_page
    context.close()


def _chart(page, figure: str) -> str:
    return page.locator(f"#figure-{figure} svg").first.inner_html()


def test_run_a_scenario_change_an_assumption_and_see_the_chart_change(bc_page):
    page = bc_page
    page.goto("/businesscase/")
    assert page.locator("h1").count() == 1
    assert page.locator("figure.bc-figure svg[role=img]").count() >= 5
    assert_accessible(page)
    screenshot(page, "businesscase-default")

    # Run the combination of all four elements next to scenario 2. That is a heavy run
    # (600 draw runs): the tests' immediate task backend computes it inside the request,
    # which takes a few seconds on a quiet machine and more than the default 15 s when
    # the suite loads both cores, so this one navigation may take a minute.
    page.locator("input[name=scenarios][value=all]").check()
    with page.expect_navigation(url="**/businesscase/?*", timeout=60_000):
        page.locator("form.bc-form button[type=submit]").click(no_wait_after=True)
    query = parse_qs(urlparse(page.url).query)
    assert set(query["scenarios"]) == {"s2", "all"}
    parties_before = _chart(page, "parties")
    assert page.locator("#figure-parties table tbody tr").count() == 5
    assert page.locator("#figure-parties thead th").count() == 3

    # Change an assumption: a higher wage makes every lost week cost more.
    page.locator("details.bc-assumptions > summary").click()
    page.locator("#id_annual_wage").fill("60000")
    with page.expect_navigation(url="**annual_wage=60000**", timeout=60_000):
        page.locator("form.bc-form button[type=submit]").click(no_wait_after=True)
    assert _chart(page, "parties") != parties_before
    assert page.locator(".bc-parameter--changed #id_annual_wage").count() == 1
    assert_accessible(page)
    screenshot(page, "businesscase-changed")

    # The link on the page reproduces the run.
    share = page.locator("#share-link").input_value()
    assert "annual_wage=60000" in share
    page.goto(share)
    assert _chart(page, "parties") == _chart(page, "parties")
    csv = page.request.get(page.locator("a[download]").get_attribute("href"))
    assert csv.ok
    assert csv.headers["content-type"].startswith("text/csv")
    assert "net_benefit,all,society" in csv.text()

    # English is the second language; the run stays the same.
    page.get_by_role("button", name="English").click()
    assert page.get_attribute("html", "lang") == "en"
    assert "Societal business case" in page.locator("h1").inner_text()
    assert page.locator("#figure-parties svg").count() == 1
    assert_accessible(page)
    screenshot(page, "businesscase-en")


def test_bad_values_are_named_in_the_error_summary(bc_page):
    page = bc_page
    page.goto("/businesscase/?wga_rate=1.5&annual_wage=-100&tax_wedge=")
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    text = summary.inner_text()
    assert "wga_rate" in text and "annual_wage" in text and "tax_wedge" in text
    assert page.locator("#id_wga_rate[aria-invalid=true]").count() == 1
    assert page.locator("details.bc-assumptions[open]").count() == 1
    assert_accessible(page)
    screenshot(page, "businesscase-errors")


def test_the_page_works_without_javascript(bc_page_without_js):
    page = bc_page_without_js
    page.goto("/businesscase/")
    page.locator("input[name=scenarios][value=s1]").check()
    page.locator("select[name=draws]").select_option("0")
    page.locator("form.bc-form button[type=submit]").click()
    page.wait_for_url("**scenarios=s1**")
    assert page.locator("#figure-parties svg").count() == 1
    assert page.locator("#figure-tornado svg").count() == 1
    screenshot(page, "businesscase-no-js")


def test_evidence_comparison_break_even_and_financing_are_shown_and_accessible(bc_page):
    from playwright.sync_api import expect

    page = bc_page
    page.goto("/businesscase/?scenarios=s2&draws=0")
    expect(page.get_by_role("heading", name="Vergeleken met mensen zonder kanker")).to_be_visible()
    for heading in (
        "Vanaf welk effect wint elke partij?",
        "Financieringsroutes en budgetimpact",
        "Het bewijs voor elk effect",
    ):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    financing = page.locator("#financing-heading ~ .table-scroll table").first
    expect(financing.locator("caption")).to_contain_text("Wie het zorgaanbod")
    expect(financing).to_contain_text("Basisverzekering (Zvw), als zorgproduct")
    expect(financing).to_contain_text("Effectiviteit")
    # Every effect carries its evidence grade; assumptions say so.
    effects = page.locator("#effects-heading ~ .table-scroll table").first
    expect(effects).to_contain_text("trial")
    expect(effects).to_contain_text("aanname")
    assert_accessible(page)
    screenshot(page, "businesscase-evidence-1280")
    page.set_viewport_size({"width": 390, "height": 900})
    # Wide tables scroll inside their own region instead of widening the page.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert_accessible(page)
    screenshot(page, "businesscase-evidence-390")
