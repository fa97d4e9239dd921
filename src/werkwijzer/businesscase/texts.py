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
    "cancer_job_loss_hr": _("Job loss after cancer compared with people without cancer"),
    "flex_contract_end_weekly": _("Flexible contract ends during sick leave (to the Ziektewet)"),
    "early_iva_weekly": _("Early IVA for a poor prognosis"),
    "extension_weeks": _("Agreed extension of sick pay before the WIA assessment"),
    "wia_iva_share": _("WIA assessment: fully and lastingly disabled (IVA)"),
    "wia_wga_share": _("WIA assessment: WGA"),
    "wga_wage_related_weeks": _("WGA: average length of the wage-related benefit"),
    "wga_follow_up_rate": _("WGA after the wage-related phase: benefit as share of lost wage"),
    "no_wia_to_work_share": _("Less than 35 percent disabled: share that works"),
    "wia_partial_work_fraction": _("Hours worked with a WGA benefit"),
    "wia_recovery_weekly": _("WGA back to (more) work"),
    "comparison_sick_weekly": _("Without cancer: chance per week of long sick leave"),
    "comparison_mortality_weekly": _("Without cancer: chance per week of dying"),
    "annual_wage": _("Average gross annual wage"),
    "wage_sigma": _("Spread of wages (lognormal sigma)"),
    "employer_charges": _("Employer charges on top of the gross wage"),
    "wage_continuation_year1": _("Wage continuation in year 1"),
    "wage_continuation_year2": _("Wage continuation in year 2"),
    "replacement_cost_share": _("Replacement and lost production for the employer"),
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
    "comparison": _("People without cancer (comparison)"),
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

# The elements of a scenario, named as the scenarios that hold only that element.
OFFER_LABELS: dict[str, Promise] = {
    key: SCENARIO_LABELS[key] for key in ("ist", "s1", "s2", "s3", "s4")
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
        "their contract. Effect as for hospital-based work support, which a trial did not "
        "show to work."
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
    _("Ziektewet (contract ended)"),
    _("Sick again (new period)"),
    _("Long-term unfit (self-employed)"),
    _("WGA, wage-related benefit"),
    _("WGA, follow-up benefit"),
    _("IVA (fully and lastingly disabled)"),
    _("Unemployed"),
    _("Not working, other reason"),
    _("Died"),
]

GRADE_LABELS: dict[str, Promise] = {
    "trial": _("trial"),
    "observational": _("observational study"),
    "expert_opinion": _("expert opinion"),
    "assumption": _("assumption"),
}

MEASURE_LABELS: dict[str, Promise] = {
    "unemployed": _("Unemployed"),
    "not_working": _("Not working"),
    "disability_benefit": _("WIA benefit (WGA or IVA)"),
}

ROUTE_LABELS: dict[str, Promise] = {
    "basic_insurance": _("Basic health insurance (Zvw), as a care product"),
    "employer_arbodienst": _("Employer, through the arbodienst or bedrijfsarts"),
    "aov_insurer": _("AOV insurer (self-employed)"),
    "subsidy": _("Subsidy"),
    "uwv": _("UWV"),
    "own_payment": _("The person pays"),
}

CRITERION_LABELS: dict[str, Promise] = {
    "effectiveness": _("Effectiveness: is it shown to work?"),
    "necessity": _(
        "Necessity: is the condition serious enough, and the care too costly to pay yourself?"
    ),
    "cost_effectiveness": _("Cost-effectiveness: costs against health gain"),
    "feasibility": _("Feasibility: can it be put into the package in practice?"),
    "payer_gains": _("The payer gains at least what it pays"),
    "temporary": _("A subsidy is temporary: a lasting route is still needed"),
}

STATUS_LABELS: dict[str, Promise] = {
    "meets": _("met"),
    "partly": _("partly met"),
    "not_shown": _("not shown"),
    "unknown": _("cannot be judged by this model"),
}

THRESHOLD_LABELS: dict[str, Promise] = {
    "always": _("gains at every effect from 0.8 to 2.0"),
    "never": _("does not break even at any effect from 0.8 to 2.0"),
}

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
