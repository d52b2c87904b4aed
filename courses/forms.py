"""The document upload form: Wagtail's, with a size limit (images have theirs in settings)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        limit = settings.ELUS2_DOCUMENT_MAX_UPLOAD_MB
        if upload and upload.size > limit * 1024 * 1024:
            raise ValidationError(
                _("Ce fichier dépasse %(limit)s Mo : réduisez-le ou découpez-le.")
                % {"limit": limit}
            )
        return upload
