"""The person's account, their sign-in records, and what Django, allauth and Wagtail keep about
them: declared for export and erasure (see personal_data.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .personal_data import declare, rows

EDITORIAL = _(
    "Historique éditorial des contenus : conservé, rattaché au compte anonymisé, sans nom."
)


def _delete(model_path: str, field: str = "user"):
    def erase(user) -> None:
        from django.apps import apps

        apps.get_model(model_path).objects.filter(**{field: user}).delete()

    return erase


def _export(model_path: str, *fields: str, field: str = "user"):
    def export(user) -> list[dict]:
        from django.apps import apps

        return rows(apps.get_model(model_path).objects.filter(**{field: user}), *fields)

    return export


def _group_names(user) -> list[str]:
    return list(user.groups.values_list("name", flat=True))


def _unlock_pages(user) -> None:
    from wagtail.models import Page

    Page.objects.filter(locked_by=user).update(locked=False, locked_by=None, locked_at=None)


def _profile_avatar_delete(user) -> None:
    from wagtail.users.models import UserProfile

    for profile in UserProfile.objects.filter(user=user):
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()


def declare_all() -> None:
    declare(
        "users.User_groups.user",
        section="roles",
        export=_group_names,
        erase=lambda user: user.groups.clear(),
    )
    declare(
        "users.User_user_permissions.user",
        erase=lambda user: user.user_permissions.clear(),
    )
    declare(
        "users.SignInLink.user",
        section="liens_de_connexion",
        export=_export("users.SignInLink", "created_at", "expires_at", "used_at", "next_url"),
        erase=_delete("users.SignInLink"),
    )
    declare(
        "account.EmailAddress.user",
        section="adresses_email",
        export=_export("account.EmailAddress", "email", "verified", "primary"),
        erase=_delete("account.EmailAddress"),
    )
    declare(
        "mfa.Authenticator.user",
        section="double_authentification",
        export=_export("mfa.Authenticator", "type", "created_at", "last_used_at"),
        erase=_delete("mfa.Authenticator"),
    )
    declare("wagtailusers.UserProfile.user", erase=_profile_avatar_delete)
    declare("wagtailadmin.EditingSession.user", erase=_delete("wagtailadmin.EditingSession"))
    declare("wagtailadmin.FormState.user", erase=_delete("wagtailadmin.FormState"))
    declare("wagtailcore.APIToken.user", erase=_delete("wagtailcore.APIToken"))
    declare("wagtailcore.PageSubscription.user", erase=_delete("wagtailcore.PageSubscription"))
    declare("wagtailcore.Page.locked_by", erase=_unlock_pages)
    declare(
        "wagtailcore.Comment.user",
        section="commentaires_editoriaux",
        export=_export("wagtailcore.Comment", "text", "created_at", "updated_at"),
        kept_because=EDITORIAL,
    )
    declare(
        "wagtailcore.CommentReply.user",
        section="commentaires_editoriaux",
        export=_export("wagtailcore.CommentReply", "text", "created_at", "updated_at"),
        kept_because=EDITORIAL,
    )
    declare(
        "wagtailcore.Revision.user",
        section="revisions_de_contenu",
        export=_export("wagtailcore.Revision", "object_str", "created_at"),
        kept_because=EDITORIAL,
    )
    for label in (
        "wagtailcore.Page.owner",
        "wagtailcore.PageLogEntry.user",
        "wagtailcore.ModelLogEntry.user",
        "wagtailcore.WorkflowState.requested_by",
        "wagtailcore.TaskState.finished_by",
        "wagtailcore.Comment.resolved_by",
        "wagtailcore.UploadedFile.uploaded_by_user",
        "wagtaildocs.Document.uploaded_by_user",
        "wagtailimages.Image.uploaded_by_user",
        "admin.LogEntry.user",
    ):
        declare(label, kept_because=EDITORIAL)
