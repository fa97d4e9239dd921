"""`werkwijzer businesscase run|parameters|validate`: the business case on the command line.

    werkwijzer businesscase run --scenario s2 --scenario all --persons 100000 \\
        --draws 1000 --seed 7 --set annual_wage=48000 --json

Bad input exits with code 2 and a Dutch and English message naming the parameter.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from werkwijzer.businesscase.model.analysis import RunRequest, run_analysis
from werkwijzer.businesscase.model.calibration import format_model, format_source, validation_table
from werkwijzer.businesscase.model.economics import PARTIES
from werkwijzer.businesscase.model.parameters import ParameterError, load_parameters
from werkwijzer.businesscase.model.scenarios import load_scenarios
from werkwijzer.businesscase.model.transitions import LEGAL_WEEKS
from werkwijzer.businesscase.texts import issue_message
from werkwijzer.core.sources import Source
from werkwijzer.core.sources import sources as known_sources


def _title(found: dict[str, Source], key: str) -> str:
    return f"{key}: {found[key].title}" if key in found else key


STAGES = {
    "scenarios": "Scenario's / scenarios",
    "psa": "Onzekerheid (PSA) / uncertainty (PSA)",
    "tornado": "Tornado",
}


def _both_languages(error: ParameterError) -> str:
    lines = []
    for issue in error.issues:
        with translation.override("nl"):
            dutch = issue_message(issue)
        with translation.override("en"):
            english = issue_message(issue)
        lines.append(f"{dutch} / {english}")
    return "\n".join(lines)


def _parse_sets(values: list[str]) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    for item in values:
        name, separator, value = item.partition("=")
        if not separator:
            raise CommandError(f"--set {item}: gebruik naam=waarde / use name=value", returncode=2)
        overrides[name.strip()] = value.strip()
    return overrides


class Command(BaseCommand):
    help = "Maatschappelijke businesscase: run scenarios, list parameters, show the validation."
    # A read-only command: the system checks (the URL and API build, about 2 s) run with
    # `check`, migrate and the servers, not before every answer (issue 16).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        run = actions.add_parser("run", help="Run scenarios against the current situation (ist).")
        run.add_argument(
            "--scenario",
            action="append",
            dest="scenarios",
            help="Scenario key (repeatable): " + ", ".join(load_scenarios().scenarios),
        )
        run.add_argument(
            "--persons", type=int, default=0, help="Microsimulation persons (0 = cohort model)."
        )
        run.add_argument("--draws", type=int, default=0, help="PSA draws (0 = none).")
        run.add_argument(
            "--seed", type=int, default=1, help="Seed; the same seed gives the same result."
        )
        run.add_argument(
            "--set", action="append", default=[], metavar="NAME=VALUE", help="Change a parameter."
        )
        run.add_argument("--no-tornado", action="store_true", help="Skip the one-way analysis.")
        run.add_argument("--json", action="store_true", help="Print the full result as JSON.")
        actions.add_parser("parameters", help="List the parameters with units, ranges and sources.")
        validate = actions.add_parser(
            "validate",
            help="Compare the model with published figures: calibration and hold-out targets.",
        )
        validate.add_argument("--json", action="store_true", help="Print the table as JSON.")
        validate.add_argument(
            "--persons", type=int, default=200_000, help="Microsimulation persons for the duration."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "parameters":
            return self._parameters()
        if action == "validate":
            return self._validate(options)
        return self._run(options)

    def _parameters(self) -> None:
        table = Table("name", "value", "unit", "range", "distribution", "source")
        for spec in load_parameters().specs.values():
            table.add_row(
                spec.name,
                f"{spec.value:g}",
                spec.unit,
                f"{spec.low:g}-{spec.high:g}",
                spec.distribution,
                spec.source,
            )
        Console(file=self.stdout, width=160).print(table)

    def _validate(self, options: dict[str, Any]) -> None:
        rows = validation_table(micro_persons=max(int(options.get("persons") or 0), 1000))
        sources = known_sources()
        if options.get("json"):
            data = {
                "parameters_version": load_parameters().version,
                "targets": [
                    row.as_dict() | {"source_title": _title(sources, row.target.source)}
                    for row in rows
                ],
                "legal_weeks": {key: {"week": week, "source": source}
                                for key, (week, source) in LEGAL_WEEKS.items()},
            }  # fmt: skip
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
            return
        table = Table(
            "figure", "use", "week", "source value", "model", "difference", "met", "source"
        )
        for row in rows:
            target = row.target
            met = "" if row.met is None else ("yes" if row.met else "NO")
            table.add_row(target.key, target.use, str(target.week), format_source(target),
                          format_model(row), f"{row.difference:+.3g}", met,
                          _title(sources, target.source))  # fmt: skip
        Console(file=self.stdout, width=200).print(table)

    def _run(self, options: dict[str, Any]) -> None:
        request = RunRequest(
            scenarios=tuple(options["scenarios"] or ["s2"]),
            overrides=_parse_sets(options["set"]),
            draws=options["draws"],
            persons=options["persons"],
            seed=options["seed"],
            tornado=not options["no_tornado"],
        )
        console = Console(stderr=True)
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TimeElapsedColumn(),
        )
        tasks: dict[str, int] = {}
        with Progress(*columns, console=console, transient=options["json"]) as progress:

            def report(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    if stage.startswith("micro:"):
                        label = f"Microsimulatie / microsimulation ({stage.split(':', 1)[1]}, weken / weeks)"
                    else:
                        label = STAGES.get(stage, stage)
                    tasks[stage] = progress.add_task(label, total=total)
                progress.update(tasks[stage], completed=done)

            try:
                result = run_analysis(request, progress=report)
            except ParameterError as error:
                raise CommandError(_both_languages(error), returncode=2) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
            return
        table = Table(title="Netto baten t.o.v. ist / net benefit vs ist (EUR mln, 5 jaar/years)")
        table.add_column("scenario")
        for party in PARTIES:
            table.add_column(party, justify="right")
        for key in result.results:
            if key == "ist":
                continue
            table.add_row(key, *(f"{value / 1e6:,.1f}" for value in result.net_benefit(key)))
        out = Console(file=self.stdout, width=160)
        out.print(table)
        if result.psa is not None:
            for key in result.psa.net_benefit:
                interval = result.psa.interval(key, "society")
                out.print(
                    f"{key}: society {interval.mean / 1e6:,.1f} "
                    f"(95%: {interval.low / 1e6:,.1f} to {interval.high / 1e6:,.1f}) mln; "
                    f"P(gain) {result.psa.chance_of_gain(key):.2f}"
                )
