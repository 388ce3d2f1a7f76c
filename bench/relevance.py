"""Search relevance: the judged queries of tests/relevance/ run in Chromium on a built site.

Each query names the article that must come first. The search page of the query's language
is opened once, and every query is submitted in its form as a reader would; the addresses
the page then lists (at most 20, best first) give the rank of the expected article.
success@1 is the share of queries whose article comes first; the mean reciprocal rank (MRR)
averages 1/rank (0 when the article is not listed).

    python -m bench.relevance SITE_DIR      # a built site (gialai build), prints the table

tests/test_search_relevance.py runs the same on the sample site and asserts the levels.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
RELEVANCE_DIR = REPO / "tests" / "relevance"
# The site's languages: where each one's pages live (vi is the default, at the root).
PREFIXES = {"vi": "", "en": "en/", "km": "km/", "lo": "lo/", "zh": "zh/"}
SEARCH_PAGE = "tim-kiem/"


@dataclass(frozen=True)
class Judgement:
    """One query and the article (path inside its language) that must come first."""

    lang: str
    query: str
    expected: str


@dataclass
class Outcome:
    """What the search page listed for one query."""

    judgement: Judgement
    urls: list[str]

    @property
    def rank(self) -> int | None:
        """1 for the first result; None when the expected article is not listed."""
        wanted = "/" + PREFIXES[self.judgement.lang] + self.judgement.expected
        for position, url in enumerate(self.urls, start=1):
            if url.endswith(wanted) and not _longer_prefix(url, wanted, self.judgement.lang):
                return position
        return None


def _longer_prefix(url: str, wanted: str, lang: str) -> bool:
    # For the default language at the root, /en/x/ also ends with /x/.
    if PREFIXES[lang]:
        return False
    rest = url[: -len(wanted)].rstrip("/").rsplit("/", 1)[-1]
    return rest in {prefix.strip("/") for prefix in PREFIXES.values() if prefix}


@dataclass
class Scores:
    """success@1, MRR and top-3 of one language's judged queries."""

    lang: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.outcomes)

    @property
    def success_at_1(self) -> float:
        return sum(o.rank == 1 for o in self.outcomes) / self.count if self.count else 0.0

    @property
    def mrr(self) -> float:
        total = sum(1 / o.rank for o in self.outcomes if o.rank)
        return total / self.count if self.count else 0.0

    @property
    def top_3(self) -> float:
        return sum(bool(o.rank and o.rank <= 3) for o in self.outcomes) / self.count

    def misses(self, worse_than: int = 1) -> list[Outcome]:
        """Queries whose article is below this rank (or missing)."""
        return [o for o in self.outcomes if not o.rank or o.rank > worse_than]

    def as_dict(self) -> dict[str, Any]:
        return {
            "queries": self.count,
            "success_at_1": round(self.success_at_1, 3),
            "mrr": round(self.mrr, 3),
            "top_3": round(self.top_3, 3),
            "misses": [
                {"query": o.judgement.query, "expected": o.judgement.expected, "rank": o.rank}
                for o in self.misses()
            ],
        }


def load_judgements(folder: Path = RELEVANCE_DIR) -> dict[str, list[Judgement]]:
    """The judged queries of every language: <folder>/<lang>.yml, {article: [queries]}."""
    judged: dict[str, list[Judgement]] = {}
    for file in sorted(folder.glob("*.yml")):
        lang = file.stem
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        judged[lang] = [
            Judgement(lang, str(query), str(expected))
            for expected, queries in data.items()
            for query in queries
        ]
    return judged


# Submit each query in the search page's form and wait for its answer: the status line
# leaves the "searching" text once the results are drawn.
_RUN_QUERIES = """async (queries) => {
  const form = document.querySelector("form[data-gl-search]");
  const input = form.querySelector("input[type=search]");
  const status = form.querySelector(".gl-search__status");
  const answered = () => status.textContent && status.textContent !== form.dataset.loading;
  // The page loads its search code on focus: wait until it has taken the form.
  input.focus();
  await import(new URL(form.dataset.module, document.baseURI).href);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const out = [];
  for (const query of queries) {
    input.value = query;
    status.textContent = "";
    form.requestSubmit();
    const began = performance.now();
    while (!answered() && performance.now() - began < 20000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    out.push([...form.querySelectorAll(".gl-search__result a")].map((a) => a.getAttribute("href")));
  }
  return out;
}"""


def run_language(page, base_url: str, lang: str, judgements: list[Judgement]) -> Scores:
    """Run one language's queries on its search page (a Playwright page)."""
    page.goto(f"{base_url}/{PREFIXES[lang]}{SEARCH_PAGE}", wait_until="networkidle")
    found = page.evaluate(_RUN_QUERIES, [j.query for j in judgements])
    return Scores(lang, [Outcome(j, urls) for j, urls in zip(judgements, found, strict=True)])


def measure(site: Path, chromium: str = "/usr/bin/chromium") -> dict[str, Scores]:
    """Serve a built site on 127.0.0.1 and run every language's judged queries."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address) -> None:
            pass  # a page closed while a file was on its way: nothing to report

    handler = functools.partial(Quiet, directory=str(site))
    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    scores: dict[str, Scores] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
            )
            try:
                for lang, judgements in load_judgements().items():
                    context = browser.new_context()
                    context.route(
                        "**/*",
                        lambda route: (
                            route.continue_()
                            if route.request.url.startswith((base, "data:", "blob:"))
                            else route.abort()
                        ),
                    )
                    scores[lang] = run_language(context.new_page(), base, lang, judgements)
                    context.close()
            finally:
                browser.close()
    finally:
        server.shutdown()
    return scores


def table(scores: dict[str, Scores]) -> str:
    """A Markdown table: queries, success@1, MRR and top 3 per language."""
    lines = [
        "| language | queries | success@1 | MRR | in top 3 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for lang, score in scores.items():
        lines.append(
            f"| {lang} | {score.count} | {score.success_at_1:.3f} | {score.mrr:.3f} "
            f"| {score.top_3:.3f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.relevance",
        description="success@1 and MRR of the judged queries (tests/relevance/) on a built site.",
    )
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--json", type=Path, help="also write the scores and misses here")
    args = parser.parse_args(argv)
    scores = measure(args.site)
    print(table(scores))
    for lang, score in scores.items():
        for outcome in score.misses():
            print(
                f"{lang}: {outcome.judgement.query!r} → {outcome.judgement.expected} "
                f"at {outcome.rank or '-'}"
            )
    if args.json:
        args.json.write_text(
            json.dumps({k: v.as_dict() for k, v in scores.items()}, ensure_ascii=False, indent=2)
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
