from django.core.management.base import BaseCommand

from courses.models import LessonPage, ModulePage
from courses.starter import starter_course_ensure


class Command(BaseCommand):
    help = "Crée la formation « Élus 2.0 » si elle n'existe pas (idempotent)."

    def handle(self, *args, **options):
        course = starter_course_ensure()
        modules = ModulePage.objects.child_of(course).count()
        lessons = LessonPage.objects.descendant_of(course).count()
        self.stdout.write(f"Formation « {course.title} » : {modules} modules, {lessons} leçons.")
