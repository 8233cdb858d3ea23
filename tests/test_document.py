from lint.document import LineIndex, Position


def test_positions_are_one_based_and_count_code_points():
    text = "ab\ncdé\nf"
    idx = LineIndex(text)
    assert idx.position(0) == Position(1, 1)
    assert idx.position(3) == Position(2, 1)
    assert idx.position(5) == Position(2, 3)  # the é is one column
    assert idx.position(7) == Position(3, 1)


def test_crlf_counts_as_one_line_break_and_lone_cr_too():
    idx = LineIndex("a\r\nb\rc\n")
    assert idx.position(3) == Position(2, 1)
    assert idx.position(5) == Position(3, 1)
    assert idx.line_count == 4


def test_position_at_end_of_text():
    idx = LineIndex("abc")
    assert idx.position(3) == Position(1, 4)


def test_core_types_pickle_as_constructor_calls():
    """Findings cross process boundaries and rules sit in the per-user cache as pickles: a round trip gives equal
    objects (compare=False fields included), through the constructor rather than the slow generated setstate."""
    import pickle

    from lint import lint_text, load_rules

    findings = lint_text("Potassium is a vitamin. Take 800 mg of magnesium a day.\n", "markdown")
    assert findings
    for f in findings:
        back = pickle.loads(pickle.dumps(f))
        assert back == f and back.references == f.references and back.fix == f.fix
    for rule in load_rules()[:50]:
        back = pickle.loads(pickle.dumps(rule.info))
        assert back == rule.info and back.examples.flag_lines == rule.info.examples.flag_lines
        assert back.origin == rule.info.origin
        assert rule.info.__reduce__()[0] is type(rule.info)  # the constructor, not copyreg's generic path


def test_sentences_in_a_span():
    from lint.document import Span
    from lint.markup import parse

    doc = parse("One two. Three four.\n\nFive six.", "markdown")
    assert [doc.text(s) for s in doc.sentences] == ["One two.", "Three four.", "Five six."]
    assert list(doc.sentences_in(Span(0, len(doc.source)))) == [0, 1, 2]
    assert list(doc.sentences_in(Span(8, 10))) == [1]  # from the space before a sentence
    assert list(doc.sentences_in(Span(4, 12))) == [0, 1]
    assert list(doc.sentences_in(Span(20, 22))) == []  # the blank line between paragraphs
    assert list(doc.sentences_in(Span(5, 5))) == []
