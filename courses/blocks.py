"""Lesson blocks and quiz question blocks.

Each block has a learner template in templates/courses/blocks/, help text written for trainers,
and a preview value for the admin's block chooser. Quiz answers are keyed by the stable ids Wagtail
gives stream children and list items, never by position (shared/STYLE.md rule 4). No raw HTML block.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# The admin block picker shows each block through this page, styled like the learner site.
PREVIEW_TEMPLATE = "courses/blocks/preview.html"


class Network(blocks.ChoiceBlock):
    choices = [
        ("x", "X (Twitter)"),
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
        ("linkedin", "LinkedIn"),
    ]


REPLY_TONES = [
    ("positive", _("Bienveillant")),
    ("neutral", _("Neutre")),
    ("question", _("Question")),
    ("critical", _("Critique")),
    ("hostile", _("Hostile")),
    ("troll", _("Troll")),
]
RESULT_TONES = [("positive", _("Positif")), ("neutral", _("Neutre")), ("negative", _("Négatif"))]


SAMPLE_POST = {
    "network": "x",
    "author": "Mairie de Saint-Aubin",
    "handle": "@MairieStAubin",
    "text": "Conseil municipal ce soir à 19 h, en direct sur notre compte.",
    "date": datetime.date(2026, 3, 14),
    "likes": 42,
    "shares": 7,
    "comments": 5,
}


# --- Lesson blocks ------------------------------------------------------------------------------


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Intertitre")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/heading.html"
        help_text = _("Un titre court qui annonce la partie suivante de la leçon.")
        preview_value = "Pourquoi répondre aux habitants en ligne"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Texte")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/paragraph.html"
        help_text = _("Le texte de la leçon : gras, italique, liens et listes.")
        preview_value = (
            "<p>Un habitant pose une question sous votre publication : une réponse rapide et "
            "polie montre que la mairie écoute.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Texte alternatif"),
        required=False,
        max_length=250,
        help_text=_("Décrivez ce que montre l'image pour une personne qui ne la voit pas."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Image décorative"),
        required=False,
        help_text=_("Cochez seulement si l'image n'apporte aucune information."),
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt": ValidationError(
                        _("Le texte alternatif est obligatoire, sauf pour une image décorative.")
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/image.html"
        help_text = _("Une image avec son texte alternatif.")
        preview_value = {
            "alt": "Capture d'écran d'une page Facebook de mairie",
            "caption": "Exemple",
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("Adresse de la vidéo"),
        help_text=_(
            "Lien YouTube, Dailymotion ou PeerTube (copiez l'adresse de la page de la vidéo)."
        ),
    )
    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    transcript = blocks.TextBlock(
        label=_("Transcription"),
        help_text=_("Le texte de la vidéo, pour qui ne peut pas l'écouter."),
    )

    class Meta:
        icon = "media"
        label = _("Vidéo")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/video.html"
        help_text = _("Une vidéo en ligne, toujours accompagnée de sa transcription.")
        preview_value = {
            "title": "Témoignage d'une maire",
            "transcript": "« Au début, je publiais une fois par mois… »",
        }


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(
        label=_("Chiffre"), max_length=30, help_text=_("Par exemple « 22 % ».")
    )
    label = blocks.CharBlock(label=_("Ce qu'il mesure"), max_length=200)
    source = blocks.CharBlock(label=_("Source"), max_length=250)

    class Meta:
        icon = "pick"
        label = _("Chiffre clé")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/key_figure.html"
        help_text = _("Un chiffre marquant, toujours avec sa source.")
        preview_value = {
            "number": "22 %",
            "label": "des députés français avaient un compte Twitter en 2011",
            "source": "Étude Élus 2.0, septembre 2011",
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citation"))
    author = blocks.CharBlock(label=_("Auteur"), max_length=120)
    role = blocks.CharBlock(label=_("Fonction"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        label = _("Citation ou témoignage")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/quote.html"
        help_text = _(
            "Les mots d'un élu, d'un habitant ou d'un expert, avec son nom et sa fonction."
        )
        preview_value = {
            "text": "Répondre le soir même a désamorcé la polémique.",
            "author": "Claire Morel",
            "role": "Maire (personnage fictif)",
        }


class CalloutBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)


class GoodPracticeBlock(CalloutBlock):
    class Meta:
        icon = "tick-inverse"
        label = _("Bonne pratique")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/good_practice.html"
        help_text = _("Un conseil à appliquer, mis en valeur en vert.")
        preview_value = "<p>Publiez l'ordre du jour du conseil la veille.</p>"


class AvoidBlock(CalloutBlock):
    class Meta:
        icon = "warning"
        label = _("À éviter")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/avoid.html"
        help_text = _("Une erreur fréquente à ne pas commettre, mise en valeur en rouge.")
        preview_value = "<p>Supprimer un commentaire critique mais poli.</p>"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Point"), max_length=300), label=_("Points"))

    class Meta:
        icon = "list-ul"
        label = _("Liste de vérification")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/checklist.html"
        help_text = _("Les étapes ou points à vérifier, que l'élu peut cocher mentalement.")
        preview_value = {
            "title": "Avant de publier",
            "items": ["Relire le texte", "Vérifier les chiffres", "Nommer la source"],
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Titre affiché"), max_length=200, required=False)
    description = blocks.CharBlock(label=_("Description"), max_length=300, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/document.html"
        help_text = _("Un modèle, une fiche ou une charte à télécharger.")
        preview_value = {"title": "Modèle de charte de modération", "description": "PDF, 2 pages"}


class SocialPostBlock(blocks.StructBlock):
    network = Network(label=_("Réseau"), default="x")
    author = blocks.CharBlock(label=_("Nom affiché"), max_length=100)
    handle = blocks.CharBlock(
        label=_("Identifiant"), max_length=60, help_text=_("Par exemple @MaireStAubin.")
    )
    text = blocks.TextBlock(label=_("Texte de la publication"))
    date = blocks.DateBlock(label=_("Date"))
    likes = blocks.IntegerBlock(label=_("J'aime"), min_value=0, required=False)
    shares = blocks.IntegerBlock(label=_("Partages"), min_value=0, required=False)
    comments = blocks.IntegerBlock(label=_("Commentaires"), min_value=0, required=False)

    class Meta:
        icon = "comment"
        label = _("Publication (réseau social)")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/social_post.html"
        help_text = _(
            "Une publication fictive qui ressemble à X, Facebook, Instagram ou LinkedIn, pour "
            "montrer un exemple à commenter."
        )
        preview_value = SAMPLE_POST


class ReplyBlock(blocks.StructBlock):
    author = blocks.CharBlock(label=_("Nom affiché"), max_length=100)
    handle = blocks.CharBlock(label=_("Identifiant"), max_length=60, required=False)
    text = blocks.TextBlock(label=_("Réponse"))
    tone = blocks.ChoiceBlock(
        label=_("Ton"),
        choices=REPLY_TONES,
        default="neutral",
        help_text=_(
            "Le ton que l'élu doit apprendre à reconnaître ; il est affiché à côté de la réponse."
        ),
    )


class CommentThreadBlock(blocks.StructBlock):
    post = SocialPostBlock(label=_("Publication"))
    replies = blocks.ListBlock(ReplyBlock(), label=_("Réponses"), min_num=1)

    class Meta:
        icon = "group"
        label = _("Fil de commentaires")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/comment_thread.html"
        help_text = _(
            "Une publication et ses réponses, chacune avec un ton, pour apprendre à y répondre."
        )
        preview_value = {
            "post": SAMPLE_POST,
            "replies": [
                {
                    "author": "Marc D.",
                    "text": "Et les travaux de la rue Haute ?",
                    "tone": "question",
                },
                {"author": "Anonyme75", "text": "Encore du blabla.", "tone": "troll"},
            ],
        }


class SearchResultBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre du résultat"), max_length=200)
    url = blocks.CharBlock(label=_("Adresse affichée"), max_length=200)
    snippet = blocks.TextBlock(label=_("Extrait"))
    tone = blocks.ChoiceBlock(label=_("Tonalité"), choices=RESULT_TONES, default="neutral")


class SearchResultsBlock(blocks.StructBlock):
    query = blocks.CharBlock(
        label=_("Recherche tapée"),
        max_length=150,
        help_text=_("Par exemple « Claire Morel maire »."),
    )
    results = blocks.ListBlock(SearchResultBlock(), label=_("Résultats"), min_num=1)

    class Meta:
        icon = "search"
        label = _("Résultats de recherche")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/search_results.html"
        help_text = _(
            "Ce qu'un habitant voit quand il cherche le nom de l'élu sur un moteur de recherche."
        )
        preview_value = {
            "query": "Claire Morel maire",
            "results": [
                {
                    "title": "Claire Morel — Mairie de Saint-Aubin",
                    "url": "saint-aubin.example/maire",
                    "snippet": "Le mot de la maire, ses permanences et ses délégations.",
                    "tone": "neutral",
                }
            ],
        }


class LessonBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    video = VideoBlock()
    key_figure = KeyFigureBlock()
    quote = QuoteBlock()
    good_practice = GoodPracticeBlock()
    avoid = AvoidBlock()
    checklist = ChecklistBlock()
    document = DocumentBlock()
    social_post = SocialPostBlock()
    comment_thread = CommentThreadBlock()
    search_results = SearchResultsBlock()


# --- Quiz question blocks -----------------------------------------------------------------------


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Réponse proposée"), max_length=500)
    correct = blocks.BooleanBlock(label=_("Bonne réponse"), required=False)
    feedback = blocks.TextBlock(
        label=_("Explication de ce choix"),
        help_text=_(
            "Ce que lit l'élu qui a choisi cette réponse : pourquoi elle est juste ou non."
        ),
    )


def _options_errors(options, *, exactly_one: bool) -> list[str]:
    """French messages for a list of options that cannot make a fair question."""
    errors = []
    correct = sum(1 for option in options if option.get("correct"))
    if correct == 0:
        errors.append(_("Cochez au moins une bonne réponse."))
    elif exactly_one and correct > 1:
        errors.append(_("Une question à choix unique n'a qu'une seule bonne réponse."))
    texts = [" ".join((option.get("text") or "").lower().split()) for option in options]
    if len(set(texts)) != len(texts):
        errors.append(_("Deux réponses proposées sont identiques."))
    return errors


class ChoiceQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("Question"))
    options = blocks.ListBlock(OptionBlock(), label=_("Réponses proposées"), min_num=2)
    explanation = blocks.TextBlock(
        label=_("Explication générale"),
        help_text=_("Affichée après la réponse, quelle qu'elle soit."),
    )
    exactly_one_correct = True

    def clean(self, value):
        value = super().clean(value)
        errors = _options_errors(value["options"], exactly_one=self.exactly_one_correct)
        if errors:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(" ".join(str(error) for error in errors))}
            )
        return value


class SingleChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "radio-full"
        label = _("Question à choix unique")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/quiz_choice.html"
        help_text = _("Une seule bonne réponse parmi plusieurs ; chaque réponse a son explication.")
        preview_value = {
            "question": "Un habitant vous interpelle sur X à propos d'une route fermée. Que faites-vous ?",
            "options": [
                {
                    "text": "Je réponds avec l'information et la date de réouverture.",
                    "correct": True,
                    "feedback": "Oui.",
                },
                {
                    "text": "Je l'ignore.",
                    "correct": False,
                    "feedback": "Le silence laisse la rumeur s'installer.",
                },
            ],
            "explanation": "Une réponse factuelle et rapide rassure.",
        }


class MultipleChoiceBlock(ChoiceQuestionBlock):
    exactly_one_correct = False

    class Meta:
        icon = "tasks"
        label = _("Question à choix multiples")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/quiz_multiple.html"
        help_text = _(
            "Plusieurs bonnes réponses possibles ; l'élu coche toutes celles qui sont justes."
        )
        preview_value = {
            "question": "Lesquels de ces éléments figurent dans une charte de modération ?",
            "options": [
                {
                    "text": "Les propos interdits",
                    "correct": True,
                    "feedback": "Oui, c'est le cœur de la charte.",
                },
                {
                    "text": "Le numéro personnel du maire",
                    "correct": False,
                    "feedback": "Non, jamais.",
                },
            ],
            "explanation": "Une charte dit ce qui est accepté et ce qui sera retiré.",
        }


class TrueFalseBlock(blocks.StructBlock):
    statement = blocks.TextBlock(label=_("Affirmation"))
    answer = blocks.BooleanBlock(
        label=_("L'affirmation est vraie"),
        required=False,
        help_text=_("Cochez si la bonne réponse est « Vrai »."),
    )
    feedback_true = blocks.TextBlock(label=_("Explication si l'élu répond « Vrai »"))
    feedback_false = blocks.TextBlock(label=_("Explication si l'élu répond « Faux »"))
    explanation = blocks.TextBlock(label=_("Explication générale"))

    class Meta:
        icon = "help"
        label = _("Vrai ou faux")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/quiz_true_false.html"
        help_text = _(
            "Une affirmation à juger vraie ou fausse, avec une explication pour chaque réponse."
        )
        preview_value = {
            "statement": "En 2011, plus de 80 % des membres du Congrès américain avaient un compte Twitter.",
            "answer": True,
            "feedback_true": "Exact, selon TechPresident.",
            "feedback_false": "Si : selon TechPresident, c'était plus de 80 %.",
            "explanation": "En France, la part était de 22 % chez les députés.",
        }


class SituationBlock(blocks.StreamBlock):
    social_post = SocialPostBlock()
    comment_thread = CommentThreadBlock()

    class Meta:
        min_num = 1
        max_num = 1


class BestReplyBlock(ChoiceQuestionBlock):
    situation = SituationBlock(
        label=_("Situation"), help_text=_("La publication ou le fil auquel l'élu doit répondre.")
    )

    class Meta:
        icon = "comment"
        label = _("Quelle réponse publiez-vous ?")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/quiz_best_reply.html"
        help_text = _(
            "Une situation tirée des réseaux sociaux, et plusieurs réponses possibles dont une seule est la meilleure."
        )
        preview_value = {
            "situation": [("social_post", SAMPLE_POST)],
            "question": "Quelle réponse publiez-vous sous cette annonce ?",
            "options": [
                {
                    "text": "Merci de votre intérêt : l'ordre du jour est en ligne sur le site.",
                    "correct": True,
                    "feedback": "Oui : courtois, utile, avec un lien vers l'information.",
                },
                {
                    "text": "Venez en personne, on ne répond pas ici.",
                    "correct": False,
                    "feedback": "Fermer le dialogue en ligne éloigne ceux qui ne peuvent pas venir.",
                },
            ],
            "explanation": "Une réponse publique sert aussi tous ceux qui la lisent.",
        }


# The situation comes first in the form, before the question and options.
BestReplyBlock.base_blocks.move_to_end("question")
BestReplyBlock.base_blocks.move_to_end("options")
BestReplyBlock.base_blocks.move_to_end("explanation")
BestReplyBlock.base_blocks.move_to_end("situation", last=False)


class OrderingBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("Consigne"))
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Étape"), max_length=300),
        label=_("Étapes, dans le bon ordre"),
        min_num=3,
        help_text=_("Saisissez les étapes dans le bon ordre : elles seront mélangées pour l'élu."),
    )
    explanation = blocks.TextBlock(label=_("Explication de l'ordre"))

    def clean(self, value):
        value = super().clean(value)
        texts = [" ".join(item.lower().split()) for item in value["items"]]
        if len(set(texts)) != len(texts):
            raise StructBlockValidationError(
                block_errors={"items": ValidationError(_("Deux étapes sont identiques."))}
            )
        return value

    class Meta:
        icon = "order"
        label = _("Remettre dans l'ordre")
        preview_template = PREVIEW_TEMPLATE
        template = "courses/blocks/quiz_ordering.html"
        help_text = _("Des étapes à remettre dans le bon ordre.")
        preview_value = {
            "question": "Remettez dans l'ordre la réponse à une critique en ligne.",
            "items": [
                "Lire jusqu'au bout",
                "Vérifier les faits",
                "Répondre publiquement",
                "Suivre",
            ],
            "explanation": "On comprend avant de répondre, puis on assure le suivi.",
        }


class QuizBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    best_reply = BestReplyBlock()
    ordering = OrderingBlock()

    def get_prep_value(self, value):
        """Store an id on every option and step, however the quiz was built.

        A stream loaded from raw data keeps its children raw until they are read, and list items
        without a stored id get a new random one at each load: answers keyed by option id would
        then never match. Reading every child first makes the list blocks write their ids.
        """
        list(value or [])
        return super().get_prep_value(value)
