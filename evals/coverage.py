"""How well "figures no fact took" finds what an extraction missed, against the dev half's gold.

`llmx extract` counts, per document, the figures of its text that no fact took
(llmx.coverage), and names the documents worth a look. That count uses no gold; this script
measures it with gold, on a run over the wide set's dev half:

- of the gold facts the run missed, how many an unread figure points at (the flag's recall);
- of the unread figures, how many are gold facts (its precision: the rest are numbers the
  standard does not count, a rank or a count in a heading);
- the documents worth a look: how many, what share of the run's misses they hold, and how
  well the run read them and the rest;
- what `--extractor rules-first` would ask a model (the sections the rules leave figures
  unread in, against every section with a numeral, which `llm` asks), and the ceiling: the
  scores if a model read those sections exactly as gold does. No model is called.

Only the dev half is read: the test half stays held out. The figures' exclusions (dates,
note marks, codes…) were written looking at dev-half texts, so these are tuned figures.

    python evals/coverage.py                   # the rules, read now over the dev half's texts
    python evals/coverage.py runs/<id>         # a run's facts (those on dev-half documents)
    python evals/coverage.py --plan seeds/     # the plan counts alone, for any folder
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from llmx.coverage import (  # noqa: E402
    WORTH_A_LOOK_UNREAD,
    coverage_of,
    figure_spans,
    unread_spans,
    worth_a_look,
)
from llmx.documents import Document  # noqa: E402
from llmx.errors import InputError  # noqa: E402
from llmx.facts import Fact  # noqa: E402
from llmx.gold import load_gold  # noqa: E402
from llmx.lines import Span  # noqa: E402
from llmx.llm import LLMExtractor, build_model_extractor  # noqa: E402
from llmx.llm.extractor import SectionPlan  # noqa: E402
from llmx.readers import expand_paths, read_document  # noqa: E402
from llmx.rules import RulesExtractor  # noqa: E402
from llmx.runs import load_run  # noqa: E402
from llmx.scoring import Layout, f1_score, has_span, ratio, score  # noqa: E402
from llmx.settings import ExtractorSettings  # noqa: E402

WIDE_GOLD = ROOT / "evals" / "wide" / "gold"


def _spans(facts: list[Fact]) -> dict[str, list[Span]]:
    spans: dict[str, list[Span]] = defaultdict(list)
    for fact in facts:
        if has_span(fact):
            spans[fact.doc].append(fact.span)
    return spans


def _touches(span: Span, spans: list[Span]) -> bool:
    return not list(unread_spans([span], spans))


def _planner(mode: str) -> LLMExtractor:
    """A model extractor that is only asked for its plan: it never calls its server."""
    settings = ExtractorSettings(
        model="plan-only", base_url="http://127.0.0.1:9", extractor=mode, offline=True
    )
    return build_model_extractor(settings, env={"OPENAI_API_KEY": "unused"})


def _plans(documents: list[Document]) -> tuple[SectionPlan, SectionPlan]:
    return _planner("llm").plan(documents), _planner("rules-first").plan(documents)


def _print_plans(every: SectionPlan, routed: SectionPlan) -> None:
    def characters(plan: SectionPlan) -> int:
        return sum(len(part.text) for part in plan.asked)

    print(
        f"rules-first asks {len(routed.asked)} of the {len(every.asked)} sections with a "
        f"numeral that llm asks ({routed.sections} sections in all); "
        f"{characters(routed):,} of {characters(every):,} characters"
    )


def _plan_only(folder: Path) -> int:
    try:
        documents = [read_document(path) for path in expand_paths([folder])]
    except InputError as error:
        print(f"coverage: {error}", file=sys.stderr)
        return 2
    _print_plans(*_plans(documents))
    return 0


def _print_thresholds(
    documents: list[Document],
    taken: dict[str, list[Span]],
    labelled: dict[str, list[Span]],
    missed: dict[str, list[Span]],
) -> None:
    """How the share that makes a document worth a look trades false alarms for documents
    found, a document read badly being one where 5 gold facts or more, and a tenth, are
    missed."""
    bad = {
        document.id
        for document in documents
        if len(missed[document.id]) >= 5
        and len(missed[document.id]) >= 0.1 * len(labelled[document.id])
    }
    counts = {document.id: coverage_of(document.text, taken[document.id]) for document in documents}
    print(f"documents read badly (5 and a tenth of their gold facts missed): {len(bad)}")
    for share in (0.1, 0.15, 0.2, 0.25):
        flagged = {
            doc
            for doc, count in counts.items()
            if count.unread >= WORTH_A_LOOK_UNREAD and count.unread >= share * count.figures
        }
        print(
            f"  a share of {share:.2f} unread: {len(flagged)} flagged, {len(flagged & bad)} "
            f"of the {len(bad)} found, {len(flagged - bad)} false alarms"
        )


def _run_facts(path: Path | None, documents: list[Document]) -> tuple[str, list[Fact]] | None:
    """The facts judged: a run's, or the rules' over the dev half's texts read now."""
    if path is None:
        return "rules (read now)", RulesExtractor().extract(documents).facts
    try:
        run = load_run(path.name, path.parent)
    except InputError as error:
        print(f"coverage: {error}", file=sys.stderr)
        return None
    return run.label, run.facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "run", type=Path, nargs="?", help="a run folder over the dev half (default: the rules, now)"
    )
    parser.add_argument(
        "--plan", action="store_true", help="RUN is a folder of documents: print the plans"
    )
    args = parser.parse_args(argv)
    if args.plan:
        if args.run is None:
            parser.error("--plan needs a folder of documents")
        return _plan_only(args.run)
    gold = load_gold(WIDE_GOLD).half("dev")
    dev = [Document(doc, labelled.text) for doc, labelled in gold.documents.items()]
    judged = _run_facts(args.run, dev)
    if judged is None:
        return 2
    label, facts = judged
    chosen = {fact.doc for fact in facts} if args.run is not None else set(gold.documents)
    documents = [document for document in dev if document.id in chosen]
    if not documents:
        print(f"coverage: {args.run} read no document of the dev half", file=sys.stderr)
        return 2
    gold_facts = [fact for fact in gold.facts if fact.doc in chosen]
    found = [fact for fact in facts if fact.doc in chosen]
    layout = Layout(gold.sections, gold.labelled)
    missed = _spans(score(gold_facts, found, layout).missed)
    taken, labelled = _spans(found), _spans(gold_facts)

    unread = unread_gold = missed_total = missed_pointed = 0
    looked = {"documents": 0, "gold": 0, "missed": 0}
    for document in documents:
        doc = document.id
        left = list(unread_spans(figure_spans(document.text), taken[doc]))
        unread += len(left)
        unread_gold += sum(1 for span in left if _touches(span, labelled[doc]))
        missed_total += len(missed[doc])
        missed_pointed += sum(1 for span in missed[doc] if _touches(span, left))
        if worth_a_look(coverage_of(document.text, taken[doc])):
            looked["documents"] += 1
            looked["gold"] += len(labelled[doc])
            looked["missed"] += len(missed[doc])
    total_gold = sum(len(labelled[document.id]) for document in documents)
    rest_gold, rest_missed = total_gold - looked["gold"], missed_total - looked["missed"]

    def share(part: int, whole: int) -> str:
        return f"{part / whole:.3f}" if whole else "—"

    print(f"{label}: {len(documents)} dev-half documents, {total_gold} gold facts")
    print(f"gold facts missed (with a span): {missed_total}")
    print(
        f"missed facts an unread figure points at: {missed_pointed} "
        f"(recall {share(missed_pointed, missed_total)})"
    )
    print(
        f"unread figures that are gold facts: {unread_gold} of {unread} "
        f"(precision {share(unread_gold, unread)})"
    )
    print(
        f"documents worth a look: {looked['documents']} of {len(documents)}, holding "
        f"{share(looked['missed'], missed_total)} of the misses; recall "
        f"{share(looked['gold'] - looked['missed'], looked['gold'])} on them, "
        f"{share(rest_gold - rest_missed, rest_gold)} on the rest"
    )
    _print_thresholds(documents, taken, labelled, missed)
    every, routed = _plans(documents)
    _print_plans(every, routed)
    asked: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for part in routed.asked:
        asked[part.document.id].append((part.section.start, part.section.end))
    by_section: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for fact in gold_facts:
        for low, high in asked[fact.doc] if has_span(fact) else ():
            if low <= fact.start < high:
                by_section[(fact.doc, low)].append(fact)
    # A model that answers each asked section as gold does, and the rules' facts it leaves
    # alone there, as rules-first keeps them.
    predicted = list(routed.kept)
    for part in routed.asked:
        perfect = by_section[(part.document.id, part.section.start)]
        predicted += perfect
        predicted += [
            fact for fact in part.fallback if not _touches(fact.span, [g.span for g in perfect])
        ]
    ceiling = score(gold_facts, predicted, layout)
    precision = ratio(len(predicted) - len(ceiling.spurious), len(predicted))
    recall = ratio(len(gold_facts) - len(ceiling.missed), len(gold_facts))
    print(
        "ceiling, a model reading the asked sections as gold does: "
        f"precision {precision or 0:.3f}, recall {recall or 0:.3f}, "
        f"F1 {f1_score(precision, recall) or 0:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
