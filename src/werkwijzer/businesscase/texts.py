"""Translatable texts for the business case: labels of parameters, scenarios, states and
parties, and the messages for bad input. English message ids; the English labels equal
the labels in data/*.yaml (a test checks this), which the command line shows."""

from __future__ import annotations

from django.utils import translation
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkwijzer.businesscase.model.parameters import ParameterIssue, ParameterSet
from werkwijzer.businesscase.model.scenarios import ScenarioBook

PARAMETER_LABELS: dict[str, Promise] = {
    "cohort_size": _("Working people diagnosed with cancer per year"),
    "initial_sick_share": _("Share on sick leave right after diagnosis"),
    "initial_partial_share": _("Share working partly right after diagnosis"),
    "rtw_scale_weeks": _("Return to work: Weibull scale"),
    "rtw_shape": _("Return to work: Weibull shape"),
    "partial_to_full_weekly": _("Partly working to fully working"),
    "partial_work_fraction": _("Hours worked during a partial return"),
    "relapse_partial_weekly": _("Back to sick leave from partial work"),
    "relapse_full_weekly": _("Back to sick leave from full work"),
    "job_loss_weekly": _("Losing work while working"),
    "reemployment_weekly": _("Finding work again when unemployed"),
    "stop_working_weekly": _("Stopping work for other reasons"),
    "early_iva_weekly": _("Early IVA before week 104"),
    "wia_full_share": _("Still sick at week 104: fully disabled (IVA/WGA 80-100)"),
    "wia_partial_share": _("Still sick at week 104: partly disabled (WGA 35-80)"),
    "no_wia_to_work_share": _("Less than 35 percent disabled: share that works"),
    "wia_partial_work_fraction": _("Hours worked with a partial WIA benefit"),
    "wia_recovery_weekly": _("Partial WIA back to (more) work"),
    "annual_wage": _("Average gross annual wage"),
    "wage_sigma": _("Spread of wages (lognormal sigma)"),
    "employer_charges": _("Employer charges on top of the gross wage"),
    "wage_continuation_year1": _("Wage continuation in year 1"),
    "wage_continuation_year2": _("Wage continuation in year 2"),
    "replacement_cost_share": _("Replacement and lost production for the employer"),
    "flex_zw_share": _("Flex workers: share of sick leave paid by the Ziektewet"),
    "ziektewet_rate": _("Ziektewet benefit (share of daily wage)"),
    "wga_rate": _("WGA benefit (share of lost wage)"),
    "iva_rate": _("IVA benefit (share of daily wage)"),
    "max_annual_wage": _("Maximum wage for benefits (maximumdagloon × 261)"),
    "unemployment_benefit_rate": _("Average benefit when unemployed"),
    "tax_wedge": _("Taxes and premiums lost on lost income"),
    "zzp_aov_share": _("Self-employed with disability insurance (AOV)"),
    "aov_rate": _("AOV payment (share of lost income)"),
    "discount_rate": _("Discount rate"),
    # Tornado items that are properties of the care offers, not parameters.
    "offer_rtw_hr": _("Effect of the care offer on return to work (hazard ratio)"),
    "offer_cost_per_consultation": _("Cost per consultation"),
}

GROUP_LABELS: dict[str, Promise] = {
    "cohort": _("The cohort"),
    "return": _("Return to work"),
    "wia": _("Sick leave after two years (WIA)"),
    "money": _("Wages, benefits and taxes"),
}

UNIT_LABELS: dict[str, Promise] = {
    "persons": _("persons"),
    "share": _("share (0 to 1)"),
    "per week": _("chance per week (0 to 1)"),
    "weeks": _("weeks"),
    "ratio": _("ratio"),
    "EUR per year": _("euro per year"),
    "per year": _("per year"),
}

SCENARIO_LABELS: dict[str, Promise] = {
    "ist": _("Current situation (ist)"),
    "s1": _("Scenario 1: adjustments within the current system"),
    "s2": _("Scenario 2: KAG in hospital care"),
    "s3": _("Scenario 3: sectoral or regional occupational care"),
    "s4": _("Scenario 4: ending separate financing"),
    "s1_s2": _("Scenarios 1 and 2"),
    "s2_s4": _("Scenarios 2 and 4"),
    "s2_s3_s4": _("Scenarios 2, 3 and 4"),
    "all": _("All four elements (soll)"),
}

OFFER_NOTES: dict[str, Promise] = {
    "ist": _(
        "Few people see a BACO or KAG now, often late and paid by the employer or themselves."
    ),
    "s1": _(
        "The guideline module on work is used: the specialist asks about work and refers to "
        "the bedrijfsarts or BACO earlier."
    ),
    "s2": _(
        "A KAG works in the hospital team; everyone treated there can be reached, whatever "
        "their contract. Effect as for multidisciplinary return-to-work programmes."
    ),
    "s3": _(
        "A regional service (as in Finland) reaches flex workers and the self-employed, who "
        "often have no bedrijfsarts."
    ),
    "s4": _(
        "One shared budget removes the money barrier between care and work: more and earlier "
        "referrals, better handover."
    ),
}

STATE_LABELS: list[Promise] = [
    _("Working fully"),
    _("Working partly"),
    _("On sick leave"),
    _("WIA, partly disabled"),
    _("WIA, fully disabled (IVA)"),
    _("Unemployed"),
    _("Not working, other reason"),
    _("Died"),
]

PARTY_LABELS: dict[str, Promise] = {
    "care": _("Care and insurers"),
    "employer": _("Employer"),
    "public": _("UWV and public purse"),
    "person": _("The person (income)"),
    "society": _("Society (production and care)"),
}

ISSUE_MESSAGES: dict[str, Promise] = {
    "missing": _("%(label)s (%(name)s): a value is required."),
    "not_a_number": _("%(label)s (%(name)s): enter a number, for example 0.25."),
    "negative": _("%(label)s (%(name)s): the value may not be negative."),
    "above_one": _("%(label)s (%(name)s): a share or weekly chance may not be more than 1."),
    "not_positive": _("%(label)s (%(name)s): the value must be more than 0."),
    "too_large": _("%(label)s (%(name)s): the value may not be more than %(limit)s."),
    "too_small": _("%(label)s (%(name)s): the value must be at least %(limit)s."),
    "sum_above_one": _(
        "%(label)s (%(name)s): together with the related share this adds up to more than 1."
    ),
    "unknown": _("%(name)s: unknown name. Check the spelling."),
    "budget": _(
        "%(label)s: too much work for one request. Choose fewer scenarios or a smaller number."
    ),
}

REQUEST_LABELS: dict[str, Promise] = {
    "draws": _("Uncertainty draws"),
    "persons": _("Persons in the microsimulation"),
    "seed": _("Seed"),
}


def parameter_label(name: str) -> str:
    if name in PARAMETER_LABELS:
        return str(PARAMETER_LABELS[name])
    return str(REQUEST_LABELS.get(name, name))


def issue_message(issue: ParameterIssue) -> str:
    limit = ""
    if issue.limit is not None:
        whole = float(issue.limit).is_integer()
        limit = number_format(issue.limit, 0 if whole else None, force_grouping=True)
    return str(ISSUE_MESSAGES[issue.code]) % {
        "label": parameter_label(issue.name),
        "name": issue.name,
        "limit": limit,
    }


def check_labels(parameters: ParameterSet, book: ScenarioBook) -> list[str]:
    """Keys whose English text here differs from the data files (for a test)."""
    pairs = [(name, PARAMETER_LABELS, spec.label) for name, spec in parameters.specs.items()]
    pairs += [(key, SCENARIO_LABELS, item.label) for key, item in book.scenarios.items()]
    pairs += [(key, OFFER_NOTES, offer.note) for key, offer in book.offers.items()]
    with translation.override("en"):
        return [key for key, texts, english in pairs if str(texts.get(key, "")) != english]
