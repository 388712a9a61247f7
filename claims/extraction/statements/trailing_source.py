"""A source phrase closing a statement's words (", according to his campaign", ", according to a statement
released by the port authority", ", per the Gazette report"): the phrase names who reported the words, so it
is no part of them."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doccache import token_texts


def _source_phrase_end(doc: Doc, i: int) -> int | None:
    """One past the last token of the source phrase opening at `i` after a comma (", according to X", ", per
    X"), None when no such phrase opens there ("30 miles per hour" has no comma; ", per cent" and ", per
    capita" name no source)."""
    if token_texts(doc)[i - 1] != ",":  # (asked of every token of the words: the comma first, no Token built)
        return None
    tok = doc[i]
    if tok.lower_ == "according" and doc[i + 1].lower_ == "to":
        return max(tok.right_edge.i, doc[i + 1].right_edge.i) + 1
    if tok.lower_ == "per" and _names_a_source(doc[i + 1]):
        return tok.right_edge.i + 1
    return None


def _names_a_source(first: Token) -> bool:
    """True for the first word of a phrase that can name a source: a determiner, a possessive or a name ("per
    the Gazette", "per his spokesman", "per Reuters"), not a number or a bare unit ("per cent", "per 1,000")."""
    return first.pos_ in ("DET", "PROPN") or first.tag_ == "PRP$"


_NAME_REACH = 8  # tokens of a name with its title and place after the source's description


def _is_name(tok: Token) -> bool:
    """True for a person's name: tagged as one, or a proper noun with another before it ("Ana Ruiz")."""
    if tok.pos_ != "PROPN":
        return False
    return tok.ent_type_ == "PERSON" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


def apposed_name(source: Token, phrase_end: int, sent_end: int) -> tuple[Token | None, int]:
    """The name that a description closing the sentence is given ("according to the committee's senior member,
    Rep. Ana Ruiz of Maine", "according to the company's spokesman, John Doe") and one past its phrase: the name is
    who said it, whether the parse hangs it on the description or on the sentence's verb. (None, `phrase_end`)
    when `source` is itself a name, or no name alone runs from the comma at `phrase_end` to the sentence's end."""
    doc = source.doc
    if _is_name(source):
        return None, phrase_end
    for child in source.children:
        if child.dep_ == "appos" and child.i > source.i and _is_name(child):
            return child, phrase_end
    comma = source.right_edge.i + 1  # the parse may hang the name on "according" or on the verb
    if comma >= sent_end or doc[comma].text != ",":
        return None, phrase_end
    stop = sent_end
    while stop > comma + 1 and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    words = doc[comma + 1 : stop]
    if not 1 <= len(words) <= _NAME_REACH or words[0].pos_ != "PROPN":
        return None, phrase_end
    if any(t.pos_ not in ("PROPN", "ADP", "PUNCT") or (t.pos_ == "ADP" and t.lower_ != "of") for t in words):
        return None, phrase_end
    roots = [t for t in words if not (comma < t.head.i < stop) or t.head.i == t.i]
    names = [t for t in roots if _is_name(t)]
    return (names[0], max(stop, phrase_end)) if len(names) == 1 else (None, phrase_end)


def without_trailing_source(doc: Doc, start: int, end: int, quoted: list[bool]) -> int:
    """The end of the words [start, end) before a closing ", according to X" or ", per X" phrase; `end` when
    no such phrase closes them (one in the middle, "The ferry, according to Hale, will sail", stays: the
    words run on after it), and when the phrase is inside a quotation (the speaker's own words, `quoted`
    marking the tokens inside quote marks)."""
    texts = token_texts(doc)
    for i in range(end - 2, start, -1):
        # (the comma first, read here: a call per word of the statement cost more than the test)
        phrase_end = _source_phrase_end(doc, i) if texts[i - 1] == "," else None
        if phrase_end is None:
            continue
        if quoted[i]:
            return end
        if doc[i].lower_ == "according":
            objs = [c for c in doc[i + 1].children if c.dep_ == "pobj"]
            if objs:  # "..., according to its spokesman, John Doe."
                phrase_end = apposed_name(objs[0], phrase_end, end)[1]
        if all(t.is_punct or t.is_space for t in doc[phrase_end:end]) and i - 1 > start:
            return i - 1  # the comma before the phrase ends the words
        return end
    return end
