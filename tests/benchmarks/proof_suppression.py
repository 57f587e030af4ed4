"""Proof: no hidden cell of a suppressed report can be worked out, over thousands of random case sets.

Run on demand (``tests/test_report_suppression.py`` runs the same checks on a few hundred examples in
every test run):

    .venv/bin/python tests/benchmarks/proof_suppression.py [--examples 5000] [--seed 1] [--cases 100000]

First it times ``suppress`` on a full-size report: 24 months, 14 incident types, 6 branches,
``--cases`` random cases with realistic skew (rare incident types and small branches, so there is
plenty to hide) counted into the report's 18 count tables (cases by month, incident type, incident type
by month and by branch, platform, perpetrator relation, branch, service status, age band, gender,
region; contacts by month, channel and caller type; referrals by organization type, by type and
status, by outcome; take-downs by place and outcome), for k = 3, 5 and 7, and checks each result with
linear programming too.

Then it draws ``--examples`` random case sets of the shape the tests draw (three months, one to three
of six incident types, four branches, groups of 1 to 20 identical cases), k from 3, 5 and 7, counts
them into the report's case tables, runs ``suppress`` and checks everything with
``test_report_suppression.check_suppression``: no shown count from 1 to k-1, zeros shown, every hidden
cell's interval under linear programming (SciPy's linprog over every published value, equation,
inequality and bound) at least one wide. Example ``i`` is seeded ``"SEED-i"``, so one can be repeated
alone with ``--first i --examples 1``.

Prints the figures; failures must be 0.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests folder

from safecase.reports.model import Axis, CountTable
from safecase.reports.relations import relations
from safecase.reports.suppression import suppress
from test_report_suppression import check_suppression, count_tables, random_cases


def proof(examples: int, seed: int, first: int) -> int:
    failures = 0
    tally: Counter[str] = Counter()
    widths: list[float] = []
    times: list[float] = []
    start = time.perf_counter()
    for i in range(first, first + examples):
        rng = random.Random(f"{seed}-{i}")
        k = rng.choice((3, 5, 7))
        tables = count_tables(random_cases(rng, 30))
        began = time.process_time()
        result = suppress(tables, k)
        times.append(time.process_time() - began)
        try:
            intervals = check_suppression(tables, result)
        except AssertionError as error:
            failures += 1
            print(f"FAILED example {i} (k={k}): {error}")
            continue
        tally["quantities"] += len(result.states)
        tally["primary"] += result.primary_count
        tally["secondary"] += result.secondary_count
        tally["withheld tables"] += len(result.withheld_tables)
        tally["examples withholding"] += bool(result.withheld_tables)
        tally["hidden cells checked"] += len(intervals)
        widths.extend(iv.width for iv in intervals)
        if (i - first + 1) % 500 == 0:
            print(f"  {i - first + 1} examples, {time.perf_counter() - start:.0f} s", flush=True)
    print(f"\nRandom case sets: {examples} (seed {seed}), k in 3/5/7, each checked by linear programming")
    for name, count in tally.items():
        print(f"  {name:<24}{count:>10}")
    if widths:
        narrow = sum(1 for w in widths if w < 2 - 1e-6)
        print(f"  {'narrowest interval':<24}{min(widths):>10.2f}   (intervals narrower than 2: {narrow})")
    print(f"  {'suppress() CPU mean / max':<24}{statistics.mean(times) * 1000:>8.1f} ms / {max(times) * 1000:.1f} ms")
    print(f"  {'seconds':<24}{time.perf_counter() - start:>10.0f}")
    print(f"  {'failures':<24}{failures:>10}")
    return failures


# --- a full-size report -------------------------------------------------------------------------------


def _codes(prefix: str, n: int) -> tuple[str, ...]:
    return tuple(f"{prefix}{i:02d}" for i in range(n))


def _skewed(n: int, power: float) -> list[float]:
    """Zipf-like weights: a few common categories and a long tail of rare ones."""
    return [1 / (i + 1) ** power for i in range(n)]


def full_report(cases: int, rng: random.Random) -> list[CountTable]:
    months = tuple(f"{2025 + i // 12}-{i % 12 + 1:02d}" for i in range(24))
    month = Axis("month", months)
    single = {  # axis -> (codes, weights) for one-valued case attributes
        "branch": (_codes("b", 6), [40, 25, 15, 10, 6, 4]),
        "service_status": (_codes("s", 4), [60, 30, 8, 2]),
        "age_band": (_codes("a", 9), [1, 5, 20, 25, 20, 12, 8, 4, 1]),
        "gender": (("female", "male", "other", "not_recorded"), [70, 25, 1, 4]),
        "region": (_codes("r", 17), _skewed(17, 1.0)),
    }
    multi = {  # axis -> (codes, weights, how many values a case may have)
        "incident_type": (_codes("t", 14), _skewed(14, 3.2), (1, 1, 1, 2, 3)),
        "platform": (_codes("p", 15), _skewed(15, 1.8), (1, 1, 2)),
        "perpetrator_relation": (_codes("v", 9), _skewed(9, 1.5), (1,)),
    }
    one_way: dict[str, Counter[tuple[str, str]]] = {name: Counter() for name in ["month", *single, *multi]}
    type_month: Counter[tuple[str, str]] = Counter()
    type_branch: Counter[tuple[str, str]] = Counter()
    for _ in range(cases):
        m = rng.choice(months)
        one_way["month"][m, ""] += 1
        values = {name: rng.choices(codes, weights)[0] for name, (codes, weights) in single.items()}
        for name, value in values.items():
            one_way[name][value, ""] += 1
        for name, (codes, weights, sizes) in multi.items():
            for code in set(rng.choices(codes, weights, k=rng.choice(sizes))):
                one_way[name][code, ""] += 1
                if name == "incident_type":
                    type_month[code, m] += 1
                    type_branch[code, values["branch"]] += 1
    axes = {name: Axis(name, codes) for name, (codes, _) in single.items()}
    axes |= {name: Axis(name, codes, multi_valued=True) for name, (codes, _, _) in multi.items()}
    axes["month"] = month
    t = axes["incident_type"]
    tables = [
        CountTable("new_cases_by_month", "cases", month, values=dict(one_way["month"])),
        CountTable("incident_types", "cases", t, values=dict(one_way["incident_type"])),
        CountTable("incident_type_by_month", "cases", t, month, values=dict(type_month)),
        CountTable("incident_type_by_branch", "cases", t, axes["branch"], values=dict(type_branch)),
        CountTable("platforms", "cases", axes["platform"], values=dict(one_way["platform"])),
        CountTable(
            "perpetrator_relations", "cases", axes["perpetrator_relation"], values=dict(one_way["perpetrator_relation"])
        ),
    ]
    for name, key in (
        ("branch", "branches"),
        ("service_status", "service_statuses"),
        ("age_band", "age_bands"),
        ("gender", "genders"),
        ("region", "regions"),
    ):
        tables.append(CountTable(key, "cases", axes[name], values=dict(one_way[name])))
    tables += _other_populations(cases, months, rng)
    return tables


def _other_populations(cases: int, months: tuple[str, ...], rng: random.Random) -> list[CountTable]:
    """Contacts, referrals and take-downs: their own populations, tables of the same kinds."""
    channel, caller = Axis("channel", _codes("c", 6)), Axis("caller_type", _codes("k", 6))
    contacts: dict[str, Counter[tuple[str, str]]] = {"month": Counter(), "channel": Counter(), "caller": Counter()}
    for _ in range(cases * 3 // 2):
        contacts["month"][rng.choice(months), ""] += 1
        contacts["channel"][rng.choices(channel.codes, _skewed(6, 2))[0], ""] += 1
        contacts["caller"][rng.choices(caller.codes, _skewed(6, 2.5))[0], ""] += 1
    org, status = Axis("org_type", _codes("o", 10)), Axis("referral_status", _codes("q", 5))
    outcome = Axis("referral_outcome", _codes("u", 8))
    referrals: dict[str, Counter[tuple[str, str]]] = {"org": Counter(), "org_status": Counter(), "outcome": Counter()}
    for _ in range(cases // 5):
        o = rng.choices(org.codes, _skewed(10, 2.5))[0]
        referrals["org"][o, ""] += 1
        referrals["org_status"][o, rng.choices(status.codes, _skewed(5, 2))[0]] += 1
        referrals["outcome"][rng.choices(outcome.codes, _skewed(8, 2))[0], ""] += 1
    reported_to, taken = (
        Axis("reported_to", _codes("w", 5)),
        Axis("takedown_outcome", ("removed", "refused", "pending")),
    )
    takedowns: Counter[tuple[str, str]] = Counter()
    for _ in range(cases // 30):
        takedowns[rng.choices(reported_to.codes, _skewed(5, 2))[0], rng.choices(taken.codes, [70, 10, 20])[0]] += 1
    month = Axis("month", months)
    return [
        CountTable("contacts_by_month", "contacts", month, values=dict(contacts["month"])),
        CountTable("contact_channels", "contacts", channel, values=dict(contacts["channel"])),
        CountTable("caller_types", "contacts", caller, values=dict(contacts["caller"])),
        CountTable("referral_org_types", "referrals", org, values=dict(referrals["org"])),
        CountTable("referral_status_by_org_type", "referrals", org, status, values=dict(referrals["org_status"])),
        CountTable("referral_outcomes", "referrals", outcome, values=dict(referrals["outcome"])),
        CountTable("takedowns_by_reported_to", "takedowns", reported_to, taken, values=dict(takedowns)),
    ]


def benchmark(cases: int, seed: int, repeat: int) -> int:
    rng = random.Random(f"{seed}-full")
    tables = full_report(cases, rng)
    rel = relations(tables)
    print(
        f"\nA full report from {cases:,} random cases (24 months, 14 incident types, 6 branches): "
        f"{len(tables)} tables, {len(rel.values)} quantities, {len(rel.equations)} equations, "
        f"{len(rel.at_most)} inequalities"
    )
    failures = 0
    for k in (3, 5, 7):
        wall, cpu = [], []
        for _ in range(repeat):
            began, began_cpu = time.perf_counter(), time.process_time()
            result = suppress(tables, k)
            wall.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
        try:
            intervals = check_suppression(tables, result)
            verdict = f"LP: {len(intervals)} hidden cells, narrowest {min((i.width for i in intervals), default=0):.2f}"
        except AssertionError as error:
            failures += 1
            verdict = f"FAILED: {error}"
        withheld = ", ".join(sorted(result.withheld_tables)) or "none"
        print(
            f"  k={k}: suppress() median {statistics.median(wall) * 1000:.0f} ms (CPU "
            f"{statistics.median(cpu) * 1000:.0f} ms), slowest {max(wall) * 1000:.0f} ms; primary {result.primary_count}, "
            f"secondary {result.secondary_count}; withheld: {withheld}; {verdict}"
        )
    print(f"  failures {failures}")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first", type=int, default=0, help="index of the first example (to repeat one)")
    parser.add_argument("--cases", type=int, default=100_000, help="cases in the full-size report")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of the full-size report per k")
    args = parser.parse_args()
    failures = benchmark(args.cases, args.seed, args.repeat)
    if args.examples:
        failures += proof(args.examples, args.seed, args.first)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
