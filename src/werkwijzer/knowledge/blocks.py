"""The building blocks of an article body (Wagtail StreamField)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from werkwijzer.knowledge.personas import AUDIENCES

RICH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class TipBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_FEATURES)

    class Meta:
        icon = "help"
        label = _("Tip")
        template = "knowledge/blocks/tip.html"


class PersonaBoxBlock(blocks.StructBlock):
    """A box for one audience ("voor zzp'ers"): open for that reader, folded for others."""

    audience = blocks.ChoiceBlock(
        label=_("audience"),
        choices=[(name, title) for name, (title, _r, _e) in AUDIENCES.items()],
        default="zzp",
    )
    title = blocks.CharBlock(label=_("title"), required=False)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_FEATURES)

    class Meta:
        icon = "user"
        label = _("Box for one group (for example: for zzp'ers)")
        template = "knowledge/blocks/persona_box.html"


class ListWithTitleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False)
    items = blocks.ListBlock(blocks.CharBlock(label=_("item")), label=_("items"))


class ChecklistBlock(ListWithTitleBlock):
    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "knowledge/blocks/checklist.html"


class QuestionListBlock(ListWithTitleBlock):
    class Meta:
        icon = "help"
        label = _("Question list")
        template = "knowledge/blocks/questions.html"


class SourceBlock(blocks.StructBlock):
    key = blocks.CharBlock(label=_("key in sources.yaml"), required=False)
    title = blocks.CharBlock(label=_("title"))
    publisher = blocks.CharBlock(label=_("publisher"), required=False)
    # A page to open, or (a document without an address) the place in it.
    url = blocks.URLBlock(label=_("URL"), required=False)
    locator = blocks.CharBlock(
        label=_("place in the document"),
        required=False,
        help_text=_("For a document without an address: the slide or chapter that says it."),
    )
    date = blocks.CharBlock(label=_("date"), required=False, help_text=_("For example 2024-03."))

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("url") and not cleaned.get("locator"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Give the address or the place in the document."))
                }
            )
        return cleaned

    class Meta:
        icon = "link"
        label = _("Source")


class SourceListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False)
    sources = blocks.ListBlock(SourceBlock(), label=_("sources"))

    class Meta:
        icon = "list-ul"
        label = _("Source list")
        template = "knowledge/blocks/sources.html"


class ArticleBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_FEATURES)
    tip = TipBlock()
    persona_box = PersonaBoxBlock()
    checklist = ChecklistBlock()
    questions = QuestionListBlock()
    sources = SourceListBlock()
