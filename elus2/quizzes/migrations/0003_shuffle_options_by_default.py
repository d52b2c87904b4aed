"""Options are shuffled by default. Rows saved before this had the box unticked because it was the
default, not by choice (the form offered no reason to tick it), and their quizzes could be passed
by always picking the first option: they are switched on too. A trainer who wants a fixed order
unticks it again. Attempts already drawn keep the order stored in their snapshot."""

from django.db import migrations, models


def shuffle_existing(apps, schema_editor):
    apps.get_model("quizzes", "QuizSettings").objects.update(shuffle_options=True)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0002_trainers_edit_quiz_settings"),
    ]

    operations = [
        migrations.AlterField(
            model_name="quizsettings",
            name="shuffle_options",
            field=models.BooleanField(
                default=True,
                help_text=(
                    "Chaque tentative présente les réponses dans son propre ordre, gardé jusqu'à "
                    "son envoi et enregistré avec elle."
                ),
                verbose_name="mélanger les réponses proposées",
            ),
        ),
        migrations.RunPython(shuffle_existing, migrations.RunPython.noop),
    ]
