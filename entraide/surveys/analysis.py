"""A survey's results as numbers: pure functions over one or two queries per survey.

``question_results`` reads every sent answer of the survey in one query and returns
one result per question: counts and percentages per option (« Autre » with its
texts), a scale's distribution and mean, a number's count/mean/min/max, a ranking's
mean rank and Borda score per option (top first), the texts, the dates by month.

``crosstab`` splits choice and scale questions by sub-region or job role. In an
anonymous survey a group with fewer than ``MIN_GROUP`` responses is never shown:
such groups are pooled in « Autres groupes », with the smallest shown groups added
until that pool itself reaches ``MIN_GROUP``, so no hidden group can be worked out by
subtracting the shown ones from the totals. When even the whole survey has fewer
than ``MIN_GROUP`` responses, the cross-tabulation is not shown at all.

The two cross-tabulations of one anonymous survey are planned together
(``joint_plan``): a group shown by sub-region and a group shown by job role (or
what is left of the survey without either) must never differ by fewer than
``MIN_GROUP`` responses when one holds the other — « the educators » minus « the
educators of Mauricie » would otherwise be a group of one. Such a pair sends the
smaller group to « Autres groupes » and the check runs again.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from entraide.accounts.models import JobRole
from entraide.networks.models import SubRegion
from entraide.surveys.models import (
    OTHER,
    TEXT_KINDS,
    Answer,
    Audience,
    QuestionKind,
    Response,
    Survey,
)
from entraide.surveys.selectors import audience_people

MIN_GROUP = 5
TEXTS_SHOWN = 50
OTHERS_KEY = "__others__"
UNKNOWN_KEY = "__unknown__"
CROSS_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SCALE)
CROSSINGS = ("subregion", "job_role")


def sent_responses(survey: Survey):
    return Response.objects.filter(survey=survey, submitted_on__isnull=False)


def audience_size(survey: Survey) -> int | None:
    """How many people the survey asks, in one query; None for a public survey."""
    if survey.audience == Audience.PUBLIC:
        return None
    return audience_people(survey).count()


@dataclass
class Row:
    """One bar: a label, its count and its share (percent) of those who answered."""

    label: str
    count: int
    percent: float | None = None
    extra: str = ""
    key: str = ""


@dataclass
class QuestionResult:
    question: object
    answered: int = 0
    rows: list[Row] = field(default_factory=list)
    other_texts: list[str] = field(default_factory=list)
    mean: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    texts: list[str] = field(default_factory=list)
    text_count: int = 0

    @property
    def kind(self) -> str:
        return self.question.kind


def _percent(count: int, total: int) -> float | None:
    return round(100 * count / total, 1) if total else None


def _number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _single(question, values) -> QuestionResult:
    counts, others = Counter(), []
    answered = 0
    for value, other_text in values:
        if isinstance(value, dict):
            text = str(value.get("other", "")).strip() or other_text
            counts[OTHER] += 1
            if text:
                others.append(text)
        elif value in (None, ""):
            continue
        elif value == OTHER:
            counts[OTHER] += 1
            if other_text:
                others.append(other_text)
        else:
            counts[str(value)] += 1
        answered += 1
    return _choice_result(question, counts, others, answered)


def _multiple(question, values) -> QuestionResult:
    counts, others = Counter(), []
    answered = 0
    for value, other_text in values:
        if not isinstance(value, list) or not value:
            continue
        answered += 1
        for label in dict.fromkeys(str(v) for v in value):
            counts[label] += 1
        if OTHER in value and other_text:
            others.append(other_text)
    return _choice_result(question, counts, others, answered)


def _choice_result(question, counts, others, answered) -> QuestionResult:
    from django.utils.translation import gettext as _

    rows = [
        Row(str(label), counts[str(label)], _percent(counts[str(label)], answered))
        for label in question.options
    ]
    if question.allow_other or counts[OTHER]:
        rows.append(
            Row(_("Autre"), counts[OTHER], _percent(counts[OTHER], answered), key=OTHER)
        )
    return QuestionResult(question, answered=answered, rows=rows, other_texts=others)


def _scale(question, values) -> QuestionResult:
    numbers = [n for n in (_number(v) for v, _o in values) if n is not None]
    counts = Counter(int(n) for n in numbers)
    answered = len(numbers)
    labels = question.scale_labels or {}
    rows = []
    for degree in range(question.scale_min, question.scale_max + 1):
        extra = ""
        if degree == question.scale_min:
            extra = labels.get("min", "")
        elif degree == question.scale_max:
            extra = labels.get("max", "")
        rows.append(
            Row(str(degree), counts[degree], _percent(counts[degree], answered), extra)
        )
    mean = round(sum(numbers) / answered, 2) if answered else None
    return QuestionResult(question, answered=answered, rows=rows, mean=mean)


def _number_result(question, values) -> QuestionResult:
    numbers = [n for n in (_number(v) for v, _o in values) if n is not None]
    if not numbers:
        return QuestionResult(question)
    return QuestionResult(
        question,
        answered=len(numbers),
        mean=round(sum(numbers) / len(numbers), 2),
        minimum=min(numbers),
        maximum=max(numbers),
    )


def _ranking(question, values) -> QuestionResult:
    """Mean rank (1 = first) and Borda score: an option ranked r of n gets n − r + 1
    points; options a person left out get none. Sorted by score, then mean rank."""
    options = [str(o) for o in question.options]
    n = len(options)
    ranks = defaultdict(list)
    answered = 0
    for value, _other in values:
        if not isinstance(value, list) or not value:
            continue
        answered += 1
        seen = [label for label in dict.fromkeys(str(v) for v in value)]
        for rank, label in enumerate(seen, start=1):
            if label in options:
                ranks[label].append(rank)
    rows = []
    for label in options:
        got = ranks[label]
        score = sum(n - r + 1 for r in got)
        mean = round(sum(got) / len(got), 2) if got else None
        rows.append(Row(label, score, mean, key=label))
    position = {label: i for i, label in enumerate(options)}
    rows.sort(
        key=lambda r: (
            -r.count,
            r.percent if r.percent is not None else n + 1,
            position[r.key],
        )
    )
    return QuestionResult(question, answered=answered, rows=rows)


def _texts(question, values) -> QuestionResult:
    texts = [str(v).strip() for v, _o in values if v not in (None, "")]
    texts = [t for t in texts if t]
    return QuestionResult(
        question,
        answered=len(texts),
        texts=texts[:TEXTS_SHOWN],
        text_count=len(texts),
    )


def _month_label(month: str) -> str:
    """« décembre 2026 » for "2026-12", in the language of the page."""
    from django.utils.formats import date_format

    try:
        return date_format(datetime.date(int(month[:4]), int(month[5:7]), 1), "F Y")
    except ValueError:
        return month


def _dates(question, values) -> QuestionResult:
    months = Counter()
    answered = 0
    for value, _other in values:
        text = str(value or "")
        if len(text) >= 7 and text[4] == "-":
            months[text[:7]] += 1
            answered += 1
    rows = [
        Row(
            _month_label(month),
            months[month],
            _percent(months[month], answered),
            key=month,
        )
        for month in sorted(months)
    ]
    return QuestionResult(question, answered=answered, rows=rows)


ANALYSERS = {
    QuestionKind.SINGLE: _single,
    QuestionKind.MULTIPLE: _multiple,
    QuestionKind.SCALE: _scale,
    QuestionKind.NUMBER: _number_result,
    QuestionKind.RANKING: _ranking,
    QuestionKind.DATE: _dates,
}


def analyse(question, values) -> QuestionResult:
    """``values``: (value, other_text) of the question's sent answers."""
    if question.kind in TEXT_KINDS:
        return _texts(question, values)
    return ANALYSERS[question.kind](question, values)


def sent_answers(survey: Survey):
    """Every sent answer of the survey, in one query, with its response's group."""
    return (
        Answer.objects.filter(
            response__survey=survey, response__submitted_on__isnull=False
        )
        .order_by("response__submitted_on", "pk")
        .values_list(
            "question_id",
            "value",
            "other_text",
            "response_id",
            "response__subregion_id",
            "response__job_role",
        )
    )


def question_results(questions, answers) -> list[QuestionResult]:
    by_question = defaultdict(list)
    for question_id, value, other_text, *_rest in answers:
        by_question[question_id].append((value, other_text))
    return [analyse(q, by_question.get(q.pk, [])) for q in questions]


@dataclass
class Group:
    key: str
    label: str
    size: int
    members: list[str] = field(default_factory=list)  # pooled groups' labels


@dataclass
class Crosstab:
    by: str
    groups: list[Group]
    hidden: list[str]  # labels of the groups not shown on their own
    tables: list = field(default_factory=list)  # (question, [(row label, cells)])
    suppressed_all: bool = False


def group_labels(by: str, keys) -> dict:
    from django.utils.translation import gettext as _

    labels = {UNKNOWN_KEY: _("Non précisé"), OTHERS_KEY: _("Autres groupes")}
    if by == "subregion":
        ids = [k for k in keys if k not in labels]
        labels |= {
            str(pk): name
            for pk, name in SubRegion.objects.filter(pk__in=ids).values_list(
                "pk", "name"
            )
        }
    else:
        labels |= {str(value): str(label) for value, label in JobRole.choices}
    return labels


def _group_key(by, subregion_id, job_role) -> str:
    value = subregion_id if by == "subregion" else job_role
    return str(value) if value not in (None, "") else UNKNOWN_KEY


def plan_groups(sizes: dict, *, anonymous: bool) -> tuple[dict, list, bool]:
    """Which group each key is shown under.

    Returns (key → shown key, hidden keys, everything suppressed). In anonymous
    surveys the small groups go to OTHERS_KEY, with the smallest big ones added
    until OTHERS_KEY itself reaches MIN_GROUP."""
    mapping = {key: key for key in sizes}
    if not anonymous:
        return mapping, [], False
    if sum(sizes.values()) < MIN_GROUP:
        return {}, sorted(sizes), True
    small = [k for k, size in sizes.items() if size < MIN_GROUP]
    pooled = sum(sizes[k] for k in small)
    big = sorted((k for k in sizes if k not in small), key=lambda k: (sizes[k], k))
    while small and pooled < MIN_GROUP and big:
        key = big.pop(0)
        small.append(key)
        pooled += sizes[key]
    for key in small:
        mapping[key] = OTHERS_KEY
    return mapping, small, False


def _leak(pairs: Counter, map_s: dict, map_j: dict):
    """A shown sub-region group and a shown job-role group that narrow someone:
    ((dimension, shown key) of the smaller one, or None)."""
    total = sum(pairs.values())
    size_s, size_j, both = Counter(), Counter(), Counter()
    for (s_key, j_key), count in pairs.items():
        size_s[map_s[s_key]] += count
        size_j[map_j[j_key]] += count
        both[(map_s[s_key], map_j[j_key])] += count
    # Smallest groups first, then by key: the same survey always pools the same
    # groups, whatever order its responses come in (their keys are random).
    for g in sorted(size_s, key=lambda k: (size_s[k], k)):
        g_size = size_s[g]
        for h in sorted(size_j, key=lambda k: (size_j[k], k)):
            h_size = size_j[h]
            n = both[(g, h)]
            # Each group and its complement: (size of A, of B, of A ∩ B).
            for a, b, ab in (
                (g_size, h_size, n),
                (total - g_size, h_size, h_size - n),
                (g_size, total - h_size, g_size - n),
                (total - g_size, total - h_size, total - g_size - h_size + n),
            ):
                for inner, outer in ((a, b), (b, a)):
                    if ab == inner and 0 < outer - inner < MIN_GROUP:
                        smaller = (
                            ("subregion", g)
                            if g_size <= h_size
                            else (
                                "job_role",
                                h,
                            )
                        )
                        return smaller, size_s, size_j
    return None, size_s, size_j


def _pool_one(mapping: dict, sizes: Counter, key: str) -> bool:
    """Send ``key`` (or, if it is already the pool, the smallest shown group) to
    OTHERS_KEY; False when nothing is left to pool in this dimension."""
    if key == OTHERS_KEY:
        rest = sorted(
            (k for k in sizes if k != OTHERS_KEY), key=lambda k: (sizes[k], k)
        )
        if not rest:
            return False
        key = rest[0]
    for raw, shown in mapping.items():
        if shown == key:
            mapping[raw] = OTHERS_KEY
    return True


def joint_plan(pairs: Counter) -> dict:
    """Both cross-tabulations of an anonymous survey, planned together.

    ``pairs`` counts responses per (sub-region key, job-role key). Returns, per
    dimension, (raw key → shown key, everything suppressed)."""
    sizes_s, sizes_j = Counter(), Counter()
    for (s_key, j_key), count in pairs.items():
        sizes_s[s_key] += count
        sizes_j[j_key] += count
    map_s, _h, none_s = plan_groups(dict(sizes_s), anonymous=True)
    map_j, _h, none_j = plan_groups(dict(sizes_j), anonymous=True)
    if none_s or none_j:
        return {"subregion": ({}, True), "job_role": ({}, True)}
    maps = {"subregion": map_s, "job_role": map_j}
    while True:
        found, size_s, size_j = _leak(pairs, map_s, map_j)
        if found is None:
            break
        dimension, key = found
        shown = size_s if dimension == "subregion" else size_j
        if not _pool_one(maps[dimension], shown, key):
            other = "job_role" if dimension == "subregion" else "subregion"
            other_shown = size_j if dimension == "subregion" else size_s
            if not _pool_one(maps[other], other_shown, OTHERS_KEY):
                break  # both are a single group: nothing can be told apart
    return {by: (mapping, False) for by, mapping in maps.items()}


def crosstab(survey, questions, answers, by: str) -> Crosstab:
    """Choice and scale questions split by ``by`` (sub-region or job role)."""
    response_group = {}
    pairs = Counter()
    for _q, _v, _o, response_id, subregion_id, job_role in answers:
        if response_id in response_group:
            continue
        response_group[response_id] = _group_key(by, subregion_id, job_role)
        pairs[
            (
                _group_key("subregion", subregion_id, job_role),
                _group_key("job_role", subregion_id, job_role),
            )
        ] += 1
    sizes = Counter(response_group.values())
    mapping, hidden, suppressed_all = plan_groups(
        dict(sizes), anonymous=survey.is_anonymous
    )
    if survey.is_anonymous and not suppressed_all:
        mapping, suppressed_all = joint_plan(pairs)[by]
        hidden = sorted(k for k, shown in mapping.items() if shown == OTHERS_KEY)
    labels = group_labels(by, list(sizes))
    if suppressed_all:
        return Crosstab(by, [], [labels.get(k, k) for k in hidden], suppressed_all=True)
    shown_sizes = Counter()
    for key, size in sizes.items():
        shown_sizes[mapping[key]] += size
    order = sorted(
        (k for k in shown_sizes if k not in (OTHERS_KEY, UNKNOWN_KEY)),
        key=lambda k: labels.get(k, k),
    )
    order += [k for k in (UNKNOWN_KEY, OTHERS_KEY) if k in shown_sizes]
    groups = [
        Group(
            key,
            labels.get(key, key),
            shown_sizes[key],
            members=[labels.get(k, k) for k in hidden] if key == OTHERS_KEY else [],
        )
        for key in order
    ]
    per_group = defaultdict(list)
    for question_id, value, other_text, response_id, _s, _j in answers:
        per_group[(question_id, mapping[response_group[response_id]])].append(
            (value, other_text)
        )
    tables = []
    for question in questions:
        if question.kind not in CROSS_KINDS:
            continue
        results = [
            analyse(question, per_group.get((question.pk, g.key), [])) for g in groups
        ]
        rows = []
        labels_of_rows = [row.label for row in results[0].rows] if results else []
        for index, label in enumerate(labels_of_rows):
            rows.append((label, [r.rows[index] for r in results]))
        means = [r.mean for r in results] if question.kind == QuestionKind.SCALE else []
        tables.append(
            {
                "question": question,
                "rows": rows,
                "answered": [r.answered for r in results],
                "means": means,
            }
        )
    hidden_labels = [labels.get(k, k) for k in hidden if sizes[k] < MIN_GROUP]
    return Crosstab(by, groups, hidden_labels, tables)


def respondent_names(response_ids) -> dict:
    """Named surveys only: response id → the person's name, in one query."""
    rows = Response.objects.filter(pk__in=response_ids).values_list(
        "pk", "respondent__first_name", "respondent__last_name"
    )
    return {pk: f"{first} {last}".strip() for pk, first, last in rows}
