"""The surveys a builder may start from (« Partir d'un modèle »).

Each template is plain data: sections of questions in the models' terms; a
condition names an earlier question's ``key`` and the option that shows it.
"""

from django.utils.translation import gettext_lazy as _

NEW_COMMUNITY = "new_community"

THEMES = [
    "La communication avec les familles",
    "Le jeu actif et le jeu extérieur",
    "Les routines et les transitions",
    "L'inclusion des enfants à besoins particuliers",
    "Le soutien au développement du langage",
    "La gestion des comportements",
]

TEMPLATES = {
    NEW_COMMUNITY: {
        "label": _("Besoins d'une nouvelle communauté de pratique"),
        "welcome": (
            "Merci de prendre quelques minutes pour nous dire ce dont vous avez "
            "besoin. Vos réponses guideront les thèmes et le rythme des rencontres "
            "de la communauté cette année."
        ),
        "thank_you": (
            "Merci ! Nous présenterons les résultats à la première rencontre."
        ),
        "sections": [
            {
                "title": "Votre pratique",
                "questions": [
                    {
                        "key": "member",
                        "kind": "single",
                        "text": "Avez-vous déjà fait partie d'une communauté de "
                        "pratique ?",
                        "options": ["Oui", "Non"],
                        "required": True,
                    },
                    {
                        "kind": "long_text",
                        "text": "Qu'en avez-vous retiré ?",
                        "condition": ("member", "Oui"),
                    },
                    {
                        "kind": "number",
                        "text": "Depuis combien d'années travaillez-vous en petite "
                        "enfance ?",
                    },
                ],
            },
            {
                "title": "Vos besoins",
                "questions": [
                    {
                        "kind": "ranking",
                        "text": "Classez ces thèmes du plus au moins important "
                        "pour vous",
                        "options": THEMES,
                        "required": True,
                    },
                    {
                        "kind": "short_text",
                        "text": "Un autre thème qui vous tient à cœur ?",
                    },
                ],
            },
            {
                "title": "Les rencontres",
                "questions": [
                    {
                        "kind": "multiple",
                        "text": "Quels moments vous conviennent ?",
                        "options": ["Le matin", "Le midi", "L'après-midi", "Le soir"],
                        "allow_other": True,
                    },
                    {
                        "kind": "scale",
                        "text": "Votre aisance avec les rencontres virtuelles",
                        "scale_min": 1,
                        "scale_max": 5,
                        "scale_labels": {
                            "min": "Pas du tout à l'aise",
                            "max": "Tout à fait à l'aise",
                        },
                    },
                    {
                        "kind": "date",
                        "text": "Une date à éviter pour la première rencontre ?",
                    },
                ],
            },
        ],
    },
}


def template_choices() -> list[tuple[str, str]]:
    return [(key, model["label"]) for key, model in TEMPLATES.items()]
