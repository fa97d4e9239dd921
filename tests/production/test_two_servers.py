"""Two app servers on one database and one Redis agree about content.

An editor saves a helper text, publishes an article and renames a provider (through the
ORM in a process of its own, as the admin of any server would save them); the other
server, whose workers have the old catalogue and search lexicon in memory, shows the
change within 5 seconds: in the plan, on the helper page, in search and on the provider
page.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable

import pytest

from tests.production.conftest import ProxiedClient
from tests.production.test_production_smoke import PLAN_FORM
from tests.servers import gunicorn, werkwijzer

PROPAGATION_SECONDS = 5

EDIT = """
from werkwijzer.directory.models import Provider
from werkwijzer.helpers.models import HelperText
from werkwijzer.knowledge.models import ArticlePage

text = HelperText.objects.get(helper__slug="{helper}", language="nl")
text.title = "{helper_title}"
text.save()
article = ArticlePage.objects.live().get(pk={article})
article.title = "{article_title}"
article.save_revision().publish()
provider = Provider.objects.get(pk={provider})
provider.name = "{provider_name}"
provider.save()
"""


def _eventually(check: Callable[[], bool], what: str) -> float:
    """Seconds until check() held; fails after PROPAGATION_SECONDS."""
    start = time.monotonic()
    while time.monotonic() - start < PROPAGATION_SECONDS:
        if check():
            return time.monotonic() - start
        time.sleep(0.2)
    pytest.fail(f"{what} did not show the change within {PROPAGATION_SECONDS} s")


NOT_ARTICLES = {"ik-ben", "woordenlijst"}


def _warm(client: ProxiedClient, article_word: str) -> tuple[str, int, int]:
    """Fill both workers' caches; return a helper in the plan, an article and a provider."""
    for _ in range(6):  # requests reach either of the server's two workers
        plan = client.post_form("/wegwijzer/plan/", PLAN_FORM, form_page="/wegwijzer/")
        client.request(f"/zoeken/?q={article_word}")
    helper = re.search(r'href="/wie-kan-helpen/([a-z0-9-]+)/"', plan.text).group(1)
    listing = client.request("/verwijsgids/?q=3511").text
    provider = int(re.search(r'href="/verwijsgids/(\d+)/"', listing).group(1))
    kennisbank = client.request("/kennisbank/").text
    links = re.findall(r'href="(/kennisbank/[a-z0-9-]+/[a-z0-9-]*/?)"', kennisbank)
    # The kennisbank also links to its own pages that are not articles.
    articles = [link for link in links if link.split("/")[2] not in NOT_ARTICLES]
    return helper, provider, articles[0]


def _article_pk(environ: dict[str, str], path: str) -> int:
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    code = (
        "from werkwijzer.knowledge.models import ArticlePage; "
        f"print(ArticlePage.objects.live().filter(slug='{slug}', locale__language_code='nl')"
        ".first().pk)"
    )
    return int(werkwijzer("shell", "--no-imports", "-c", code, env=environ).strip())


def test_a_change_through_one_server_shows_on_the_other(production_site):
    base, environ, folder = production_site
    if "CACHE_URL" not in environ:
        pytest.skip("no Redis on 127.0.0.1:6379 for the two-server test")
    with gunicorn(environ, folder / "second-server.log") as other_base:
        first, other = ProxiedClient(base), ProxiedClient(other_base)
        helper, provider, article_path = _warm(other, "werkgever")
        _warm(first, "werkgever")
        marker = uuid.uuid4().hex[:8]
        article_word = f"zonnebloemveld{marker}"
        edit = EDIT.format(
            helper=helper,
            helper_title=f"Hulp met nieuwe naam {marker}",
            article=_article_pk(environ, article_path),
            article_title=f"Werken en {article_word}",
            provider=provider,
            provider_name=f"Praktijk {marker}",
        )
        werkwijzer("shell", "--no-imports", "-c", edit, env=environ)

        def plan_shows_it() -> bool:
            plan = other.post_form("/wegwijzer/plan/", PLAN_FORM, form_page="/wegwijzer/")
            return f"Hulp met nieuwe naam {marker}" in plan.text

        waits = {
            "the plan": _eventually(plan_shows_it, "the plan"),
            "the helper page": _eventually(
                lambda: marker in other.request(f"/wie-kan-helpen/{helper}/").text,
                "the helper page",
            ),
            "search": _eventually(
                lambda: (
                    f"Werken en {article_word}" in other.request(f"/zoeken/?q={article_word}").text
                ),
                "search",
            ),
            "the provider page": _eventually(
                lambda: f"Praktijk {marker}" in other.request(f"/verwijsgids/{provider}/").text,
                "the provider page",
            ),
        }
        # Every worker of the other server, not just one, has moved on.
        for _ in range(6):
            assert plan_shows_it()
        assert max(waits.values()) < PROPAGATION_SECONDS
