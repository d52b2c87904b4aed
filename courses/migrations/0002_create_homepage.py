"""Replace Wagtail's placeholder page with our HomePage and point the default site at it."""

from django.db import migrations

INTRO = (
    "<p>Des leçons courtes pour les élus locaux : réseaux sociaux, dialogue avec les habitants, "
    "e-réputation et veille. À suivre entre deux conseils, sur téléphone ou sur ordinateur.</p>"
)


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("courses.HomePage")

    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="courses")
    locale = Locale.objects.order_by("pk").first()
    home = HomePage.objects.create(
        title="élus 2.0",
        draft_title="élus 2.0",
        slug="accueil",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/accueil/",
        locale=locale,
        intro=INTRO,
        call_to_action="Voir les formations",
        live=True,
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "élus 2.0"},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("courses.HomePage").objects.filter(slug="accueil", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
