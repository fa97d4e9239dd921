"""Screening in Chromium: answers to groups, each with its flow chart and text version;
errors name the field; works without JavaScript."""

import pytest

from tests.browser.conftest import _new_page, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def helpers_seeded(transactional_db):
    from werkwijzer.core.seeding import seed_all

    seed_all(only={"helpers"})


@pytest.fixture
def screening_page(browser, live_server, helpers_seeded):
    context, new_page = _new_page(browser, live_server)
    yield new_page
    context.close()


@pytest.fixture
def screening_page_without_js(browser, live_server, helpers_seeded):
    context, new_page = _new_page(browser, live_server, java_script_enabled=False)
    yield new_page
    context.close()


def test_screening_to_flow_chart(screening_page):
    page = screening_page
    page.goto("/screening/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    screenshot(page, "screening-form")

    page.locator("#id_age").fill("34")
    page.locator("label[for=id_employment_3]").click()  # zzp
    page.locator("#id_caregiver_0").check()
    page.locator("#id_distress").fill("7")
    page.locator("form.screening-form button[type=submit]").click()
    page.wait_for_selector("section.screening-group")

    codes = page.locator("section.screening-group").evaluate_all("els => els.map(e => e.id)")
    assert codes == ["group-zzp", "group-aya", "group-mantelzorg", "group-hoge-spanning"]
    flow = page.locator("#group-zzp")
    assert flow.locator("svg[role=img] title").count() == 1
    assert flow.locator("ol li").count() == 4
    assert "BACO" in flow.locator("ol").inner_text()
    assert_accessible(page)
    screenshot(page, "screening-result")


def test_errors_name_the_field_without_javascript(screening_page_without_js):
    page = screening_page_without_js
    page.goto("/screening/")
    page.locator("#id_age").fill("12")
    page.locator("#id_distress").fill("12")
    page.locator("form.screening-form button[type=submit]").click()
    summary = page.locator(".error-summary")
    assert summary.locator("li").count() == 2
    text = summary.inner_text()
    assert "Leeftijd" in text and "Lastmeter" in text
    assert page.locator("#id_age").get_attribute("aria-invalid") == "true"
    # axe-core needs JavaScript, so this page is checked by the test above only.
    screenshot(page, "screening-errors")
