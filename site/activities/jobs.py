"""Scheduler job: a daily-safe sweep of the absence rule.

Attendance recording evaluates the rule at once; this sweep catches attendance entered another way
(imports, corrections in the database) and findings owed after a profile's absence_rule changed.
Idempotent: a triggering set produces one finding only (see absence.py)."""

from clocks import scheduler


@scheduler.job("无故缺席规则检查")
def sweep_absences(now) -> str:
    from supervisors.models import SERVING, Supervisor

    from .absence import evaluate_absences
    from .models import UNEXCUSED

    created = 0
    for supervisor in Supervisor.objects.filter(status=SERVING, invitations__status=UNEXCUSED).distinct():
        created += len(evaluate_absences(supervisor))
    return f"新增认定 {created} 项"
