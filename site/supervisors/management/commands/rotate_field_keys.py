"""Re-encrypt every encrypted personal-data field with the newest key in FIELD_ENCRYPTION_KEYS
(README, "Personal data"): put the new key first, run this, then drop the old key."""
from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from crypto_fields import BlindIndexField, EncryptedCharField
from progress import Progress


class Command(BaseCommand):
    help = "用最新密钥重新加密全部个人信息字段（密钥轮换）"

    def handle(self, *args, **options):
        total = 0
        for model in apps.get_models():
            fields = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedCharField)]
            if not fields:
                continue
            hashes = [f.name for f in model._meta.concrete_fields if isinstance(f, BlindIndexField)]
            count = 0
            with transaction.atomic(), Progress.for_command(
                    self, f"重新加密·{model._meta.label}", model._base_manager.count()) as bar:
                for obj in bar.iter(model._base_manager.select_for_update().iterator()):
                    obj.save(update_fields=[*fields, *hashes])  # decrypted with any key, encrypted with the first
                    count += 1
            total += count
            self.stdout.write(f"{model._meta.label}: {count} 条记录已用最新密钥重新加密（{', '.join(fields)}）")
        self.stdout.write(f"共 {total} 条记录。")
