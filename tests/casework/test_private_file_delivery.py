"""Storages from the environment (settings/file_storages.py) and how a private file leaves the server once
the permission check passed: nginx's X-Accel-Redirect, or a short-lived signed URL of the object store.
The public and the wrong liaison get neither."""
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from freezegun import freeze_time
from storages.backends.s3 import S3Storage

from casework import services
from casework.models import Attachment
from settings.file_storages import storages_from_env

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def client_for(user):
    c = Client()
    c.force_login(user)
    return c


def test_without_settings_both_storages_are_the_file_system():
    assert storages_from_env({}) == {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }


def test_s3_for_public_media_and_private_files_in_separate_buckets():
    env = {"MEDIA_STORAGE": "s3", "PRIVATE_STORAGE": "S3", "S3_ENDPOINT_URL": "https://oss.example.gov.cn",
           "S3_REGION_NAME": "cn-chongqing", "S3_ACCESS_KEY_ID": "AKID", "S3_SECRET_ACCESS_KEY": "SECRET",
           "S3_MEDIA_BUCKET": "jiandu-public", "S3_MEDIA_CUSTOM_DOMAIN": "files.example.gov.cn",
           "S3_PRIVATE_BUCKET": "jiandu-cases", "S3_PRIVATE_PREFIX": "cases", "S3_PRIVATE_URL_SECONDS": "30"}
    common = {"file_overwrite": False, "signature_version": "s3v4", "endpoint_url": "https://oss.example.gov.cn",
              "region_name": "cn-chongqing",
              "access_key": "AKID", "secret_key": "SECRET"}
    assert storages_from_env(env) == {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            **common, "bucket_name": "jiandu-public", "location": "media", "querystring_auth": False,
            "custom_domain": "files.example.gov.cn"}},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        "private": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            **common, "bucket_name": "jiandu-cases", "location": "cases", "default_acl": "private",
            "querystring_auth": True, "querystring_expire": 30, "custom_domain": None}},
    }


def test_only_private_files_on_s3_keeps_public_media_on_disk_and_boto3_credentials_chain():
    stores = storages_from_env({"PRIVATE_STORAGE": "s3", "S3_PRIVATE_BUCKET": "cases"})
    assert stores["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert stores["private"]["OPTIONS"] == {"file_overwrite": False, "signature_version": "s3v4",
                                            "bucket_name": "cases", "location": "private",
                                            "default_acl": "private", "querystring_auth": True,
                                            "querystring_expire": 60, "custom_domain": None}


@pytest.mark.parametrize("env, message", [
    ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE='ftp' 无效：只能是 file 或 s3。"),
    ({"PRIVATE_STORAGE": "s3"}, "PRIVATE_STORAGE=s3 需要设置 S3_PRIVATE_BUCKET（存储桶名称）。"),
])
def test_a_wrong_storage_setting_stops_the_start_with_a_chinese_message(env, message):
    with pytest.raises(ImproperlyConfigured) as refused:
        storages_from_env(env)
    assert str(refused.value).startswith(message)


@pytest.fixture
def evidence(matter, staff, make_agency):
    att = services.attachment_add(matter=matter, upload=SimpleUploadedFile("证据.pdf", PDF_BYTES), by=staff["officer"])
    return {"attachment": att, "url": f"/admin/casework/files/attachment/{att.pk}/",
            "own": matter.agency.liaisons.get(), "other": make_agency("武隆区城市管理局", liaison="lx_other2").liaisons.get()}


def test_behind_nginx_the_right_liaison_gets_an_x_accel_redirect_and_no_one_else_does(evidence, settings):
    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = "/protected/"
    att, url = evidence["attachment"], evidence["url"]
    served = client_for(evidence["own"]).get(url)
    assert served.status_code == 200 and served.content == b""
    assert served["X-Accel-Redirect"] == "/protected/" + att.file.name
    assert served["X-Accel-Redirect"].startswith("/protected/attachments/") and att.file.name.endswith(".pdf")
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"] == "inline; filename*=utf-8''%E8%AF%81%E6%8D%AE.pdf"
    assert served["Cache-Control"].startswith("private, no-store")
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    wrong = client_for(evidence["other"]).get(url)
    assert wrong.status_code == 302 and wrong["Location"] == "/admin/"
    assert not anonymous.has_header("X-Accel-Redirect") and not wrong.has_header("X-Accel-Redirect")
    assert client_for(evidence["own"]).get("/admin/casework/files/attachment/999999/").status_code == 404
    att.file.storage.delete(att.file.name)
    assert client_for(evidence["own"]).get(url).status_code == 404  # file gone: 404, not an empty answer


@freeze_time("2026-09-21 02:00:00")
def test_on_an_object_store_the_right_liaison_is_sent_to_a_60_second_signed_url(evidence, monkeypatch):
    field = Attachment._meta.get_field("file")
    monkeypatch.setattr(field, "storage", S3Storage(
        bucket_name="jiandu-cases", location="private", endpoint_url="http://127.0.0.1:9000", access_key="AKID",
        secret_key="SECRET", region_name="cn-chongqing", addressing_style="path", querystring_expire=60,
        default_acl="private", custom_domain=None, signature_version="s3v4"))
    Attachment.objects.filter(pk=evidence["attachment"].pk).update(file="attachments/2026/0a1b2c.pdf")
    served = client_for(evidence["own"]).get(evidence["url"])
    assert served.status_code == 302 and served["Cache-Control"].startswith("private, no-store")
    location = served["Location"]
    assert location.startswith("http://127.0.0.1:9000/jiandu-cases/private/attachments/2026/0a1b2c.pdf?")
    assert "X-Amz-Expires=60" in location and "X-Amz-Date=20260921T020000Z" in location
    assert "X-Amz-Credential=AKID%2F20260921%2Fcn-chongqing%2Fs3%2Faws4_request" in location
    assert "response-content-type=application%2Fpdf" in location and "X-Amz-Signature=" in location
    wrong = client_for(evidence["other"]).get(evidence["url"])
    assert wrong.status_code == 302 and wrong["Location"] == "/admin/"
    assert Client().get(evidence["url"])["Location"].startswith("/admin/login/")
