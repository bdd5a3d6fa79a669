"""The base of every task screen (Chinese, in the Wagtail admin's look, under the admin login). viewflow's wrapper has
already locked the process, checked the task's owner and started the activation on POST; each view
calls the service (which checks the permission again), then completes the task."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views import generic

from flows import task_index
from form_errors import add_errors
from rules.profiles import get_profile


class PerformTaskMixin:
    """Every task screen ends the same way: run the view's `perform(form)` (a service call that checks
    its own permission), show its ValidationError on the form, else complete the task, say what was done
    and go to `done_url()`. viewflow's wrapper has already locked the process and started the activation."""

    def perform(self, form) -> str:
        raise NotImplementedError

    def done_url(self) -> str:
        from django.urls import reverse

        return reverse("flows:inbox")

    def form_valid(self, form):
        with task_index.batch():  # the service's writes, this task done and the next ones: 待办索引 written once
            try:
                message = self.perform(form)
            except ValidationError as exc:
                error = exc
            else:
                error = None
                self.request.activation.execute()
        if error is not None:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, message)
        return redirect(self.done_url())


class TaskView(PerformTaskMixin, generic.FormView):
    template_name = "flows/task.html"
    form_class = forms.Form
    intro = ""

    @property
    def artifact(self):
        return self.request.activation.process.artifact

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        activation = self.request.activation
        ctx.update(task=activation.task, process=activation.process, subject=self.artifact,
                   task_title=activation.flow_task.task_title, intro=self.intro,
                   profile=get_profile(self.artifact.jurisdiction))
        return ctx
