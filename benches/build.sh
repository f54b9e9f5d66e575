#!/usr/bin/env bash
# Speed of a full build, reported as ratios against peers measured in the same run:
#   - the same build on one thread (RAYON_NUM_THREADS=1): what parallel compilation buys;
#   - `check` (load and validate only): how much of a build is rendering and compiling.
# Uses hyperfine (Debian package `hyperfine`; installed here if missing and we are root).
# Usage: benches/build.sh [RUNS]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
if ! command -v hyperfine >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
  else
    echo "benches/build.sh: needs hyperfine (apt-get install hyperfine)" >&2
    exit 2
  fi
fi
cargo build --release --quiet
bin=target/release/statusrapport
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hyperfine --warmup 2 --runs "$runs" --export-json "$tmp/r.json" --style basic \
  -n parallel "$bin build --out $tmp/out-par" \
  -n one-thread "RAYON_NUM_THREADS=1 $bin build --out $tmp/out-seq" \
  -n check "$bin check" >/dev/null
python3 - "$tmp/r.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
par, seq, chk = r["parallel"]["mean"], r["one-thread"]["mean"], r["check"]["mean"]
print(f"full build, parallel:   {par*1000:8.1f} ms ± {r['parallel']['stddev']*1000:.1f}")
print(f"full build, one thread: {seq*1000:8.1f} ms ± {r['one-thread']['stddev']*1000:.1f}")
print(f"check only:             {chk*1000:8.1f} ms ± {r['check']['stddev']*1000:.1f}")
print(f"speed-up from parallel compilation: {seq/par:.2f}x (one thread / parallel)")
print(f"share of a build spent loading and validating: {chk/par:.1%}")
PY
