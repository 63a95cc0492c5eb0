#!/usr/bin/env python3
"""Markdown report of bench/opinion.sh from its results (one JSON object per size and line).

    python3 report.py RESULTS.jsonl

Prints the table and, per size, the notes (dias' phase timings, red-dwarf's status) and the
check of issue 4's targets for the medium size. Standard library only.
"""
import json
import statistics
import sys


def fmt(x, spec: str, none: str = "–") -> str:
    return none if x is None else format(x, spec)


def main() -> int:
    rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    print(
        "| size | participants × statements | votes (density) | dias wall s | dias analysis ms "
        "| dias max RSS MB | red-dwarf analysis s | red-dwarf max RSS MB | ratio (analysis) "
        "| k dias / red-dwarf | ARI dias↔red-dwarf | ARI vs planted dias / red-dwarf |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    notes = []
    for r in rows:
        d, rd, c = r["dias"], r.get("reddwarf") or {}, r.get("compare") or {}
        d_wall = statistics.median(d["wall_s"])
        d_ms = statistics.median(d["total_ms"])
        rd_ok = rd.get("status") == "ok"
        ratio = rd["analysis_s"] * 1000 / d_ms if rd_ok and d_ms > 0 else None
        k_rd = str(rd["k"]) if rd_ok else "–"
        print(
            f"| {r['size']} | {r['participants']:,} × {r['statements']:,} "
            f"| {r['votes']:,} ({r['density'] * 100:.1f} %) "
            f"| {d_wall:.2f} | {d_ms:.0f} | {d['max_rss_kb'] / 1024:.0f} "
            f"| {fmt(rd.get('analysis_s') if rd_ok else None, '.2f')} "
            f"| {fmt(rd['max_rss_kb'] / 1024 if rd_ok else None, '.0f')} "
            f"| {fmt(ratio, '.1f')}{'×' if ratio is not None else ''} "
            f"| {d['k']} / {k_rd} "
            f"| {fmt(c.get('ari_dias_reddwarf'), '.3f')} "
            f"| {fmt(c.get('ari_dias_truth'), '.3f')} / {fmt(c.get('ari_reddwarf_truth'), '.3f')} |"
        )
        phases = ", ".join(f"{k} {v:.0f}" for k, v in d["timings_ms"].items() if k != "total")
        runs = ", ".join(f"{x:.0f}" for x in d["total_ms"])
        notes.append(
            f"- {r['size']}: dias {len(d['total_ms'])} runs, analysis ms {runs} (median shown); "
            f"phases of the median run (ms): {phases}; clustered {c.get('clustered_dias', '?')} participants."
        )
        if rd_ok:
            notes.append(
                f"- {r['size']}: red-dwarf {rd.get('version', '?')} `run_pipeline` {rd['analysis_s']:.2f} s "
                f"(+ CSV read {rd['load_s']:.2f} s and vote-dict building {rd['prep_s']:.2f} s, not counted); "
                f"process wall {rd['wall_s']:.1f} s; clustered {rd.get('clustered', '?')} participants."
            )
        else:
            notes.append(f"- {r['size']}: red-dwarf {rd.get('status', 'not run')}: {rd.get('note', '')}")
        if r["size"] == "medium":
            checks = [
                ("analysis < 1 s", d_ms < 1000),
                ("max RSS < 500 MB", d["max_rss_kb"] / 1024 < 500),
            ]
            if ratio is not None:
                checks.append(("≥ 20× faster than red-dwarf", ratio >= 20))
            notes.append(
                "- medium, targets of issue 4: "
                + "; ".join(f"{name}: {'met' if ok else 'NOT met'}" for name, ok in checks)
                + ("" if ratio is not None else "; ratio: not measured")
                + "."
            )
    print()
    print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
