"""Where missed truth events are lost, per stage, for one news set (no article text is printed).

    PYTHONPATH=src python benchmarks/news_stages.py tests/data/news/dev7 [show]

Counts each truth event as matched, or missed with or without an action pattern (lexicon.ACTION_PATTERNS)
matching its evidence sentence, and whether that sentence yielded any event; "show" also prints the
evidence of missed events whose sentence no action pattern matches (the vocabulary's gaps).
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

from proscribe.news import lexicon, name_index
from proscribe.news.labelled import run_labelled_set
from proscribe.news.score import _key_matches


def main(folder: Path, show: bool) -> None:
    run = run_labelled_set(folder, name_index())
    predicted, texts = run.predicted, run.texts
    counts: collections.Counter[str] = collections.Counter()
    unanchored: list[str] = []  # missed events whose sentence no action pattern matches, for "show"
    for event in run.truth:
        if any(_key_matches(p, event) for p in predicted):
            counts["matched(jur+org+action)"] += 1
            continue
        evidence = event.get("evidence") or ""
        anchored = any(pattern.search(evidence) for _, pattern in lexicon.ACTION_PATTERNS)
        if not anchored:
            unanchored.append(
                f"- {event['jurisdiction']} {event['action']} | {evidence[:230].replace(chr(10), ' ')}"
            )
        same_sentence = [
            p
            for p in predicted
            if p["file"] == event["file"]
            and p.get("evidence_quote")
            and (p["evidence_quote"] in evidence or evidence in p["evidence_quote"])
        ]
        key = ("action-pattern" if anchored else "NO-action-pattern") + "/"
        key += "sentence-yielded-event" if same_sentence else "sentence-yielded-nothing"
        key += "" if evidence in texts.get(event["file"], "") else "/evidence-not-verbatim"
        counts[key] += 1
        if same_sentence:
            first = same_sentence[0]
            why = []
            if first["jurisdiction"] != event["jurisdiction"]:
                why.append("jur")
            if first["action"] != event["action"]:
                why.append(f"action:{first['action']}->{event['action']}")
            counts["  wrong-in-same-sentence: " + ",".join(why or ["org"])] += 1
    for key, number in sorted(counts.items()):
        print(f"{number:4d} {key}")
    if show:
        print("\n".join(unanchored))


if __name__ == "__main__":
    main(Path(sys.argv[1]), len(sys.argv) > 2)
