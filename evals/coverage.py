"""How well "figures no fact took" finds what an extraction missed, against the dev half's gold.

`llmx extract` counts, per document, the figures of its text that no fact took
(llmx.coverage), and names the documents worth a look. That count uses no gold; this script
measures it with gold, on a run over the wide set's dev half:

- of the gold facts the run missed, how many an unread figure points at (the flag's recall);
- of the unread figures, how many are gold facts (its precision: the rest are numbers the
  standard does not count, a rank or a count in a heading);
- the documents worth a look: how many, what share of the run's misses they hold, and how
  well the run read them and the rest.

Only the dev half is read: the test half stays held out. The figures' exclusions (dates,
note marks, codes…) were written looking at dev-half texts, so these are tuned figures.

    llmx extract evals/wide/docs --name dev-rules
    python evals/coverage.py runs/<id>
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from llmx.coverage import figure_spans, unread_spans, worth_a_look  # noqa: E402
from llmx.errors import InputError  # noqa: E402
from llmx.facts import Fact  # noqa: E402
from llmx.gold import load_gold  # noqa: E402
from llmx.lines import Span  # noqa: E402
from llmx.runs import load_run  # noqa: E402
from llmx.scoring import Layout, has_span, score  # noqa: E402

WIDE_GOLD = ROOT / "evals" / "wide" / "gold"


def _spans(facts: list[Fact]) -> dict[str, list[Span]]:
    spans: dict[str, list[Span]] = defaultdict(list)
    for fact in facts:
        if has_span(fact):
            spans[fact.doc].append(fact.span)
    return spans


def _touches(span: Span, spans: list[Span]) -> bool:
    return not list(unread_spans([span], spans))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path, help="a run folder over the wide set's dev half")
    args = parser.parse_args(argv)
    try:
        run = load_run(args.run.name, args.run.parent)
    except InputError as error:
        print(f"coverage: {error}", file=sys.stderr)
        return 2
    gold = load_gold(WIDE_GOLD).half("dev")
    documents = [doc for doc in run.record.spec.documents if doc in gold.documents]
    if not documents:
        print(f"coverage: {args.run} read no document of the dev half", file=sys.stderr)
        return 2
    chosen = set(documents)
    gold_facts = [fact for fact in gold.facts if fact.doc in chosen]
    found = [fact for fact in run.facts if fact.doc in chosen]
    missed = _spans(score(gold_facts, found, Layout(gold.sections, gold.labelled)).missed)
    taken, labelled = _spans(found), _spans(gold_facts)

    unread = unread_gold = missed_total = missed_pointed = 0
    looked = {"documents": 0, "gold": 0, "missed": 0}
    for doc in documents:
        text = gold.documents[doc].text
        left = list(unread_spans(figure_spans(text), taken[doc]))
        unread += len(left)
        unread_gold += sum(1 for span in left if _touches(span, labelled[doc]))
        missed_total += len(missed[doc])
        missed_pointed += sum(1 for span in missed[doc] if _touches(span, left))
        coverage = run.record.coverage.get(doc)
        if coverage is not None and worth_a_look(coverage):
            looked["documents"] += 1
            looked["gold"] += len(labelled[doc])
            looked["missed"] += len(missed[doc])
    total_gold = sum(len(labelled[doc]) for doc in documents)
    rest_gold, rest_missed = total_gold - looked["gold"], missed_total - looked["missed"]

    def share(part: int, whole: int) -> str:
        return f"{part / whole:.3f}" if whole else "—"

    print(f"run {run.label}: {len(documents)} dev-half documents, {total_gold} gold facts")
    print(f"gold facts missed (with a span): {missed_total}")
    print(
        f"missed facts an unread figure points at: {missed_pointed} "
        f"(recall {share(missed_pointed, missed_total)})"
    )
    print(
        f"unread figures that are gold facts: {unread_gold} of {unread} "
        f"(precision {share(unread_gold, unread)})"
    )
    if not run.record.coverage:
        print("the run is older than llmx's count: no documents worth a look recorded")
        return 0
    print(
        f"documents worth a look: {looked['documents']} of {len(documents)}, holding "
        f"{share(looked['missed'], missed_total)} of the misses; recall "
        f"{share(looked['gold'] - looked['missed'], looked['gold'])} on them, "
        f"{share(rest_gold - rest_missed, rest_gold)} on the rest"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
