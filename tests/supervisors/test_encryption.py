"""issue 12, personal data at rest: supervisors' and applications' ID number, phone, address, e-mail
and objection contacts are stored as Fernet tokens (crypto_fields), read back in plain text, found by
their keyed hash (uniqueness, lookups), masked in lists; existing rows are encrypted by the data
migration; keys rotate; production refuses to start without keys; the closure summary copies no
contact or ID text."""
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from freezegun import freeze_time

import crypto_fields
from public_notices.models import Objection, PublicityClosure
from supervisors.models import Application, Campaign, Supervisor
from tests.public_notices.conftest import candidates, publish_list  # noqa: F401  (fixtures)
from tests.supervisors.helpers import id_number

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
ID = id_number(dt.date(1980, 5, 1), 1)  # 110105198005010011-like, valid check digit


def raw(model, pk, *columns):
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()


def make_supervisor(**extra):
    data = dict(jurisdiction="wanzhou", name="周明", gender="male", birth_date=dt.date(1980, 5, 1), id_number=ID,
                phone="13800138000", address="万州区某路1号", workplace="某律师事务所")
    data.update(extra)
    sup = Supervisor(**data)
    sup.full_clean()
    sup.save()
    return sup


def make_application(**extra):
    campaign = Campaign.objects.create(jurisdiction="wanzhou", title="选聘", places=1, deadline=dt.date(2026, 6, 10),
                                       opened_on=dt.date(2026, 6, 1))
    data = dict(campaign=campaign, name="周明", gender="male", birth_date=dt.date(1980, 5, 1), id_number=ID,
                phone="13800138000", address="万州区某路1号", email="zhouming@example.cn", workplace="某律师事务所",
                education="bachelor", applied_on=dt.date(2026, 6, 2))
    data.update(extra)
    return Application.objects.create(**data)


def test_supervisor_personal_data_is_ciphertext_in_the_database_and_plain_in_python():
    sup = make_supervisor()
    stored = raw(Supervisor, sup.pk, "id_number", "phone", "address", "id_number_hash")
    for value, plain in zip(stored[:3], (ID, "13800138000", "万州区某路1号"), strict=True):
        assert value.startswith("gAAAAA") and plain not in value
    assert len(stored[3]) == 64 and ID not in stored[3]
    again = Supervisor.objects.get(pk=sup.pk)
    assert (again.id_number, again.phone, again.address) == (ID, "13800138000", "万州区某路1号")
    assert again.masked_id_number() == ID[:6] + "********" + ID[-4:]


def test_application_and_objection_personal_data_is_ciphertext(publish_list):  # noqa: F811
    app = make_application()
    for value in raw(Application, app.pk, "id_number", "phone", "address", "email"):
        assert value.startswith("gAAAAA")
    assert Application.objects.get(pk=app.pk).email == "zhouming@example.cn"
    with freeze_time("2026-09-29 08:00:00"):
        page = publish_list("wanzhou", start=dt.date(2026, 9, 29))
    objection = Objection.objects.create(page=page, person_concerned="刘明", objector_name="张三",
                                         contact="13700001111", facts="有利益关联。")
    (contact,) = raw(Objection, objection.pk, "contact")
    assert contact.startswith("gAAAAA") and "13700001111" not in contact
    assert Objection.objects.get(pk=objection.pk).masked_contact() == "137****1111"


def test_lookups_and_uniqueness_use_the_keyed_hash():
    sup = make_supervisor()
    assert Supervisor.objects.get(id_number=ID) == sup
    assert Supervisor.objects.filter(id_number=ID.lower()).exists()  # normalised: x and X are the same
    assert list(Supervisor.objects.filter(id_number__in=[ID, "nobody"])) == [sup]
    assert not Supervisor.objects.filter(id_number="110105198005010029").exists()
    with pytest.raises(ValidationError) as caught:
        make_supervisor(name="另一人")
    assert "本辖区监督员名册中已有该身份证号码的人员。" in str(caught.value)
    make_supervisor(jurisdiction="wuhan")  # another register may hold the same person
    with pytest.raises(FieldError):
        list(Supervisor.objects.filter(id_number__contains="1101"))  # a token cannot be searched


def test_editing_the_id_number_moves_its_hash():
    sup = make_supervisor()
    new = id_number(dt.date(1980, 5, 1), 3)
    sup.id_number = new
    sup.save()
    assert Supervisor.objects.get(id_number=new) == sup
    assert not Supervisor.objects.filter(id_number=ID).exists()


def test_admin_list_still_shows_masked_values(make_user):
    make_supervisor()
    client = Client()
    client.force_login(make_user("admin"))
    html = client.get("/admin/supervisor_register/").content.decode()
    assert ID[:6] + "********" + ID[-4:] in html and ID not in html
    assert "138****8000" in html


def test_the_data_migration_encrypts_existing_plain_rows():
    from django.apps import apps

    sup = make_supervisor()
    with connection.cursor() as cursor:  # as a row written before this release
        cursor.execute("UPDATE supervisors_supervisor SET id_number = %s, phone = %s, id_number_hash = '' "
                       "WHERE id = %s", [ID, "13800138000", sup.pk])
    assert Supervisor.objects.get(pk=sup.pk).id_number == ID  # legacy plain text still reads
    crypto_fields.encrypt_rows("supervisors", "Supervisor", ["id_number", "phone", "address"])(apps, None)
    stored = raw(Supervisor, sup.pk, "id_number", "phone", "id_number_hash")
    assert stored[0].startswith("gAAAAA") and stored[1].startswith("gAAAAA") and len(stored[2]) == 64
    assert Supervisor.objects.get(id_number=ID).phone == "13800138000"


def test_keys_rotate_with_the_command():
    from django.conf import settings

    old = settings.FIELD_ENCRYPTION_KEYS
    sup = make_supervisor()
    new_key = Fernet.generate_key().decode()
    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key, *old]):
        assert Supervisor.objects.get(pk=sup.pk).id_number == ID  # old tokens still read
        call_command("rotate_field_keys", stdout=open(os.devnull, "w"))
    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key]):  # the old key dropped
        assert Supervisor.objects.get(pk=sup.pk).id_number == ID
        assert Supervisor.objects.get(id_number=ID) == sup


def test_production_settings_refuse_to_start_without_keys():
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELD_")}
    env.update(SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.gov.cn", DJANGO_SETTINGS_MODULE="settings.production")
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "FIELD_ENCRYPTION_KEYS" in result.stderr
    env["FIELD_ENCRYPTION_KEYS"] = Fernet.generate_key().decode()
    env["FIELD_HASH_KEY"] = "a-long-random-hash-key"
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_closure_summary_copies_no_contact_or_id_text(publish_list):  # noqa: F811
    from public_notices.services import publicity_close

    with freeze_time("2026-09-29 08:00:00"):
        page = publish_list("wanzhou", start=dt.date(2026, 9, 29))
    Objection.objects.create(page=page, person_concerned="刘明", objector_name="张三", contact="13700001111",
                             facts=f"我是{ID}，电话13900002222，邮箱zs@example.cn，该同志有利益关联。")
    publicity_close(page=page, today=dt.date(2026, 10, 20))
    summary = PublicityClosure.objects.get(page=page).summary
    for secret in ("13700001111", ID, "13900002222", "zs@example.cn"):
        assert secret not in summary
    assert "该同志有利益关联" in summary
