import gzip
import json

from eventwire.ingest import read_inputs
from eventwire.ingest.base import RawDoc
from eventwire.model import Failure


def _one(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return list(read_inputs([str(p)]))


def test_text_file(tmp_path):
    (doc,) = _one(tmp_path, "a.txt", "Rebels attacked a convoy.".encode())
    assert isinstance(doc, RawDoc) and doc.text == "Rebels attacked a convoy." and doc.kind == "text"


def test_empty_and_binary_files_fail_with_reason(tmp_path):
    (f,) = _one(tmp_path, "empty.txt", b"   \n")
    assert isinstance(f, Failure) and f.reason == "empty document"
    (f,) = _one(tmp_path, "img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert isinstance(f, Failure) and "binary" in f.reason


def test_legacy_encoding_is_detected(tmp_path):
    text = "Le président a déclaré que les négociations à Genève étaient terminées. " * 3
    (doc,) = _one(tmp_path, "latin.txt", text.encode("cp1252"))
    assert isinstance(doc, RawDoc)
    assert "président" in doc.text and "Genève" in doc.text


def test_html_main_text_title_and_date(samples_dir):
    (doc,) = list(read_inputs([str(samples_dir / "ahmedabad-police-2002-03-02.html")]))
    assert isinstance(doc, RawDoc) and doc.kind == "html"
    assert doc.title == "Police arrest 40 after clashes in Ahmedabad"
    assert doc.date and doc.date.startswith("2002-03-02")
    assert "tear gas" in doc.text
    assert "cookies" not in doc.text and "Related stories" not in doc.text


def test_html_without_main_text_fails(tmp_path):
    (f,) = _one(tmp_path, "nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert isinstance(f, Failure) and "no main text" in f.reason


def test_jsonl_lines_each_processed_or_failed(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "Police arrested two men.", "date": "2002-03-01", "url": "u"}),
        "{not json",
        json.dumps({"id": "a2", "title": "no text"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"html": "<html><body><article><p>" + "Troops entered the town. " * 20 + "</p></article></body></html>"}),
    ]
    p = tmp_path / "in.jsonl.gz"
    with gzip.open(p, "wt") as fh:
        fh.write("\n".join(lines))
    out = list(read_inputs([str(p)]))
    assert [type(x).__name__ for x in out] == ["RawDoc", "Failure", "Failure", "Failure", "RawDoc"]
    assert out[0].doc_id == "a1" and out[0].date == "2002-03-01" and out[0].input_ref.endswith(":1")
    assert "not valid JSON" in out[1].reason and out[1].input_ref.endswith(":2")
    assert "no non-empty 'text' or 'html'" in out[2].reason
    assert "Troops entered the town." in out[4].text and out[4].input_ref.endswith(":6")


def test_folders_recurse_and_missing_paths_fail(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Second story about talks.")
    (tmp_path / "a.txt").write_text("First story about strikes.")
    (tmp_path / ".hidden.txt").write_text("ignored")
    out = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert [getattr(x, "text", None) for x in out[:2]] == ["First story about strikes.", "Second story about talks."]
    assert isinstance(out[2], Failure) and out[2].reason == "no such file or folder"
