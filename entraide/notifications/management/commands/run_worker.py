"""Run the background worker: django-tasks-db's db_worker plus housekeeping.

Tasks are taken and run exactly as ``manage.py db_worker`` does (same options, same
queue). On SIGTERM or SIGINT the current task finishes, then the worker exits; a
second signal stops it at once. On top of that, the jobs of
``settings.WORKER_HOUSEKEEPING`` run when the worker starts and then every
``--requeue-interval`` seconds: ``requeue_stale()``, so a delivery left behind by a
killed worker or a lost task is queued again, and the session reminders that are
due. Each job is safe to run in several workers at once.

Unlike db_worker, code reloading is off unless ``--reload`` is given: the reloader's
parent process kills its child on SIGTERM, which would cut a task short.
"""

import logging
import os
import signal
import threading
from argparse import ArgumentTypeError

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django.utils.module_loading import import_string
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("entraide.notifications.worker")


class Worker(db_worker.Worker):
    """db_worker's Worker with a housekeeping thread that requeues lost deliveries.

    The thread only enqueues tasks; the tasks themselves still run one at a time in
    the main loop.
    """

    def __init__(self, *, requeue_interval: float, **kwargs):
        super().__init__(**kwargs)
        self.requeue_interval = requeue_interval
        self.stopped = threading.Event()

    def shutdown(self, signum, frame) -> None:
        """Stop at the next turn of the loop; a second signal stops at once.

        db_worker exits on the spot when no task is running, which can also be
        while it commits its claim on the next task: the task would stay
        ``RUNNING`` with nobody running it. Here the loop ends by itself, after the
        current task or at the end of the current wait (``--interval``).
        """
        if not self.running:
            super().shutdown(signum, frame)
            return
        logger.warning(
            "Received %s: finishing the current task, then stopping",
            signal.strsignal(signum),
        )
        self.running = False

    def requeue(self) -> None:
        for path in settings.WORKER_HOUSEKEEPING:
            try:
                count = import_string(path)()
            except Exception:
                logger.exception("Housekeeping job %s failed", path)
                continue
            finally:
                connection.close()
            if count:
                logger.warning("%s: %d", path.rpartition(".")[2], count)

    def requeue_periodically(self) -> None:
        while not self.stopped.wait(self.requeue_interval):
            self.requeue()

    def run(self) -> None:
        self.requeue()
        housekeeping = threading.Thread(
            target=self.requeue_periodically, name="requeue-stale", daemon=True
        )
        housekeeping.start()
        try:
            super().run()
        finally:
            self.stopped.set()
            housekeeping.join(timeout=10)


def valid_requeue_interval(value: str) -> float:
    interval = db_worker.valid_interval(value)
    if interval <= 0:
        raise ArgumentTypeError("Must be greater than zero")
    return interval


class Command(db_worker.Command):
    help = (
        "Run the database task worker; also requeue lost email deliveries at start "
        "and periodically."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(reload=False)
        parser.add_argument(
            "--requeue-interval",
            type=valid_requeue_interval,
            default=60.0,
            help="Seconds between two housekeeping passes (default: 60)",
        )

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        logger.setLevel(logging.INFO if verbosity else logging.CRITICAL)
        if not logger.hasHandlers():
            logger.addHandler(logging.StreamHandler(self.stdout))

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        requeue_interval: float,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        if reload and batch:
            logger.warning("--reload and --batch cannot be combined: not reloading.")
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
            requeue_interval=requeue_interval,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
