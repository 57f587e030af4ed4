"""Anonymized statistics from the command line: ``safecase report``.

Thin over :mod:`safecase.services.reports`, which checks the role (supervisors and administrators),
hides small cells, writes the file atomically and records the export in the audit log, exactly as the
app's Reports page does. What it prints names no one: the file, its SHA-256 and how many cells were
hidden.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from safecase.i18n import tr, trn
from safecase.services.reports import LANGUAGES, ReportFormat, Reports, month_period

from ._base import auth_options, signed_in

FORMAT_CHOICE = click.Choice([f.value for f in ReportFormat], case_sensitive=False)
LANGUAGE_CHOICE = click.Choice(list(LANGUAGES), case_sensitive=False)


def default_language() -> str:
    """``ko`` when the locale the command runs in is Korean ($LC_ALL, else $LANG), else ``en``."""
    for name in ("LC_ALL", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


@click.command(
    "report",
    help=tr(
        "Write an anonymized statistics report of whole months (supervisors and administrators): counts and "
        "medians only, counts from 1 to k-1 shown as <k and further cells hidden so none can be worked out. "
        "A quarter is three months: --from 2026-01 --to 2026-03."
    ),
)
@click.option("--from", "first", required=True, metavar="YYYY-MM", help=tr("The first month of the period."))
@click.option("--to", "last", required=True, metavar="YYYY-MM", help=tr("The last month of the period (included)."))
@click.option("--format", "fmt", type=FORMAT_CHOICE, required=True, help=tr("The file format."))
@click.option(
    "--out", "out", type=click.Path(path_type=Path, dir_okay=False), required=True, help=tr("The file to write.")
)
@click.option(
    "--k",
    "k",
    type=int,
    default=None,
    metavar="N",
    help=tr("Show counts from N up (default: the vault's setting; never lower than it)."),
)
@click.option(
    "--lang",
    "language",
    type=LANGUAGE_CHOICE,
    default=None,
    help=tr("The report's language (default: Korean when $LC_ALL or $LANG is Korean, else English)."),
)
@auth_options
@click.pass_context
def report_command(
    ctx: click.Context, first: str, last: str, fmt: str, out: Path, k: int | None, language: str | None
) -> None:
    period = month_period(first, last)  # checked before anyone is asked for a password
    chosen = ReportFormat(fmt.lower())
    renderer = None
    if chosen is ReportFormat.PDF:
        # Imported here: the PDF writer loads QtGui, which the other formats do not need.
        from safecase.pdf import render_pdf

        renderer = render_pdf
    with signed_in(ctx) as session:
        reports = Reports(session)
        report = reports.build(period, k)
        result = reports.export(report, chosen, (language or default_language()).lower(), out, renderer)
    click.echo(str(result.path))
    click.echo(f"{result.sha256}  {result.path.name}")
    click.echo(
        tr("{tables} tables, k = {k}: {primary} cells shown as <{k}, {secondary} more hidden.").format(
            tables=result.tables, k=report.k, primary=result.primary, secondary=result.secondary
        )
    )
    if report.excluded_cases:
        click.echo(
            trn(
                "{count} case left out: the survivor declined statistical use.",
                "{count} cases left out: the survivors declined statistical use.",
                report.excluded_cases,
            ).format(count=report.excluded_cases),
            err=True,
        )
