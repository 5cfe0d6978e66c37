#!/usr/bin/env python3
"""Load a densebench result set into pandas and print a per-plugin summary.

The recipe of docs/analysis.md, tested in CI with Debian's python3-pandas:

    densebench export results/<name>            # writes results/<name>/runs.csv
    python3 scripts/load_results.py results/<name>/runs.csv

Each row of runs.csv is one run; see docs/analysis.md for the columns. With --json the summary is printed as JSON
(the test compares it with the result set itself).
"""
import json
import sys

import pandas as pd


def load(path):
    """One DataFrame row per run; a run that timed out or failed has NaN energy and work."""
    runs = pd.read_csv(path)
    runs["solved"] = runs["status"] == "solved"
    return runs


def summary(runs):
    """Per plugin and α: runs, solved runs, success rate and the median work of the solved runs."""
    grouped = runs.groupby(["plugin", "problem", "n", "alpha"])
    table = grouped.agg(runs=("id", "size"), solved=("solved", "sum"), median_work_solved=("work", lambda w: w[runs.loc[w.index, "solved"]].median()))
    table["success_rate"] = table["solved"] / table["runs"]
    return table.reset_index()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit("usage: python3 scripts/load_results.py <runs.csv> [--json]")
    runs = load(args[0])
    table = summary(runs)
    if "--json" in sys.argv:
        rows = table.astype(object).where(table.notna(), None).to_dict(orient="records")
        print(json.dumps({"runs": int(len(runs)), "columns": list(runs.columns[:-1]), "summary": rows}))
    else:
        print(table.to_string(index=False))
