"""With REDIS_URL set, every process shares one cache: a value written by one process (a page cached,
a throttle counted) is read by another. Runs when TEST_REDIS_URL points at a Redis server (.ci/run sets
it when one answers); skipped with the reason otherwise."""
import os
import subprocess
import sys
import uuid

import pytest

REDIS = os.environ.get("TEST_REDIS_URL", "")


@pytest.mark.skipif(not REDIS, reason="TEST_REDIS_URL 未设置：没有 Redis 服务器，跳过跨进程共享缓存测试")
def test_a_value_cached_by_one_process_is_seen_and_deleted_by_another(settings):
    from django.core.cache.backends.redis import RedisCache

    key, value = f"shared-{uuid.uuid4().hex}", "已发布"
    from cryptography.fernet import Fernet

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.production", "REDIS_URL": REDIS,
           "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "localhost",
           "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(), "FIELD_HASH_KEY": "shared-cache-test"}
    script = ("import django, sys; sys.path[:0] = ['.', 'site']; django.setup(); "
              "from django.core.cache import cache; "
              f"cache.set({key!r}, {value!r}, 60); print(cache.get({key!r}))")
    other = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
                           cwd=settings.BASE_DIR)
    assert other.returncode == 0, other.stderr[-2000:]
    assert other.stdout.strip().endswith(value)
    here = RedisCache(REDIS, {"KEY_PREFIX": "supervision"})
    assert here.get(key) == value
    here.delete(key)  # an invalidation in this process ...
    again = subprocess.run([sys.executable, "-c", script.replace(f"cache.set({key!r}, {value!r}, 60); ", "")],
                           env=env, capture_output=True, text=True, timeout=120, cwd=settings.BASE_DIR)
    assert again.stdout.strip().endswith("None")  # ... is seen by the other
