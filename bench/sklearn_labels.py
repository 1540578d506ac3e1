#!/usr/bin/env python3
"""The reference grouping: scikit-learn TF-IDF + k-means given the true number of themes.

usage: /usr/bin/python3 bench/sklearn_labels.py FILE.csv TEXT_COL TRUTH_COL [BY_COL] [SEEDS]
Needs Debian's python3-sklearn. Prints JSON: for each seed 0..SEEDS-1, each group's row numbers
(1-based data rows), human themes and k-means labels, so that the quality benchmark scores the
reference with its own code (the same edit count and AMI as rapporteur's themes).
Adapted from shared/data/sklearn_baseline.py (same vectoriser and k-means settings).
"""
import csv, json, sys
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.cluster import KMeans

path, text, truth = sys.argv[1:4]
by = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] != "none" else None
seeds = int(sys.argv[5]) if len(sys.argv) > 5 else 10
rows = list(csv.DictReader(open(path, encoding="utf-8-sig", newline="")))
groups = {}
for number, r in enumerate(rows, start=1):
    if r[text].strip():
        groups.setdefault(r[by] if by else "all", []).append((number, r))
out = []
for seed in range(seeds):
    runs = []
    for name, members in sorted(groups.items()):
        gold = [r[truth] for _, r in members]
        k = len(set(gold))
        X = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([r[text] for _, r in members])
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
        runs.append({"group": name, "rows": [n for n, _ in members], "truth": gold, "labels": [int(l) for l in labels]})
    out.append(runs)
json.dump(out, sys.stdout)
