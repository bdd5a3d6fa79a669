"""casework's document_served moves the letter: receipt starts its clocks (services.on_document_served)."""


def on_served(sender, document, by=None, **kwargs):
    from .services import on_document_served

    on_document_served(document=document, by=by)


def connect() -> None:
    from casework.signals import document_served

    document_served.connect(on_served, dispatch_uid="letters-document-served")
