"""The label-efficiency evaluation behind bench/label-efficiency (issue 8, part 2)."""
