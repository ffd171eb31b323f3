"""eval/petrarch2_baseline.py: PETRARCH2 driven record by record, scored beside eventwire.

PETRARCH2 itself is not here (nor needed): a stand-in package with its entry points codes
from the parse it is given, so the test checks what the driver hands over and how it scores.
"""

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
import petrarch as eval_petrarch  # noqa: E402
import petrarch2_baseline as baseline  # noqa: E402

STAND_IN = {
    "PETRglobals.py": "RequireDyad = True\nNewActorLength = 0\n",
    "PETRreader.py": "def parse_Config(path):\n    assert open(path).read().startswith('[Dictionaries]')\n",
    "utilities.py": "def _format_parsed_str(parse):\n    return parse.strip()\n",
    "PETRtree.py": textwrap.dedent("""
        class Sentence(object):
            def __init__(self, parse):
                self.parse = parse
            def get_events(self, require_dyad=1):
                if self.parse == 'BOOM':
                    raise ValueError('bad tree')
                source, target, code = self.parse.split()
                if require_dyad and target == '---':
                    return []
                return [(source, target, code)]
    """),
    "petrarch2.py": textwrap.dedent("""
        import PETRtree
        def read_dictionaries():
            pass
        def do_coding(stories):
            for story in stories.values():
                sent = story['sents']['0']
                sent['events'] = PETRtree.Sentence(sent['parsed']).get_events()
    """),
}


def _record(rid: str, parse: str, expected: set, require_dyad: bool = True) -> eval_petrarch.Record:
    return eval_petrarch.Record(rid, "TEST", None, "text", frozenset(expected), require_dyad, 0, parse)


def test_each_record_is_coded_from_its_parse_with_its_own_dyad_switch(tmp_path):
    source = tmp_path / "petrarch2"
    source.mkdir()
    for name, code in STAND_IN.items():
        (source / name).write_text(code)
    records = [
        _record("R1", "USA RUS 190", {("USA", "RUS", "190")}),
        _record("R2", "USA --- 010", {("USA", "---", "010")}, require_dyad=False),  # switched off: coded
        _record("R3", "USA --- 010", set()),  # dyad required: no event, as expected
        _record("R4", "BOOM", {("USA", "RUS", "190")}),  # raises: recorded, the run goes on
    ]
    env = {"Verbfile": "v.txt", "Actorfile": "a.txt", "Agentfile": "g.txt", "Discardfile": "d.txt"}
    work = tmp_path / "work"
    work.mkdir()
    got = baseline.run_petrarch2(records, env, tmp_path, source, sys.executable, work)
    assert got["R1"]["got"] == [["USA", "RUS", "190"]]
    assert got["R2"]["got"] == [["USA", "---", "010"]]
    assert got["R3"]["got"] == []
    assert got["R4"]["got"] == [] and "bad tree" in got["R4"]["error"]

    result = baseline.compare(records, got, eventwire_failures={"R1"})
    m = result["metrics"]
    assert (m["petrarch2_exact"], m["eventwire_exact"], m["petrarch2_errors"]) == (3, 3, 1)
    assert result["petrarch2_right_eventwire_wrong"] == ["R1"]
    assert list(result["petrarch2_failures"]) == ["R4"]


OLDER_STAND_IN = {
    # imports Stanford CoreNLP's client at the top, as PETRARCH's utilities.py does: the worker supplies a stand-in
    "utilities.py": "import corenlp\n\ndef init_logger(name):\n    open(name, 'w').close()\n",
    "PETRreader.py": "def parse_Config(path):\n    assert open(path).read().startswith('[Dictionaries]')\n",
    "petrarch.py": textwrap.dedent("""
        import xml.etree.ElementTree as ET
        import PETRtree  # imported, never used, in the 2015 snapshots: the worker supplies a stand-in
        def read_dictionaries():
            pass
        def do_coding(stories, out_file):
            for story in stories.values():
                for sent in story['sents'].values():
                    source, target, code = sent['parsed'].split()
                    sent['events'] = [(source, target, code)]
            return stories
        def do_validation(path):
            stories = {}
            for el in ET.parse(path).getroot().iter('Sentence'):
                entry, sent = el.get('id').split('-')
                stories[entry + sent] = {'sents': {sent: {'parsed': el.findtext('Parse')}}}
            do_coding(stories, None)
            return  # as PETRARCH's own: it never scores what it coded
    """),
}


def test_the_older_petrarch_is_run_in_its_validation_mode_and_scored(tmp_path):
    source = tmp_path / "petrarch"
    source.mkdir()
    for name, code in OLDER_STAND_IN.items():
        (source / name).write_text(code)
    xml = tmp_path / "suite.xml"
    xml.write_text("<Validation><Sentences>"
                   "<Sentence id='DEMO-01'><Parse>USA RUS 190</Parse></Sentence>"
                   "<Sentence id='DEMO-02'><Parse>USA RUS 010</Parse></Sentence>"
                   "</Sentences></Validation>")
    records = [_record("DEMO-01", "", {("USA", "RUS", "190")}), _record("DEMO-02", "", {("USA", "RUS", "173")})]
    env = {"Verbfile": "v.txt", "Actorfile": "a.txt", "Agentfile": "g.txt", "Discardfile": "d.txt"}
    got = baseline.run_petrarch(records, env, xml, source, sys.executable, tmp_path / "work")
    assert got["DEMO-01"]["got"] == [["USA", "RUS", "190"]]
    m = baseline.compare_older(records, got, eventwire_failures={"DEMO-01"})
    assert (m["petrarch_exact"], m["petrarch_right_eventwire_wrong"], m["eventwire_right_petrarch_wrong"]) == (1, 1, 1)
