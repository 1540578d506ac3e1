#!/usr/bin/env python3
"""scikit-learn reference for bench/scale.ts: read a CSV, TF-IDF its text column, k-means.

usage: python3 bench/sklearn_reference.py IN.csv OUT.csv [--k 4] [--text text]

KMeans(k, n_init=1) up to 100,000 rows; MiniBatchKMeans(k, batch_size=4096, n_init=3) above,
as the scale benchmark's targets were set with. Writes one label per row to OUT.csv, so that
both tools read, cluster and write.
"""
import csv
import sys

from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        sys.exit(__doc__)
    k = int(sys.argv[sys.argv.index("--k") + 1]) if "--k" in sys.argv else 4
    column = sys.argv[sys.argv.index("--text") + 1] if "--text" in sys.argv else "text"
    with open(args[0], encoding="utf-8-sig", newline="") as f:
        texts = [row[column] for row in csv.DictReader(f)]
    x = TfidfVectorizer().fit_transform(texts)
    if len(texts) <= 100_000:
        model = KMeans(n_clusters=k, n_init=1, random_state=0)
    else:
        model = MiniBatchKMeans(n_clusters=k, batch_size=4096, n_init=3, random_state=0)
    labels = model.fit_predict(x)
    with open(args[1], "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["row", "label"])
        w.writerows(enumerate(labels.tolist(), start=1))


if __name__ == "__main__":
    main()
