import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"elu{n}@example.org")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Martin{n}")
    mandate = "conseiller_municipal"
    collectivite = "Saint-Aubin-sur-Loire"
    password = factory.django.Password("motdepasse-de-test")

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        """allauth requires a verified address to log in; tests get one unless they say otherwise."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)
