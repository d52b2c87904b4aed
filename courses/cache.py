"""Rendered course content is cached per page, revision, language and content generation.

Publishing, unpublishing, moving or deleting any page bumps the generation (signals in
signals.py), so no cached fragment outlives the content it shows. The cache is Redis when
REDIS_URL is set, the database cache otherwise.
"""

from django.core.cache import cache

GENERATION_KEY = "courses:content-generation"


def content_generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def content_generation_bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)
