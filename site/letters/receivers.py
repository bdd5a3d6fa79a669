"""Receipt of a letters document moves the letter: casework.dispatch sends the receipt of every kind the
letters process issues here (services.on_document_served starts the clock that counts from it)."""

# the kinds letters issues (letters/texts.py registers their wording): a letter, its review answer, its
# decision/correction order, and the measures taken after (约谈记录, 移送函, 通报)
KINDS = ("suggestion", "opinion_letter", "review_answer", "review_decision", "supervision_decision",
         "correction_order", "interview_record", "referral", "circular")


def on_served(*, document, by=None) -> None:
    from .services import on_document_served

    on_document_served(document=document, by=by)


def connect() -> None:
    from casework.dispatch import on_served as register

    register(process="letter", kinds=KINDS, handler=on_served)
