"""The register in the Wagtail admin: ID numbers and phones masked in lists, in full on the detail view
for bureau staff only; eligibility results shown with their articles."""
import pytest
from django.test import Client

from roles.definitions import OFFICER, SUPERVISOR
from supervisors.models import Application, Supervisor
from tests.supervisors.lifecycle import recruit


@pytest.mark.django_db
def test_register_masks_personal_data_in_lists_and_shows_it_to_staff_on_detail(site_tree, make_user):
    from roles.definitions import LEADER

    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    recruit("wanzhou", officer, leader)
    sup = Supervisor.objects.get()
    client = Client()
    client.force_login(officer)
    listing = client.get("/admin/supervisor_register/").content.decode()
    assert sup.name in listing and sup.id_number not in listing and sup.phone not in listing
    assert sup.id_number[:6] + "********" in listing
    detail = client.get(f"/admin/supervisor_register/inspect/{sup.pk}/").content.decode()
    assert sup.id_number in detail
    app = Application.objects.get()
    inspect = client.get(f"/admin/supervisor_applications/inspect/{app.pk}/").content.decode()
    assert "《万州区行政执法监督员管理办法》第五条第（四）项" in inspect
    applications = client.get("/admin/supervisor_applications/").content.decode()
    assert app.id_number not in applications
    # a supervisor account cannot open the register at all
    other = make_user("sup_user", SUPERVISOR)
    client.force_login(other)
    assert client.get(f"/admin/supervisor_register/inspect/{sup.pk}/").status_code in (302, 403)
