#!/usr/bin/env python3
"""Runs the shared scorer over corpus folders and fails when a figure is below its bar.

Usage: corpus_bars.py --scorer PATH --dondoc PATH [--bars task_f1=0.95,...] DIR...
The default bars are issue 2's: task, lead, deadline and figure 0.95, support 0.90, header 1.0.
"""
import argparse, json, subprocess, sys

DEFAULT_BARS = {"task_f1": 0.95, "lead_f1": 0.95, "support_f1": 0.90, "deadline_acc": 0.95,
                "figure_f1": 0.95, "header_acc": 1.0}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", required=True)
    ap.add_argument("--dondoc", required=True)
    ap.add_argument("--bars", default="")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    bars = dict(DEFAULT_BARS)
    for item in filter(None, a.bars.split(",")):
        k, v = item.split("=")
        bars[k] = float(v)
    cmd = [sys.executable, a.scorer, "-v", "--json", "--cmd", f"{a.dondoc} extract --format json {{}}",
           *a.dirs]
    run = subprocess.run(cmd, capture_output=True, text=True)
    print(run.stdout)
    print(run.stderr, file=sys.stderr)
    totals = json.loads(run.stdout.strip().splitlines()[-1])
    failed = [f"{k}={totals[k]:.3f} < {bar}" for k, bar in bars.items() if totals[k] < bar]
    if run.returncode != 0 or totals["failed"]:
        failed.append(f"scorer exit {run.returncode}, failed runs {totals['failed']}")
    if failed:
        print("BELOW THE BARS: " + "; ".join(failed))
        return 1
    print("all bars met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
