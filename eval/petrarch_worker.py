# -*- coding: utf-8 -*-
"""Code the unit-test records with the older PETRARCH (0.x), in its own validation mode (run by
eval/petrarch2_baseline.py --petrarch).

Runs under Python 2.7, PETRARCH's interpreter, so it keeps to syntax both Python 2 and 3 accept.
It reads a job file written by the driver ({"config": PETR_config.ini path, "xml": path, "ids": [...]})
and writes {"id": {"got": [[source, target, code], ...], "note": str|null}}.

PETRARCH's ``validate`` command (``petrarch.do_validation``) reads the XML itself, applies its
``<Config>`` switches per sentence and codes every record in one ``do_coding`` call, but it returns
before its own scoring loop; so ``do_coding`` is wrapped, unchanged, to keep the stories it codes,
and the driver scores them. Two modules PETRARCH imports but never calls on pre-parsed records get
stand-ins when they are missing: ``corenlp`` (raw-text parsing with Stanford CoreNLP) and, in the
2015 snapshots that import it, ``PETRtree``.
"""
from __future__ import print_function

import io
import json
import os
import sys
import types



def _stand_in(name, source):
    """An empty module for ``name`` when neither PETRARCH's folder nor the interpreter has it."""
    if os.path.exists(os.path.join(source, name + ".py")):
        return
    try:
        __import__(name)
    except ImportError:
        module = types.ModuleType(name)
        if name == "corenlp":
            class StanfordCoreNLP(object):
                def __init__(self, *args, **kwargs):
                    raise RuntimeError("Stanford CoreNLP is not available: the records carry their own parses")
            module.StanfordCoreNLP = StanfordCoreNLP
        sys.modules[name] = module


def main(source, job_path, out_path, log_path):
    source = os.path.abspath(source)
    job = json.load(io.open(job_path, encoding="utf-8"))
    workdir = os.path.dirname(os.path.abspath(out_path))
    sys.path.insert(0, source)
    for name in ("corenlp", "PETRtree"):
        _stand_in(name, source)
    os.chdir(workdir)  # PETRARCH writes its log and output.tex into the working folder
    import PETRreader
    import petrarch
    import utilities

    config_path = job["config"]  # PETR_config.ini with the suite's dictionaries, written by the driver
    coded = {}
    original = petrarch.do_coding

    def do_coding(*args, **kwargs):
        result = original(*args, **kwargs)
        coded.update(result or {})
        return result

    log = open(log_path, "w")
    saved = sys.stdout
    sys.stdout = log
    try:
        utilities.init_logger("PETRARCH.log")
        PETRreader.parse_Config(config_path)
        petrarch.read_dictionaries()
        petrarch.do_coding = do_coding
        petrarch.do_validation(job["xml"])
    finally:
        sys.stdout = saved
        petrarch.do_coding = original
        log.close()

    results = {}
    for rid in job["ids"]:
        entry_id, sent_id = rid.split("-", 1)
        story = coded.get(entry_id + sent_id)  # do_validation's story key
        if story is None:
            results[rid] = {"got": [], "note": "not in PETRARCH's output"}
        elif story.get("sents") is None:
            results[rid] = {"got": [], "note": "story discarded"}
        else:
            events = story["sents"].get(sent_id, {}).get("events") or []
            results[rid] = {"got": sorted(set((str(e[0]), str(e[1]), str(e[2])) for e in events)), "note": None}
    with io.open(out_path, "w", encoding="utf-8") as fh:
        fh.write(u"" + json.dumps(results, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit("usage: petrarch_worker.py PETRARCH_SOURCE JOB.json OUT.json LOG.txt")
    sys.exit(main(*sys.argv[1:]))
