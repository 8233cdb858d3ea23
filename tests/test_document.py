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
