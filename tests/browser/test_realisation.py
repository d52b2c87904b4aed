"""Staff read a member's taux de réalisation and open the steps behind it, on a phone and on a
desktop (axe clean, no sideways scroll); screenshots under var/screens/ to look at."""

import pytest

from elus2.learning.services import enrolment_create, lesson_progress_complete
from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    page_close,
    page_open_at,
    screenshot,
)
from tests.browser.test_staff_dashboard import log_in
from tests.factories.learning import learning_course_build
from tests.factories.reporting import cohort_create, member_add, staff_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_a_members_taux_de_realisation(chromium, live_server, width):
    built = learning_course_build(modules=2, lessons_per_module=2, minutes=[10, 20, 5, 15])
    staff = staff_create()
    cohort = cohort_create(courses=[built.course], staff=[staff])
    official = member_add(cohort, first_name="Alice", last_name="Dupont")
    enrolment_create(user=official, course=built.course)
    for lesson in built.lessons[:2]:
        lesson_progress_complete(user=official, lesson=lesson, source=lesson.completion_rule)
    context, page = page_open_at(chromium, width)
    url = f"/suivi/promotions/{cohort.pk}/membres/{official.pk}/"
    log_in(page, live_server, staff, url)
    assert page.locator(".realisation__percent").inner_text() == "60\u00a0%"  # 30 / 50
    page.get_by_text("Voir les étapes du calcul").click()
    assert page.get_by_role("row").filter(has_text="non terminée").count() == 2
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    screenshot(page, f"realisation-{width}")
    page_close(context, page)
