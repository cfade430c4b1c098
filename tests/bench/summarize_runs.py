#!/usr/bin/env python3
"""Folds several runs of one benchmark into one report: each figure line once, every number in
it as "median (min-max)" over the runs. `./dev bench` runs each benchmark three times and
prints this, the form the README and the issue notes quote figures in.

Usage: summarize_runs.py RUN_OUTPUT_FILE...   (each file: one run's standard output)
Lines whose wording differs between runs (not only their numbers) are printed run by run.
"""

import re
import statistics
import sys

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def shape(line):
    return NUMBER.sub("#", line)


def decimals(token):
    return len(token.split(".")[1]) if "." in token else 0


def fold(lines):
    """One line with each number as median (min-max) over `lines`, which share their shape."""
    columns = list(zip(*(NUMBER.findall(line) for line in lines)))
    pieces = NUMBER.split(lines[0])
    out = [pieces[0]]
    for column, piece in zip(columns, pieces[1:]):
        # A number every run printed alike stays as printed: "100 000" is two tokens, and
        # "000" read as a float would print as "0".
        if len(set(column)) == 1:
            out.append(column[0] + piece)
            continue
        places = max(decimals(token) for token in column)
        values = [float(token) for token in column]
        low, high = min(values), max(values)
        text = f"{statistics.median(values):.{places}f}"
        if len(values) > 1 and low != high:
            text += f" ({low:.{places}f}-{high:.{places}f})"
        out.append(text + piece)
    return "".join(out)


def main(paths):
    runs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            runs.append([line.rstrip("\n") for line in f if line.strip()])
    if not runs:
        return 1
    for index, line in enumerate(runs[0]):
        same = [run[index] for run in runs if index < len(run)]
        if len(same) == len(runs) and len({shape(l) for l in same}) == 1:
            print(fold(same))
        else:
            for run, text in enumerate(same, 1):
                print(f"[run {run}] {text}")
    print(f"(median and min-max of {len(runs)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
