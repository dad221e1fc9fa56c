"""The results' numbers, exact: counts, shares, means, rankings, cross-tabs and the
suppression of small groups in anonymous surveys."""

import datetime
from collections import Counter

import pytest

from entraide.surveys import analysis, charts
from entraide.surveys.models import OTHER, Answer, Participation, Response
from entraide.surveys.tests.factories import THEMES

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 20)


def questions_of(survey) -> dict:
    """Question by kind (the factory has one of each, two choices of « single »)."""
    return {q.kind: q for q in survey.questions.order_by("position", "pk")}


def send(survey, values: dict, *, person=None, subregion=None, job_role="", sent=True):
    """One response written row by row: ``values`` maps kind → (value, other)."""
    qs = questions_of(survey)
    response = Response.objects.create(
        survey=survey,
        respondent=None if survey.is_anonymous else person,
        subregion=subregion,
        job_role=job_role,
        submitted_on=DAY if sent else None,
        submitted_at=None,
    )
    for kind, value in values.items():
        other = ""
        if isinstance(value, tuple):
            value, other = value
        Answer.objects.create(
            response=response, question=qs[kind], value=value, other_text=other
        )
    if person is not None and sent:
        Participation.objects.get_or_create(survey=survey, user=person)
    return response


def results_by_kind(survey):
    questions = list(survey.questions.order_by("position", "pk"))
    answers = list(analysis.sent_answers(survey))
    return {r.kind: r for r in analysis.question_results(questions, answers)}


@pytest.fixture
def answered(surveys):
    survey = surveys.survey
    send(
        survey,
        {
            "single": "Oui",
            "multiple": (["Le matin", OTHER], "La fin de semaine"),
            "scale": 4,
            "number": 10,
            "ranking": THEMES,
            "short_text": "Le sommeil",
            "date": "2026-12-24",
        },
    )
    send(
        survey,
        {
            "single": "Non",
            "multiple": ["Le matin", "Le soir"],
            "scale": 2,
            "number": 3,
            "ranking": list(reversed(THEMES)),
            "date": "2026-12-31",
        },
    )
    send(
        survey,
        {
            "single": "Oui",
            "scale": 5,
            "number": 2,
            "ranking": [THEMES[1], THEMES[0], THEMES[2], THEMES[3], THEMES[4]],
            "date": "2027-01-05",
        },
    )
    # Not sent: counts nowhere.
    send(survey, {"single": "Non", "scale": 1}, sent=False)
    return survey


def test_choice_counts_and_shares(answered):
    single = results_by_kind(answered)["single"]
    assert single.answered == 3
    assert [(r.label, r.count, r.percent) for r in single.rows] == [
        ("Oui", 2, 66.7),
        ("Non", 1, 33.3),
    ]
    multiple = results_by_kind(answered)["multiple"]
    assert multiple.answered == 2
    assert [(r.label, r.count, r.percent) for r in multiple.rows] == [
        ("Le matin", 2, 100.0),
        ("Le midi", 0, 0.0),
        ("Le soir", 1, 50.0),
        ("Autre", 1, 50.0),
    ]
    assert multiple.other_texts == ["La fin de semaine"]


def test_single_other_as_object(surveys):
    send(surveys.survey, {"single": {"other": "Parfois"}})
    single = results_by_kind(surveys.survey)["single"]
    assert [(r.label, r.count) for r in single.rows][-1] == ("Autre", 1)
    assert single.other_texts == ["Parfois"]


def test_scale_distribution_and_mean(answered):
    scale = results_by_kind(answered)["scale"]
    assert [r.count for r in scale.rows] == [0, 1, 0, 1, 1]
    assert scale.mean == pytest.approx(3.67)
    assert scale.rows[0].extra == "Pas du tout à l'aise"
    assert scale.rows[-1].extra == "Tout à fait à l'aise"


def test_number_summary(answered):
    number = results_by_kind(answered)["number"]
    assert (number.answered, number.mean, number.minimum, number.maximum) == (
        3,
        5.0,
        2,
        10,
    )


def test_ranking_mean_rank_and_borda_top_first(answered):
    ranking = results_by_kind(answered)["ranking"]
    # Borda with 5 options: rank r gives 6 - r points.
    # THEMES[0]: 1, 5, 2 → 5 + 1 + 4 = 10; THEMES[1]: 2, 4, 1 → 4 + 2 + 5 = 11;
    # THEMES[2]: 3, 3, 3 → 9; THEMES[3]: 4, 2, 4 → 8; THEMES[4]: 5, 1, 5 → 7.
    assert [(r.label, r.count, r.percent) for r in ranking.rows] == [
        (THEMES[1], 11, 2.33),
        (THEMES[0], 10, 2.67),
        (THEMES[2], 9, 3.0),
        (THEMES[3], 8, 3.33),
        (THEMES[4], 7, 3.67),
    ]


def test_texts_and_dates_by_month(answered):
    results = results_by_kind(answered)
    assert results["short_text"].texts == ["Le sommeil"]
    assert [(r.key, r.label, r.count) for r in results["date"].rows] == [
        ("2026-12", "décembre 2026", 2),
        ("2027-01", "janvier 2027", 1),
    ]


def test_audience_size_counts_the_community_narrowed(surveys):
    survey = surveys.survey
    # facilitator + 3 + 3 + educator
    assert analysis.audience_size(survey) == 8
    survey.audience_job_roles = ["pedagogy_lead"]
    survey.save()
    assert analysis.audience_size(survey) == 7
    survey.audience_subregions.set([surveys.subregion_b])
    assert analysis.audience_size(survey) == 3
    survey.audience = "public"
    assert analysis.audience_size(survey) is None


def test_audience_size_is_one_query(surveys, django_assert_num_queries):
    with django_assert_num_queries(1):
        analysis.audience_size(surveys.survey)


def test_plan_groups_pools_small_groups_until_five():
    mapping, hidden, everything = analysis.plan_groups(
        {"a": 12, "b": 6, "c": 3}, anonymous=True
    )
    # c alone (3) would be derivable: b, the smallest big group, joins it.
    assert mapping == {"a": "a", "b": analysis.OTHERS_KEY, "c": analysis.OTHERS_KEY}
    assert sorted(hidden) == ["b", "c"]
    assert not everything
    mapping, hidden, _ = analysis.plan_groups({"a": 12, "b": 3, "c": 2}, anonymous=True)
    assert mapping == {"a": "a", "b": analysis.OTHERS_KEY, "c": analysis.OTHERS_KEY}
    assert analysis.plan_groups({"a": 2, "b": 2}, anonymous=True)[2] is True
    assert analysis.plan_groups({"a": 2, "b": 9}, anonymous=False)[0] == {
        "a": "a",
        "b": "b",
    }


def test_crosstab_shown_groups_always_add_up(surveys):
    survey = surveys.survey
    for _ in range(6):
        send(survey, {"single": "Oui"}, subregion=surveys.subregion_a)
    for _ in range(2):
        send(survey, {"single": "Non"}, subregion=surveys.subregion_b)
    send(survey, {"single": "Non"})  # no sub-region known
    questions = list(survey.questions.order_by("position", "pk"))
    answers = list(analysis.sent_answers(survey))
    table = analysis.crosstab(survey, questions, answers, "subregion")
    sizes = {g.label: g.size for g in table.groups}
    # B (2) and « Non précisé » (1) make 3 < 5: A joins them, nothing is left alone.
    assert sizes == {"Autres groupes": 9}
    assert sum(sizes.values()) == 9
    assert surveys.subregion_b.name in table.hidden
    for _ in range(3):
        send(survey, {"single": "Non"}, subregion=surveys.subregion_b)
    answers = list(analysis.sent_answers(survey))
    table = analysis.crosstab(survey, questions, answers, "subregion")
    # A 6, B 5 shown; « Non précisé » (1) alone would be derivable: B joins it.
    assert {g.label: g.size for g in table.groups} == {
        surveys.subregion_a.name: 6,
        "Autres groupes": 6,
    }
    (single,) = [t for t in table.tables if t["question"].kind == "single"]
    assert single["rows"][0][0] == "Oui"
    assert [c.count for c in single["rows"][0][1]] == [6, 0]
    assert [c.count for c in single["rows"][1][1]] == [0, 6]


def test_the_two_crosstabs_together_never_narrow_a_small_group(surveys):
    """A (5) holds only educators; the educators are 6: by sub-region and by job
    role side by side, the sixth educator, in B, could be told apart."""
    survey = surveys.survey
    a, b = surveys.subregion_a, surveys.subregion_b
    for _ in range(5):
        send(survey, {"single": "Oui"}, subregion=a, job_role="educator")
    send(survey, {"single": "Non"}, subregion=b, job_role="educator")
    for _ in range(5):
        send(survey, {"single": "Oui"}, subregion=b, job_role="pedagogy_lead")
    questions = list(survey.questions.order_by("position", "pk"))
    answers = list(analysis.sent_answers(survey))
    by_role = analysis.crosstab(survey, questions, answers, "job_role")
    by_region = analysis.crosstab(survey, questions, answers, "subregion")
    roles = {g.key: g.size for g in by_role.groups}
    regions = {g.key: g.size for g in by_region.groups}
    # Each tab alone would pass (every group has 5 or more); together they
    # would not, so one of them is pooled.
    assert roles == {"educator": 6, "pedagogy_lead": 5}
    assert regions == {analysis.OTHERS_KEY: 11}
    # Whatever is shown in one tab, subtracting a group of the other leaves 0 or
    # at least five responses.
    for g in regions.values():
        for h in roles.values():
            assert abs(g - h) == 0 or abs(g - h) >= analysis.MIN_GROUP


def test_joint_plan_leaves_safe_crosstabs_alone():
    pairs = Counter({("a", "x"): 6, ("a", "y"): 6, ("b", "x"): 6, ("b", "y"): 6})
    plan = analysis.joint_plan(pairs)
    assert plan["subregion"][0] == {"a": "a", "b": "b"}
    assert plan["job_role"][0] == {"x": "x", "y": "y"}


def test_joint_plan_catches_what_is_left_without_a_group():
    # « Not a » (b, 7) holds all of role y (5): b minus y = the 2 of b in x.
    pairs = Counter({("a", "x"): 8, ("b", "x"): 2, ("b", "y"): 5})
    plan = analysis.joint_plan(pairs)
    shown_s = set(plan["subregion"][0].values())
    shown_j = set(plan["job_role"][0].values())
    assert len(shown_s) == 1 or len(shown_j) == 1


def test_named_crosstab_shows_every_group(surveys):
    survey = surveys.survey
    survey.is_anonymous = False
    survey.save()
    send(
        survey,
        {"single": "Oui"},
        person=surveys.leads_a[0],
        subregion=surveys.subregion_a,
    )
    send(
        survey,
        {"single": "Non"},
        person=surveys.leads_b[0],
        subregion=surveys.subregion_b,
    )
    questions = list(survey.questions.order_by("position", "pk"))
    table = analysis.crosstab(
        survey, questions, list(analysis.sent_answers(survey)), "subregion"
    )
    assert {g.label: g.size for g in table.groups} == {
        surveys.subregion_a.name: 1,
        surveys.subregion_b.name: 1,
    }


def test_chart_escapes_labels_and_names_itself():
    rows = [analysis.Row("<script>alert(1)</script>", 3), analysis.Row("Non", 0)]
    svg = str(charts.bar_chart(rows, title="Q <b>", chart_id="q1"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'role="img"' in svg and '<title id="q1-title">Q &lt;b&gt;</title>' in svg
    assert svg.count("<rect") == 2
