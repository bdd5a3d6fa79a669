"""Casework signals. `document_served` fires once when a document's receipt (送达回证) is recorded:
processes listen and start the addressee's clocks from `document.received_on`."""
from django.dispatch import Signal

document_served = Signal()  # sender=Document, document=<Document>, by=<user>
