"""Reads every indicator's JSON-stat dataset (data.json) under OUT with pyjstat, an
independent reader, and compares each value of the whole (no part) with the figure the same
folder's data.csv gives for that measure, kind and period. Exit status 1 on any difference."""
import csv, json, pathlib, sys
from pyjstat import pyjstat

bad = 0
checked = 0
for path in sorted(pathlib.Path(sys.argv[1]).rglob("indikator/*/data.json")):
    ds = pyjstat.Dataset.read(path.read_text(encoding="utf-8"))
    df = ds.write("dataframe", naming="id")
    df = df[df["value"].notna()]
    if "part" in df.columns:
        df = df[df["part"] == "total"]
    got = {(r["measure"].split("/", 1)[1], r["kind"], r["period"]): float(r["value"]) for _, r in df.iterrows()}
    want = {}
    for row in csv.DictReader(open(path.with_name("data.csv"), encoding="utf-8")):
        if row["verdi"] and row["periode"]:
            key = (row["maling"], row["type"], row["periode"])
            want.setdefault(key, float(row["verdi"]))
    measures = {k[0] for k in got}
    # A measure without an id is `maling-N` in the dataset and empty in the CSV.
    if "" in {k[0] for k in want} and len(measures) == 1:
        only = next(iter(measures))
        want = {(k[0] or only, k[1], k[2]): v for k, v in want.items()}
    if got != want:
        bad += 1
        print(f"FAIL {path}: pyjstat read {sorted(got.items())}, data.csv has {sorted(want.items())}")
    checked += len(got)
print(f"pyjstat: {checked} values read back, {bad} datasets differ")
sys.exit(1 if bad else 0)
