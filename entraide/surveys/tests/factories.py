"""A survey with one question of every kind, built row by row."""

from entraide.surveys.models import Question, QuestionKind, Section, Survey

THEMES = [
    "La communication avec les familles",
    "Le jeu extérieur",
    "Les routines et les transitions",
    "L'inclusion des enfants à besoins particuliers",
    "La gestion des comportements",
]


def make_survey(network, *, community=None, created_by=None, **fields):
    """A needs survey: two sections; the second question shows only when the first
    is « Oui »; a ranking of THEMES."""
    fields.setdefault("title", "Sondage des besoins 2026-2027")
    fields.setdefault("audience", "community" if community else "network")
    survey = Survey.objects.create(
        network=network, community=community, created_by=created_by, **fields
    )
    first = Section.objects.create(survey=survey, title="Votre pratique", position=0)
    second = Section.objects.create(survey=survey, title="Vos besoins", position=1)

    def question(section, kind, text, **more):
        more.setdefault("position", section.questions.count())
        return Question.objects.create(
            section=section, survey=survey, kind=kind, text=text, **more
        )

    attends = question(
        first,
        QuestionKind.SINGLE,
        "Participez-vous déjà à une communauté de pratique ?",
        options=["Oui", "Non"],
        required=True,
    )
    question(
        first,
        QuestionKind.LONG_TEXT,
        "Qu'en retirez-vous ?",
        condition_question=attends,
        condition_value="Oui",
    )
    question(
        first,
        QuestionKind.MULTIPLE,
        "Quels moments vous conviennent ?",
        options=["Le matin", "Le midi", "Le soir"],
        allow_other=True,
    )
    question(
        first,
        QuestionKind.SCALE,
        "Votre aisance avec les rencontres virtuelles",
        scale_min=1,
        scale_max=5,
        scale_labels={"min": "Pas du tout à l'aise", "max": "Tout à fait à l'aise"},
    )
    question(first, QuestionKind.NUMBER, "Depuis combien d'années exercez-vous ?")
    question(second, QuestionKind.RANKING, "Classez ces thèmes", options=THEMES)
    question(second, QuestionKind.SHORT_TEXT, "Un autre thème ?")
    question(second, QuestionKind.DATE, "Une date qui ne vous convient pas ?")
    return survey
