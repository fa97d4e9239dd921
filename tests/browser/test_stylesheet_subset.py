"""The cut-down NL Design System stylesheets change nothing on the page (issue 16).

Each page is opened twice: as served (the subsets of core.css_subset) and with the two
full npm stylesheets put back in their place. Every element must compute the same
style (custom properties aside: dropping unused design tokens is the point), at a phone
and a desktop width, and with a form showing its errors.
"""

from __future__ import annotations

import pytest

from werkwijzer.core.staticfiles import COMPONENTS, TOKENS, vendor_files

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ["/", "/wegwijzer/", "/tijdlijn/", "/inloggen/", "/verwijsgids/aanmelden/"]
COMPUTED = """() => [...document.querySelectorAll('body, body *')].map((element, index) => {
    const style = getComputedStyle(element);
    const values = [];
    for (const name of style) {
        if (!name.startsWith('--')) values.push(name + ':' + style.getPropertyValue(name));
    }
    return index + ' ' + element.tagName + '.' + element.className + ' ' + values.join(';');
})"""


def _serve(path):
    def handler(route, request):
        route.fulfill(path=path, content_type="text/css")

    return handler


def _styles(browser, live_server, width: int, full: bool) -> dict[str, list[str]]:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}
    )
    if full:  # the complete files from node_modules instead of the subsets
        for public, source in vendor_files().items():
            if public in (COMPONENTS, TOKENS):
                context.route(f"**/static/{public}", _serve(source))
    page = context.new_page()
    styles = {}
    for url in PAGES:
        page.goto(url)
        styles[url] = page.evaluate(COMPUTED)
    page.goto("/wegwijzer/")
    page.click("main form button[type=submit]")  # nothing answered: the error summary
    page.locator(".error-summary, .utrecht-alert").first.wait_for()
    styles["wegwijzer with errors"] = page.evaluate(COMPUTED)
    context.close()
    return styles


@pytest.mark.parametrize("width", [390, 1280])
def test_pages_look_the_same_with_the_subsets(browser, live_server, seeded_live, width):
    served = _styles(browser, live_server, width, full=False)
    complete = _styles(browser, live_server, width, full=True)
    for page, elements in complete.items():
        assert len(served[page]) == len(elements), page
        different = [
            _difference(mine, theirs)
            for mine, theirs in zip(served[page], elements, strict=True)
            if mine != theirs
        ]
        assert not different, f"{page}: {different[:3]}"


def _difference(served: str, complete: str) -> str:
    """The element and only the properties that differ, for a readable failure."""
    element, mine = served.split(" ", 2)[:2], set(served.split(" ", 2)[2].split(";"))
    theirs = set(complete.split(" ", 2)[2].split(";"))
    return f"{' '.join(element)}: subset {sorted(mine - theirs)} / full {sorted(theirs - mine)}"
