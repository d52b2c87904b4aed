from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses import views as course_views
from elus2.users import login_code, my_account

from . import views
from .reporting import urls as reporting_urls

# The Django admin logs in through allauth (code, verification and, later, MFA apply there too).
admin.autodiscover()
admin.site.login = secure_admin_login(admin.site.login)
ACCOUNT_PASSWORD_RESET = reverse_lazy("account_reset_password")
ACCOUNT_PASSWORD_CHANGE = reverse_lazy("account_change_password")

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("readyz/", views.readyz, name="readyz"),
    # Browsers ask for /favicon.ico whatever the page says; send them to the real icon.
    path("favicon.ico", views.favicon),
    path("langue/<str:code>/", views.language_switch, name="language_switch"),
    # Before allauth's own: the same page, with the wrong-code limit (429).
    path(
        "accounts/login/code/confirm/",
        login_code.confirm_login_code,
        name="account_confirm_login_code",
    ),
    path("accounts/", include("allauth.urls")),
    path("parcours/certificats/", include((reporting_urls.learner_urlpatterns, "certificates"))),
    path("parcours/", include("elus2.learning.urls")),
    path("quiz/", include("elus2.quizzes.urls")),
    path(
        "suivi/certificats/",
        include((reporting_urls.certificate_admin_urlpatterns, "certificate_admin")),
    ),
    path("suivi/", include("elus2.cohorts.urls")),
    path("suivi/", include("elus2.reporting.urls")),
    path("rapport/", include((reporting_urls.public_urlpatterns, "reporting_public"))),
    path("verifier/", include((reporting_urls.verification_urlpatterns, "verification"))),
    path("", include("elus2.users.urls")),
    # /suivi/promotions/<id>/relances/ and the one-click /desinscription/<token>/.
    path("", include("elus2.reminders.urls")),
    path("", include("elus2.outbox.urls")),
    path("mon-compte/", include(my_account)),
    path("confidentialite/", views.privacy, name="privacy"),
    path("admin-login/", views.admin_login, name="admin_login"),
    path("django-admin/password_change/", RedirectView.as_view(url=ACCOUNT_PASSWORD_CHANGE)),
    path("django-admin/", admin.site.urls),
    # One way in, allauth's (rate limits, second factor): Wagtail's own login and password
    # views, which would sign in with the password alone, are shadowed here, like Django
    # admin's password change above (its login is allauth's, see secure_admin_login). Its
    # logout, which a plain link (GET) would trigger, leads to allauth's confirmation.
    path("admin/login/", views.admin_login),
    path("admin/logout/", RedirectView.as_view(pattern_name="account_logout")),
    # Wagtail's own reset would be a second flow, unlimited and open to anyone: every step of it
    # leads to allauth's, which is rate-limited.
    path("admin/password_reset/", RedirectView.as_view(url=ACCOUNT_PASSWORD_RESET)),
    path("admin/password_reset/<path:rest>", RedirectView.as_view(url=ACCOUNT_PASSWORD_RESET)),
    path("_util/login/", views.page_login),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("dev/mail/", views.dev_mail_list, name="dev_mail_list"),
    path("dev/mail/<str:name>/", views.dev_mail_detail, name="dev_mail_detail"),
    path("recherche/", course_views.lesson_search, name="lesson_search"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path from the page tree: keep it last.
urlpatterns += [path("", include(wagtail_urls))]
