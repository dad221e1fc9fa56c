"""The form of one section: a field (or a few) per question, by kind.

Every field is optional for Django: whether a question must be answered depends on
whether it is shown, which depends on the answers on the same page, so
``clean()`` decides it once the page's answers are known. ``values`` then maps each
question on the page to its ``Answer`` JSON (None when unanswered or hidden).
"""

import math
from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from entraide.surveys.conditions import visible_questions
from entraide.surveys.models import ANSWER_TEXT_MAX, OTHER, QuestionKind

SHORT_TEXT_MAX = 500
NUMBER_LIMIT = Decimal("1e12")
REQUIRED = gettext_lazy("Répondez à cette question.")


def field_name(question) -> str:
    return f"q{question.pk}"


def rank_name(question, index: int) -> str:
    return f"q{question.pk}_r{index}"


class SectionAnswerForm(forms.Form):
    def __init__(
        self, *args, questions, all_questions, answers, check_required=True, **kw
    ):
        self.questions = questions
        self.all_questions = all_questions
        self.answers = answers
        self.check_required = check_required
        kw.setdefault("initial", self._initial())
        super().__init__(*args, **kw)
        by_pk = {q.pk: q for q in all_questions}
        on_page = {q.pk for q in questions}
        for question in questions:
            self._add_fields(question)
            source = by_pk.get(question.condition_question_id)
            question.condition_hint = (
                _(
                    "Répondez seulement si vous avez répondu « %(value)s » "
                    "à « %(text)s »."
                )
                % {"value": question.condition_value, "text": source.text}
                if source is not None and source.pk in on_page
                else ""
            )

    # --- building --------------------------------------------------------------
    def _add_fields(self, question):
        name = field_name(question)
        kind = question.kind
        if kind == QuestionKind.SINGLE:
            choices = [(o, o) for o in question.options]
            if question.allow_other:
                choices.append((OTHER, _("Autre")))
            self.fields[name] = forms.ChoiceField(
                choices=choices, required=False, widget=forms.RadioSelect
            )
        elif kind == QuestionKind.MULTIPLE:
            choices = [(o, o) for o in question.options]
            if question.allow_other:
                choices.append((OTHER, _("Autre")))
            self.fields[name] = forms.MultipleChoiceField(
                choices=choices, required=False, widget=forms.CheckboxSelectMultiple
            )
        elif kind == QuestionKind.SCALE:
            labels = question.scale_labels or {}
            choices = []
            for degree in range(question.scale_min, question.scale_max + 1):
                label = str(degree)
                end = {question.scale_min: "min", question.scale_max: "max"}.get(degree)
                if end and labels.get(end):
                    label = f"{degree} — {labels[end]}"
                choices.append((str(degree), label))
            self.fields[name] = forms.ChoiceField(
                choices=choices, required=False, widget=forms.RadioSelect
            )
        elif kind == QuestionKind.RANKING:
            ranks = [("", "—")] + [
                (str(n), str(n)) for n in range(1, len(question.options) + 1)
            ]
            for index, option in enumerate(question.options):
                self.fields[rank_name(question, index)] = forms.ChoiceField(
                    label=option, choices=ranks, required=False
                )
        elif kind == QuestionKind.SHORT_TEXT:
            self.fields[name] = forms.CharField(
                max_length=SHORT_TEXT_MAX, required=False
            )
        elif kind == QuestionKind.LONG_TEXT:
            self.fields[name] = forms.CharField(
                max_length=ANSWER_TEXT_MAX,
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
        elif kind == QuestionKind.DATE:
            self.fields[name] = forms.DateField(
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                input_formats=["%Y-%m-%d"],
            )
        elif kind == QuestionKind.NUMBER:
            self.fields[name] = forms.DecimalField(
                required=False,
                max_digits=18,
                decimal_places=4,
                min_value=-NUMBER_LIMIT,
                max_value=NUMBER_LIMIT,
                localize=True,
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and (
            question.allow_other
        ):
            self.fields[f"{name}_other"] = forms.CharField(
                label=_("Précisez « Autre »"), max_length=500, required=False
            )

    def _initial(self) -> dict:
        initial = {}
        for question in self.questions:
            answer = self.answers.get(question.pk)
            if not answer or answer.get("value") is None:
                continue
            value = answer["value"]
            name = field_name(question)
            if question.kind == QuestionKind.RANKING:
                for rank, label in enumerate(value, start=1):
                    if label in question.options:
                        index = question.options.index(label)
                        initial[rank_name(question, index)] = str(rank)
            elif question.kind == QuestionKind.SINGLE and isinstance(value, dict):
                initial[name] = OTHER
                initial[f"{name}_other"] = value.get("other", "")
            else:
                initial[name] = value if isinstance(value, list) else str(value)
                if answer.get("other_text"):
                    initial[f"{name}_other"] = answer["other_text"]
        return initial

    # --- cleaning --------------------------------------------------------------
    def clean(self):
        data = super().clean()
        values = {}
        for question in self.questions:
            values[question.pk] = self._value(question, data)
        merged = {**self.answers}
        for pk, value in values.items():
            if value is None:
                merged.pop(pk, None)
            else:
                merged[pk] = value
        shown = {q.pk for q in visible_questions(self.all_questions, merged)}
        for question in self.questions:
            if question.pk not in shown:
                values[question.pk] = None
            elif (
                self.check_required
                and question.required
                and values[question.pk] is None
                and not self._has_error(question)
            ):
                self.add_error(self.main_field(question), REQUIRED)
        self.values = values
        return data

    def _value(self, question, data):
        name = field_name(question)
        kind = question.kind
        other = (data.get(f"{name}_other") or "").strip()
        if kind == QuestionKind.RANKING:
            return self._ranking(question, data)
        raw = data.get(name)
        if raw in (None, "", []):
            return None
        if kind == QuestionKind.SINGLE:
            if raw == OTHER:
                if not other:
                    self.add_error(f"{name}_other", _("Précisez votre réponse."))
                    return None
                return {"value": {"other": other}, "other_text": ""}
            return {"value": raw, "other_text": ""}
        if kind == QuestionKind.MULTIPLE:
            if OTHER in raw and not other:
                self.add_error(f"{name}_other", _("Précisez votre réponse."))
                return None
            return {"value": list(raw), "other_text": other if OTHER in raw else ""}
        if kind == QuestionKind.SCALE:
            return {"value": int(raw), "other_text": ""}
        if kind == QuestionKind.DATE:
            return {"value": raw.isoformat(), "other_text": ""}
        if kind == QuestionKind.NUMBER:
            if not raw.is_finite():
                self.add_error(name, _("Saisissez un nombre."))
                return None
            number = int(raw) if raw == raw.to_integral_value() else float(raw)
            if isinstance(number, float) and not math.isfinite(number):
                return None
            return {"value": number, "other_text": ""}
        text = raw.strip()
        return {"value": text, "other_text": ""} if text else None

    def _ranking(self, question, data):
        chosen = {}
        for index, option in enumerate(question.options):
            rank = data.get(rank_name(question, index))
            if rank:
                chosen[option] = int(rank)
        if not chosen:
            return None
        if len(set(chosen.values())) != len(chosen):
            self.add_error(
                self.main_field(question), _("Donnez à chaque choix un rang différent.")
            )
            return None
        if len(chosen) != len(question.options):
            self.add_error(self.main_field(question), _("Classez tous les choix."))
            return None
        return {
            "value": sorted(chosen, key=chosen.get),
            "other_text": "",
        }

    # --- rendering -------------------------------------------------------------
    @staticmethod
    def main_field(question) -> str:
        if question.kind == QuestionKind.RANKING:
            return rank_name(question, 0)
        return field_name(question)

    def field_names(self, question) -> list[str]:
        if question.kind == QuestionKind.RANKING:
            return [rank_name(question, i) for i in range(len(question.options))]
        names = [field_name(question)]
        if f"{names[0]}_other" in self.fields:
            names.append(f"{names[0]}_other")
        return names

    def _has_error(self, question) -> bool:
        return any(name in self.errors for name in self.field_names(question))

    def blocks(self) -> list[dict]:
        """Per question: its fields, its errors and the ids that tie them."""
        blocks = []
        for question in self.questions:
            error_id = f"q{question.pk}-error"
            help_id = f"q{question.pk}-help"
            errors = []
            for name in self.field_names(question):
                errors += self.errors.get(name, [])
            described = " ".join(
                i
                for i, present in (
                    (help_id, question.help_text or question.condition_hint),
                    (error_id, errors),
                )
                if present
            )
            fields = [self[name] for name in self.field_names(question)]
            for bound in fields:
                attrs = bound.field.widget.attrs
                attrs.pop("aria-describedby", None)
                attrs.pop("aria-invalid", None)
                if described:
                    attrs["aria-describedby"] = described
                if errors:
                    attrs["aria-invalid"] = "true"
            blocks.append(
                {
                    "question": question,
                    "main": fields[0],
                    "fields": fields,
                    "other": fields[1]
                    if len(fields) > 1
                    and question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
                    else None,
                    "errors": errors,
                    "error_id": error_id,
                    "help_id": help_id,
                    "described": described,
                    "group": question.kind
                    in (
                        QuestionKind.SINGLE,
                        QuestionKind.MULTIPLE,
                        QuestionKind.SCALE,
                        QuestionKind.RANKING,
                    ),
                }
            )
        return blocks
