"""Reports for management, the scientific committee and funders, built in the
background: one row per request, its progress, and the PDF and CSV it produced."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from entraide.accounts.models import Language
from entraide.core.timezones import CANADIAN_TIME_ZONES, DEFAULT_TIME_ZONE
from entraide.networks.models import Network


class ReportKind(models.TextChoices):
    MANAGEMENT = "management", _("Rapport pour la direction")
    SCIENTIFIC = "scientific", _("Rapport pour le comité scientifique")
    FUNDERS = "funders", _("Rapport pour les bailleurs de fonds")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("En attente")
    RUNNING = "running", _("En préparation")
    DONE = "done", _("Prêt")
    FAILED = "failed", _("Échec")


PENDING = (RunStatus.QUEUED, RunStatus.RUNNING)


def report_path(run, filename: str) -> str:
    """A generated name: nothing of the request reaches the file system."""
    extension = filename.rsplit(".", 1)[-1]
    return f"reports/{run.network_id}/{uuid.uuid4().hex}.{extension}"


class ReportRun(models.Model):
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="report_runs",
        verbose_name=_("réseau"),
    )
    kind = models.CharField(_("rapport"), max_length=16, choices=ReportKind.choices)
    period_start = models.DateField(_("du"))
    period_end = models.DateField(_("au"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("demandé par"),
    )
    # The requester's language and time zone, read when the files are written.
    language = models.CharField(
        max_length=8, choices=Language.choices, default=Language.FRENCH
    )
    time_zone = models.CharField(
        max_length=64, choices=CANADIAN_TIME_ZONES, default=DEFAULT_TIME_ZONE
    )
    status = models.CharField(
        _("état"), max_length=8, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("avancement"), default=0)
    pdf = models.FileField(upload_to=report_path, max_length=200, blank=True)
    csv = models.FileField(upload_to=report_path, max_length=200, blank=True)
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("rapport")
        verbose_name_plural = _("rapports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "kind", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="reports_period_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="reports_progress_max"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start} – {self.period_end}"

    def get_absolute_url(self) -> str:
        return reverse(
            "reports:detail", kwargs={"network": self.network.slug, "pk": self.pk}
        )

    def is_pending(self) -> bool:
        return self.status in PENDING

    def is_done(self) -> bool:
        return self.status == RunStatus.DONE
