"""The page tree a test needs. Transactional tests (browser tests) start from a flushed database,
without the rows the data migrations made, so they rebuild them here."""

from wagtail.models import Locale, Page, Site

from courses.models import HomePage


def home_page_ensure() -> HomePage:
    home = HomePage.objects.first()
    if home:
        return home
    Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = root.add_child(
        instance=HomePage(title="élus 2.0", slug="accueil", intro="<p>Bienvenue.</p>")
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home
