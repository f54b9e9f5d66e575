#!/usr/bin/env bash
# This tool against the typst compiler on the same sources, in one run:
#   (a) `build --force` of the bundled content: every PDF, web page and indicator page;
#   (b) the same documents' typst sources (kept with `--keep-typst`) compiled by typst, one
#       process per document, two at a time, each loading the same fonts;
#   (c) `build` again with nothing changed.
# Prints the median of RUNS runs of each and the ratios.
# The compiler is PyPI's `typst` package, which bundles it: pip install 'typst==0.15.*'.
# Usage: benches/compare.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
if ! python3 -c 'import typst' 2>/dev/null; then
  echo "benches/compare.sh: needs the typst compiler (pip install 'typst==0.15.*')" >&2
  exit 2
fi
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/statusrapport
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" build --force --out "$tmp/out" --keep-typst "$tmp/typst" 2>/dev/null
cat >"$tmp/one.py" <<'PY'
import sys, typst
root, doc, out = sys.argv[1:4]
typst.compile(f"{root}/{doc}/main.typ", output=out, root=root, format="pdf",
              font_paths=[f"{root}/fonts"], ignore_system_fonts=True, pdf_standards=["ua-1"])
PY
python3 - "$bin" "$tmp" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
bin, tmp, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = sorted(d for d in os.listdir(f"{tmp}/typst") if d != "fonts")

def median(run):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)

def build(*extra):
    subprocess.run([bin, "build", "--out", f"{tmp}/out", *extra], check=True,
                   stderr=subprocess.DEVNULL)

def typst_per_document():
    subprocess.run(["xargs", "-P", "2", "-I{}", sys.executable, f"{tmp}/one.py",
                    f"{tmp}/typst", "{}", f"{tmp}/{{}}.pdf"],
                   input="\n".join(docs), text=True, check=True)

full = median(lambda: build("--force"))
peer = median(typst_per_document)
again = median(build)
print(f"documents: {len(docs)} PDFs (the build also writes their web pages and the site)")
print(f"(a) build --force:                      {full * 1000:8.1f} ms")
print(f"(b) typst, a process per document, x2:  {peer * 1000:8.1f} ms")
print(f"(c) build, nothing changed:             {again * 1000:8.1f} ms")
print(f"typst per document / full build:        {peer / full:8.2f}x")
print(f"no-change rebuild / full build:         {again / full:8.1%}")
PY
