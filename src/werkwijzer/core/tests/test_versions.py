"""The content version: a save moves it, and a process rebuilds its caches when another
process moved it (played here by an UPDATE that bypasses this process's signals)."""

from __future__ import annotations

import pytest
from django.db.models import F

from werkwijzer.core.models import ContentVersion
from werkwijzer.core.versions import content_changed, content_version
from werkwijzer.helpers.models import HelperText
from werkwijzer.navigator.services import catalogue

pytestmark = pytest.mark.django_db


def _moved_by_another_process() -> None:
    ContentVersion.objects.filter(key="content").update(number=F("number") + 1)


def test_a_change_moves_the_version_at_once_in_this_process():
    before = content_version()
    content_changed()
    assert content_version() == before + 1


def test_the_counter_is_created_when_a_flush_removed_it():
    ContentVersion.objects.all().delete()
    content_changed()
    assert ContentVersion.objects.get(key="content").number == 1
    assert content_version() == 1


def test_saving_a_helper_text_moves_the_version(helper_catalogue):
    before = content_version()
    text = HelperText.objects.filter(language="nl").first()
    text.title = "Nieuwe naam"
    text.save()
    assert content_version() > before


def test_the_catalogue_follows_a_change_made_by_another_process(helper_catalogue):
    text = HelperText.objects.filter(language="nl").select_related("helper").first()
    assert catalogue("nl")[text.helper.slug].title == text.title
    # Another server saves: the row changes and the counter moves, but no signal runs here.
    HelperText.objects.filter(pk=text.pk).update(title="Door een andere server gewijzigd")
    assert catalogue("nl")[text.helper.slug].title == text.title  # still the cached one
    _moved_by_another_process()
    assert catalogue("nl")[text.helper.slug].title == "Door een andere server gewijzigd"


def test_between_checks_the_process_keeps_what_it_read(settings, helper_catalogue):
    settings.WERKWIJZER_CONTENT_CHECK_SECONDS = 3600
    content_changed()  # forces the next read
    seen = content_version()
    _moved_by_another_process()
    assert content_version() == seen  # not asked again within the interval
    content_changed()
    assert content_version() == seen + 2


def test_each_key_moves_on_its_own():
    from werkwijzer.core.versions import DIRECTORY, version_changed

    content, directory = content_version(), content_version(DIRECTORY)
    version_changed(DIRECTORY)
    assert content_version(DIRECTORY) == directory + 1
    assert content_version() == content
