"""Published practices for readers, their PDF, and the committees' exports and
statistics.

Anyone may browse a network's catalogue: what each person finds there is decided
once, in ``selectors_browse``. A practice page shows the published version only,
where it comes from, and the evaluation summary — never one evaluator's scores.
"""

import csv
import importlib
from collections import defaultdict

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, F
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from entraide.core.shortcuts import (
    csv_response,
    filters_query_string,
    require,
    spreadsheet_cell,
)
from entraide.networks.selectors import network_for
from entraide.practices import permissions as perms
from entraide.practices.forms.browse import PracticeFilterForm, Sort
from entraide.practices.models import (
    AgeGroup,
    PracticeSheet,
    SheetState,
    SheetTransition,
)
from entraide.practices.pdf import pdf_response, render_pdf
from entraide.practices.permissions import viewer_for
from entraide.practices.search import rank_by_title, search_filter
from entraide.practices.selectors_browse import (
    inventory,
    network_by_slug,
    practice_for,
    published_practices,
    reader_for,
    retained_sheets,
)

PER_PAGE = 20
# The steps a reader sees in a practice's provenance, in order.
PROVENANCE_STATES = (
    SheetState.SUBMITTED,
    SheetState.RETAINED,
    SheetState.EVALUATED,
    SheetState.PUBLISHED,
)
DESCRIPTION_MAX = 200


def detail_context(request, sheet, viewer) -> dict:
    """What the sheet page needs from this part."""
    return {}


def evaluation_summary(sheet):
    """The evaluation part's summary (averages only), when that part is there."""
    try:
        module = importlib.import_module("entraide.practices.services.evaluation")
    except ImportError:
        return None
    summarise = getattr(module, "evaluation_summary", None)
    return summarise(sheet) if summarise else None


# --- The list ----------------------------------------------------------------------


def _filtered(sheets, filters: dict):
    lookups = {
        "theme": "themes",
        "zone": "zone",
        "subregion": "subregion",
        "age": "age_group",
        "setting": "setting",
        "evidence": "evidence_level",
    }
    for name, lookup in lookups.items():
        value = filters.get(name)
        if value:
            sheets = sheets.filter(**{lookup: value})
    query = filters.get("q") or ""
    if query:
        sheets = sheets.filter(search_filter(query))
    return sheets, query


def _sorted(sheets, sort: str, query: str):
    if sort == Sort.TITLE:
        return sheets.order_by("published_version__title", "pk")
    if sort == Sort.MOST_EVALUATED:
        return sheets.order_by(
            "-evaluation_count", F("published_at").desc(nulls_last=True), "-pk"
        )
    if query and sort != Sort.NEWEST:
        return rank_by_title(sheets, query, "published_version__title").order_by(
            "-search_rank", F("published_at").desc(nulls_last=True), "-pk"
        )
    return sheets.order_by(F("published_at").desc(nulls_last=True), "-pk")


@require_safe
def practice_list(request, network):
    network = network_by_slug(network)
    reader = reader_for(request.user, network)
    form = PracticeFilterForm(request.GET or None, network=network)
    filters = form.filters() if request.GET else {}
    sheets, query = _filtered(published_practices(reader), filters)
    sheets = _sorted(sheets, filters.get("sort") or "", query)
    page = Paginator(sheets, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "practices/list.html",
        {
            "network": network,
            "form": form,
            "page": page,
            "practices": page.object_list,
            "query": query,
            "query_string": filters_query_string(request),
            "can_follow_inventory": perms.can_follow_inventory(reader.viewer),
        },
    )


# --- One practice ------------------------------------------------------------------


def _provenance_dates(sheet) -> list[dict]:
    latest = {}
    for transition in sheet.transitions.all():
        latest[transition.to_state] = transition.created_at
    return [
        {"label": SheetState(state).label, "date": latest[state]}
        for state in PROVENANCE_STATES
        if state in latest
    ]


def _authors(sheet) -> list[str]:
    people = [sheet.author] if sheet.author else []
    people += [p for p in sheet.co_authors.all() if p.pk != sheet.author_id]
    return [person.get_full_name() or _("Membre du réseau") for person in people]


def _practice_context(sheet) -> dict:
    version = sheet.published_version
    description = " ".join((version.summary or version.context_need or "").split())
    if len(description) > DESCRIPTION_MAX:
        description = description[: DESCRIPTION_MAX - 1].rstrip() + "…"
    return {
        "sheet": sheet,
        "version": version,
        "authors": _authors(sheet),
        "provenance": _provenance_dates(sheet),
        "summary": evaluation_summary(sheet),
        "themes": list(sheet.themes.all()),
        "og_description": description,
    }


@require_safe
def practice_detail(request, network, pk):
    network = network_by_slug(network)
    sheet = practice_for(reader_for(request.user, network), pk)
    context = _practice_context(sheet)
    context["network"] = network
    context["canonical_url"] = request.build_absolute_uri(
        reverse(
            "practices:practice",
            kwargs={"network": sheet.network.slug, "pk": sheet.pk},
        )
    )
    return render(request, "practices/practice_detail.html", context)


@require_safe
def practice_pdf(request, network, pk):
    network = network_by_slug(network)
    sheet = practice_for(reader_for(request.user, network), pk)
    context = _practice_context(sheet)
    context["printed_at"] = timezone.now()
    content = render_pdf("practices/pdf_sheet.html", context)
    return pdf_response(content, f"fiche-{sheet.pk}.pdf")


# --- The committees' exports and statistics --------------------------------------


def _committee_network(request, slug):
    """The network (404 unless a member) and a 403 unless committee or lead."""
    network, _membership = network_for(request.user, slug)
    require(perms.can_follow_inventory(viewer_for(request.user, network)))
    return network


def _first_dates(network) -> dict:
    """Per sheet, when it first reached each state."""
    dates = defaultdict(dict)
    rows = (
        SheetTransition.objects.filter(sheet__network=network)
        .order_by("created_at", "pk")
        .values_list("sheet_id", "to_state", "created_at")
    )
    for sheet_id, state, moment in rows.iterator(chunk_size=2000):
        dates[sheet_id].setdefault(state, moment)
    return dates


def _day(moment) -> str:
    return date_format(timezone.localtime(moment), "Y-m-d") if moment else ""


@login_required
@require_safe
def inventory_csv(request, network):
    network = _committee_network(request, network)
    dates = _first_dates(network)
    response = csv_response(f"recension-{network.slug}.csv")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Numéro"),
            _("Titre"),
            _("Étape"),
            _("Créée le"),
            _("Soumise le"),
            _("Retenue le"),
            _("Évaluée le"),
            _("Publiée le"),
            _("Sous-région"),
            _("Zone d'intervention"),
            _("Thèmes"),
            _("Groupe d'âge"),
        ]
    )
    for sheet in inventory(network).iterator(chunk_size=500):
        version = sheet.published_version or sheet.current_version
        reached = dates.get(sheet.pk, {})
        writer.writerow(
            [
                sheet.pk,
                spreadsheet_cell(version.title if version else ""),
                sheet.get_state_display(),
                _day(sheet.created_at),
                _day(reached.get(SheetState.SUBMITTED)),
                _day(reached.get(SheetState.RETAINED)),
                _day(reached.get(SheetState.EVALUATED)),
                _day(reached.get(SheetState.PUBLISHED)),
                spreadsheet_cell(sheet.subregion.name if sheet.subregion else ""),
                spreadsheet_cell(sheet.zone.name if sheet.zone else ""),
                spreadsheet_cell(" ; ".join(t.name for t in sheet.themes.all())),
                sheet.get_age_group_display(),
            ]
        )
    return response


@login_required
@require_safe
def retained_pdf(request, network):
    network = _committee_network(request, network)
    entries = []
    for sheet in retained_sheets(network):
        version = sheet.published_version or sheet.current_version
        if version is None:
            continue
        entries.append(
            {
                "sheet": sheet,
                "version": version,
                "authors": _authors(sheet),
                "themes": list(sheet.themes.all()),
                "summary": evaluation_summary(sheet),
            }
        )
    content = render_pdf(
        "practices/pdf_compilation.html",
        {"network": network, "entries": entries, "printed_at": timezone.now()},
    )
    return pdf_response(content, f"fiches-retenues-{network.slug}.pdf", inline=False)


def _bars(rows: list[dict]) -> list[dict]:
    """Bar lengths (percent of the largest count) for the SVG chart."""
    top = max((row["count"] for row in rows), default=0) or 1
    for index, row in enumerate(rows):
        row["width"] = round(row["count"] * 100 / top, 1)
        row["y"] = index * 28
    return rows


def _counts(sheets, field: str, labels: dict) -> list[dict]:
    """One row per label, in the labels' order; the unset row only when used."""
    rows = sheets.order_by().values(field).annotate(count=Count("pk"))
    found = {row[field] or None: row["count"] for row in rows}
    return _bars(
        [
            {"label": label, "count": found.get(key or None, 0)}
            for key, label in labels.items()
            if key or found.get(None)
        ]
    )


def days_in_states(network) -> list[dict]:
    """The average number of days sheets stayed in each state they left."""
    rows = (
        SheetTransition.objects.filter(sheet__network=network)
        .order_by("sheet_id", "created_at", "pk")
        .values_list("sheet_id", "from_state", "created_at", "sheet__created_at")
    )
    totals = defaultdict(lambda: [0.0, 0])
    previous_sheet, entered = None, None
    for sheet_id, from_state, moment, created in rows.iterator(chunk_size=2000):
        if sheet_id != previous_sheet:
            previous_sheet, entered = sheet_id, created
        days = max((moment - entered).total_seconds(), 0) / 86400
        totals[from_state][0] += days
        totals[from_state][1] += 1
        entered = moment
    result = []
    for state, label in SheetState.choices:
        total, stays = totals.get(state, (0.0, 0))
        if stays:
            result.append(
                {"label": label, "stays": stays, "days": round(total / stays, 1)}
            )
    return result


@login_required
@require_safe
def statistics(request, network):
    network = _committee_network(request, network)
    sheets = PracticeSheet.objects.filter(network=network)
    subregions = {s.pk: s.name for s in network.subregions.order_by("position", "name")}
    zones = {z.pk: z.name for z in network.intervention_zones.all()}
    unset = _("Non précisée")
    by_subregion = _counts(sheets, "subregion", {**subregions, None: unset})
    by_zone = _counts(sheets, "zone", {**zones, None: unset})
    return render(
        request,
        "practices/stats.html",
        {
            "network": network,
            "total": sheets.count(),
            "by_state": _counts(sheets, "state", dict(SheetState.choices)),
            "by_subregion": by_subregion,
            "by_zone": by_zone,
            "by_age": _counts(
                sheets, "age_group", {**dict(AgeGroup.choices), None: unset}
            ),
            "days": days_in_states(network),
        },
    )
