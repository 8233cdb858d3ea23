from lint.document import Block, BlockKind, Span
from lint.sentences import split


def _sentences(text: str) -> list[str]:
    spans = split(text, [Block(BlockKind.PARAGRAPH, Span(0, len(text)))])
    return [text[s.start:s.end] for s in spans]


def test_splits_on_terminal_punctuation():
    assert _sentences("Cramps hurt. Stretching helps! Does it? Yes.") == [
        "Cramps hurt.", "Stretching helps!", "Does it?", "Yes."]


def test_abbreviations_initials_and_decimals_do_not_split():
    assert _sentences("Dr. Smith measured 2.5 mg, e.g. a low dose. J. Doe agreed.") == [
        "Dr. Smith measured 2.5 mg, e.g. a low dose.", "J. Doe agreed."]


def test_lowercase_after_period_is_not_a_new_sentence():
    assert _sentences("Take 400 mg. daily with food.") == ["Take 400 mg. daily with food."]


def test_line_ending_semicolon_ends_a_list_like_sentence():
    assert _sentences("barbiturates;\nclonazepam;\nvalproate.") == ["barbiturates;", "clonazepam;", "valproate."]


def test_quotes_close_a_sentence():
    assert _sentences('He said "rest." Then he left.') == ['He said "rest."', "Then he left."]
