"""Tests for eventwire.datafiles: the one reader of the packaged TSV knowledge files."""

from __future__ import annotations

from eventwire.datafiles import tsv_rows


def test_a_header_row_is_left_out_and_comments_are_skipped():
    rows = tsv_rows("events", "cameo.tsv", header=True)
    assert rows[0][:2] == ["01", "Make public statement"]
    assert not any(row[0].startswith("#") or row[0] == "code" for row in rows)


def test_a_file_without_header_keeps_its_first_row_and_cells_are_stripped():
    with_header = tsv_rows("events", "cameo.tsv", header=True)
    without = tsv_rows("events", "cameo.tsv", header=False)
    assert without[0][0] == "code" and without[1:] == with_header
    assert all(cell == cell.strip() for row in without for cell in row)
