"""`is_staff` follows the roles: a person holding a staff role (trainer, approver, follow-up
staff, admin) is staff, and stops being staff with the last one. Pages then tell staff from
learners without a query (the MFA wall, the learner page cache, the header's admin links).

Enrolling TOTP counts as passing the second factor for the session that did it (mfa_wall.py)."""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from .roles import ADMIN_ROLES

User = get_user_model()


def staff_flags_sync(user_ids) -> None:
    names = [role.value for role in ADMIN_ROLES]
    users = User.objects.filter(pk__in=user_ids)
    users.filter(groups__name__in=names).update(is_staff=True)
    users.exclude(groups__name__in=names).filter(is_superuser=False).update(is_staff=False)


@receiver(m2m_changed, sender=User.groups.through)
def _roles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:  # user.groups.add(...): the instance is the person
        staff_flags_sync([instance.pk])
        instance.is_staff = (
            User.objects.filter(pk=instance.pk).values_list("is_staff", flat=True).first()
        )
    elif pk_set:  # group.user_set.add(...): the people are in pk_set
        staff_flags_sync(pk_set)
    else:  # group.user_set.clear(): whoever was in it
        staff_flags_sync(User.objects.filter(is_staff=True, is_superuser=False).values("pk"))


@receiver(authenticator_added)
def _enrolment_proves_the_factor(sender, request, user, authenticator, **kwargs):
    """Activating TOTP needs a valid code: the session that did it has passed the factor."""
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
