"""Which questions are shown, given the answers so far.

``answers`` maps a question's pk to ``{"value": …, "other_text": …}`` (the JSON of
``Answer``); a question is shown when it has no condition, or when its condition's
question is shown and its answer equals (for a list: includes) the expected value.
Conditions point to earlier questions, so one pass in survey order decides.
"""

from collections.abc import Iterable


def answer_matches(answer: dict | None, expected: str) -> bool:
    if not answer:
        return False
    value = answer.get("value")
    if value is None or isinstance(value, dict):
        return False
    if isinstance(value, list):
        return expected in [str(item) for item in value]
    return str(value) == expected


def visible_questions(questions: Iterable, answers: dict) -> list:
    """The questions (in survey order) whose conditions hold."""
    shown = set()
    visible = []
    for question in questions:
        source = question.condition_question_id
        if source and (
            source not in shown
            or not answer_matches(answers.get(source), question.condition_value)
        ):
            continue
        shown.add(question.pk)
        visible.append(question)
    return visible


def displayed_in_section(section_questions: list, questions: list, answers: dict):
    """A section's questions to show: those visible with the answers so far, and
    those whose condition is asked on the same page (the answer is not known yet;
    the page says when to answer them, and ``visible_questions`` drops them when
    the page is sent)."""
    visible = {q.pk for q in visible_questions(questions, answers)}
    on_page = set()
    displayed = []
    for question in section_questions:
        source = question.condition_question_id
        if question.pk in visible or (source in on_page):
            displayed.append(question)
            on_page.add(question.pk)
    return displayed
