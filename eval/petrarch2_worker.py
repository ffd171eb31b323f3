# -*- coding: utf-8 -*-
"""Code PETRARCH2's unit-test records with an unmodified PETRARCH2 (run by eval/petrarch2_baseline.py).

This file runs under the interpreter PETRARCH2 was written for (Python 2.7), so it keeps to
syntax both Python 2 and 3 accept. It reads a job file written by the driver
({"config": PETR_config.ini path, "records": [{"id", "text", "parse", "date", "require_dyad",
"new_actor_length"}]}) and writes {"id": {"got": [[source, target, code], ...], "error": str|null}}.

Each record is coded as PETRARCH2's own tests drive it (petrarch2/tests/test_petrarch.py): a
one-story event dictionary whose sentence carries ``utilities._format_parsed_str(<Parse>)``,
handed to ``petrarch2.do_coding`` after ``PETRreader.parse_Config`` and
``petrarch2.read_dictionaries`` with the suite's four dictionaries. PETRARCH2 has no validation
mode of its own and its ``do_coding`` ignores the suite's ``require_dyad`` switches (it calls
``Sentence.get_events()`` with the default), so the record's switch is passed to
``get_events(require_dyad=...)``, the parameter PETRARCH2 has for it; nothing else is changed.
A record on which PETRARCH2 raises is recorded with the error and no events, as a batch run
that skips bad records would.
"""
from __future__ import print_function

import io
import json
import os
import sys
import traceback



class Quiet(object):
    """PETRARCH2 prints its progress to stdout; keep it in a log instead."""

    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.saved = sys.stdout
        sys.stdout = self.log

    def __exit__(self, *exc):
        sys.stdout = self.saved
        return False


def main(source, job_path, out_path, log_path):
    sys.path.insert(0, os.path.abspath(source))
    import PETRglobals
    import PETRreader
    import PETRtree
    import petrarch2
    import utilities

    job = json.load(io.open(job_path, encoding="utf-8"))
    config_path = job["config"]  # PETR_config.ini with the suite's dictionaries, written by the driver
    log = io.open(log_path, "w", encoding="utf-8") if sys.version_info[0] >= 3 else open(log_path, "w")
    with Quiet(log):
        PETRreader.parse_Config(config_path)
        petrarch2.read_dictionaries()

    original_get_events = PETRtree.Sentence.get_events

    def get_events(self, require_dyad=None):
        if require_dyad is None:
            require_dyad = 1 if PETRglobals.RequireDyad else 0
        return original_get_events(self, require_dyad)

    PETRtree.Sentence.get_events = get_events

    results = {}
    for rec in job["records"]:
        PETRglobals.RequireDyad = rec["require_dyad"]
        PETRglobals.NewActorLength = rec["new_actor_length"]
        text = rec["text"].replace("\n", " ").replace("  ", " ")
        story = {rec["id"]: {"sents": {"0": {"content": text, "parsed": utilities._format_parsed_str(rec["parse"])}},
                             "meta": {"date": rec["date"]}}}
        error = None
        with Quiet(log):
            print("\n==== RECORD", rec["id"], "require_dyad =", PETRglobals.RequireDyad)
            try:
                petrarch2.do_coding(story)
            except Exception as exc:  # a record PETRARCH2 cannot code: recorded, the run goes on
                error = repr(exc)
                traceback.print_exc(file=sys.stdout)
        sents = story[rec["id"]]["sents"]
        events = (sents["0"].get("events") or []) if sents is not None else []
        results[rec["id"]] = {"got": sorted(set((str(s), str(t), str(c)) for (s, t, c) in events)), "error": error}
    log.close()
    with io.open(out_path, "w", encoding="utf-8") as fh:
        fh.write(u"" + json.dumps(results, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit("usage: petrarch2_worker.py PETRARCH2_SOURCE JOB.json OUT.json LOG.txt")
    sys.exit(main(*sys.argv[1:]))
