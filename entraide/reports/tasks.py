"""Background work of the reports: building one."""

from django_tasks import task

from entraide.reports import services


@task()
def build_report(run_id: int) -> str:
    return services.build(run_id)
