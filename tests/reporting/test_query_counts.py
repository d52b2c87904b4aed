"""The dashboard, its filters, a learner page and the exports cost the same number of queries for
30 learners and for 3,000 (the issue's "done when"). Learners are written in bulk by the bench's
seeding function; each page is requested once to warm the caches, then measured."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from elus2.reporting.management.commands.bench_cohort_seed import cohort_learners_bulk_create
from elus2.reporting.selectors import cohort_learner_list
from tests.factories.learning import client_for, learning_course_build, queries_without_cache
from tests.factories.reporting import cohort_create, staff_create

pytestmark = pytest.mark.django_db

DASHBOARD_MAX_QUERIES = 16


def measure(client, url: str, params: dict) -> list[str]:
    client.get(url, params)  # warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, (url, params)
    return queries_without_cache(captured.captured_queries)


def test_same_queries_for_30_and_3000_learners():
    built = learning_course_build(modules=3, lessons_per_module=3, fast=True)
    staff = staff_create()
    cohort = cohort_create(courses=[built.course], staff=[staff])
    client = client_for(staff)
    cohort_learners_bulk_create(
        cohort=cohort, course=built.course, count=30, progress="reached", email_prefix="a"
    )
    first = cohort_learner_list(cohort=cohort, course=built.course)[0:1][0]
    dashboard = reverse("reporting:cohort_dashboard", kwargs={"cohort_id": cohort.pk})
    pages = {
        "dashboard": (dashboard, {}),
        "dashboard, stalled only": (dashboard, {"stalled": "1", "stalled_days": "3"}),
        "learner": (
            reverse(
                "reporting:learner_detail",
                kwargs={"cohort_id": cohort.pk, "user_id": first.user_id},
            ),
            {},
        ),
        "report": (reverse("reporting:report_preview", kwargs={"cohort_id": cohort.pk}), {}),
        "csv": (reverse("reporting:learners_csv", kwargs={"cohort_id": cohort.pk}), {}),
        "modules csv": (reverse("reporting:modules_csv", kwargs={"cohort_id": cohort.pk}), {}),
    }
    small = {name: measure(client, url, params) for name, (url, params) in pages.items()}

    cohort_learners_bulk_create(
        cohort=cohort, course=built.course, count=2970, progress="reached", email_prefix="b"
    )
    assert cohort.memberships.count() == 3000
    large = {name: measure(client, url, params) for name, (url, params) in pages.items()}
    large_page_2 = measure(client, dashboard, {"page": "2"})

    for name in pages:
        assert len(large[name]) == len(small[name]), (
            name,
            "\n".join(q[:150] for q in large[name]),
        )
    assert len(large_page_2) == len(large["dashboard"])
    assert len(large["dashboard"]) <= DASHBOARD_MAX_QUERIES, "\n".join(
        q[:150] for q in large["dashboard"]
    )


def test_dashboard_pages_the_learner_table():
    built = learning_course_build(modules=1, lessons_per_module=2, fast=True)
    staff = staff_create()
    cohort = cohort_create(courses=[built.course], staff=[staff])
    cohort_learners_bulk_create(
        cohort=cohort, course=built.course, count=130, progress="reached", email_prefix="p"
    )
    client = client_for(staff)
    dashboard = reverse("reporting:cohort_dashboard", kwargs={"cohort_id": cohort.pk})
    first = client.get(dashboard).content.decode()
    second = client.get(dashboard, {"page": "2"}).content.decode()
    assert "Page 1 sur 2" in first and "Page 2 sur 2" in second
    rows = cohort_learner_list(cohort=cohort, course=built.course)
    assert rows[0:1][0].name in first and rows[129:130][0].name in second
    assert rows[129:130][0].name not in first
