#!/usr/bin/env python3
"""summarize_runs.py folds runs into "median (min-max)" and keeps what every run printed alike."""

import os
import sys
import tempfile
import unittest
from contextlib import redirect_stdout
from io import StringIO

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summarize_runs  # noqa: E402


class FoldTest(unittest.TestCase):
    def test_numbers_become_median_and_range(self):
        lines = ["ratio 1.50, 10 ms", "ratio 1.70, 12 ms", "ratio 1.60, 11 ms"]
        self.assertEqual(summarize_runs.fold(lines), "ratio 1.60 (1.50-1.70), 11 (10-12) ms")

    def test_a_number_printed_alike_in_every_run_stays_as_printed(self):
        lines = ["page at 100 000 cards 0.090 ms", "page at 100 000 cards 0.110 ms"]
        self.assertEqual(summarize_runs.fold(lines),
                         "page at 100 000 cards 0.100 (0.090-0.110) ms")

    def test_lines_worded_differently_are_printed_run_by_run(self):
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for run, text in enumerate(["ok 1\n", "failed\n"], 1):
                path = os.path.join(folder, f"run{run}")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                paths.append(path)
            printed = StringIO()
            with redirect_stdout(printed):
                self.assertEqual(summarize_runs.main(paths), 0)
            self.assertIn("[run 1] ok 1", printed.getvalue())
            self.assertIn("[run 2] failed", printed.getvalue())


if __name__ == "__main__":
    unittest.main()
