#!/usr/bin/env bash
# The benchmark of issue 12, in one run:
#   on the bundled content
#     (a) `build --force`: every PDF, web page and indicator page;
#     (b) the same documents' typst sources (kept with `--keep-typst`) compiled by the typst
#         compiler, one process per document, two at a time, each loading the fonts again;
#     (c) `build` again with nothing changed;
#     (d) the same full build on one thread (RAYON_NUM_THREADS=1): what parallel work buys;
#     (e) `check` alone (load and validate): the share of a build that is not making outputs;
#     (f) `watch` rebuilding after one sentence of a status file was edited;
#     (g) the quarter's deck compiled by typst from its kept source, against the same deck's
#         source as it was before typst broke its pages (benches/reference/deck, issue 23):
#         time per page, each compile in a fresh process, timed inside it;
#   then on synthetic content at 10x, 30x and 100x (benches/scale): a full build's time,
#   pages and peak memory, and their ratios to the bundled content's full build (time per
#   PDF page: what layout costs should grow with the pages made, and no faster).
# Times are medians of RUNS runs (hyperfine when installed, else a loop); the scaled builds
# run once each under /usr/bin/time -v.
# The compiler for (b) is the typst CLI when TYPST names one (typst-cli 0.15 from crates.io:
# `cargo install typst-cli --version 0.15.1 --locked`), else PyPI's `typst` package (0.15
# line, installed into benches/.venv when python3 cannot import it), whose time is also shown
# less python3's start-up and import.
# Usage: benches/run.sh [--runs N] [--no-100]   (default 5 runs; --no-100 skips 100x)
#        TYPST=path/to/typst benches/run.sh       (the typst CLI as the peer)
# Set STATUSRAPPORT=path/to/binary to skip `cargo build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
scales=(10 30 100)
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --no-100) scales=(10 30); shift ;;
    *) echo "benches/run.sh: unknown argument $1 (expected --runs N or --no-100)" >&2; exit 2 ;;
  esac
done

if [ -z "${STATUSRAPPORT:-}" ]; then
  cargo build --release --quiet
  STATUSRAPPORT=${CARGO_TARGET_DIR:-target}/release/statusrapport
fi
bin=$(realpath "$STATUSRAPPORT")
if [[ $("$bin" build --help) != *--keep-typst* ]]; then
  echo "benches/run.sh: $bin has no \`build --force --keep-typst\` (issue 12.2 and 12.5)" >&2
  exit 2
fi
[ -x /usr/bin/time ] || { echo "benches/run.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
command -v pdfinfo >/dev/null || { echo "benches/run.sh: needs pdfinfo (apt-get install poppler-utils)" >&2; exit 2; }

# pages DIR: how many pages the PDFs under DIR have in all.
pages() {
  find "$1" -name '*.pdf' -print0 | xargs -0 -r -n1 pdfinfo 2>/dev/null | awk '/^Pages:/ {s += $2} END {print s + 0}'
}

py=python3
cli=${TYPST:-}
if [ -n "$cli" ]; then
  cli=$(realpath "$cli")
  [[ $("$cli" --version) == "typst 0.15"* ]] || { echo "benches/run.sh: $cli is not typst 0.15" >&2; exit 2; }
elif ! "$py" -c 'import typst' 2>/dev/null; then
  if [ ! -x benches/.venv/bin/python ]; then
    python3 -m venv benches/.venv
    benches/.venv/bin/pip install --quiet 'typst>=0.15,<0.16'
  fi
  # Not `realpath`: resolving the link would leave the venv for the interpreter behind it.
  py=$PWD/benches/.venv/bin/python
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One document per process, as the typst CLI would: the same PDF standard as the build.
# ROOT is `dir` (--root DIR, as `build --help` documents) or `doc` (--root DIR/<id>, for a
# kept layout whose root-absolute imports such as "/style.typ" sit beside main.typ).
cat >"$tmp/one.py" <<'PY'
import sys, typst
kept, doc, out, mode = sys.argv[1:5]
root = kept if mode == "dir" else f"{kept}/{doc}"
typst.compile(f"{kept}/{doc}/main.typ", output=out, root=root, format="pdf",
              font_paths=[f"{kept}/fonts"], ignore_system_fonts=True, pdf_standards=["ua-1"])
PY
# Not `typst`: python puts the script's folder first on its path, and a folder `typst` there
# would hide the package.
"$bin" build --force --out "$tmp/out" --keep-typst "$tmp/kept" 2>/dev/null
ls "$tmp/kept" | grep -vx fonts >"$tmp/docs"
ndocs=$(wc -l <"$tmp/docs")
if [ -n "$cli" ]; then
  # The same call as the Python one, as `build --help` documents it.
  cat >"$tmp/one.sh" <<SH
#!/usr/bin/env bash
root=\$1; [ "\$4" = doc ] && root=\$1/\$2
exec "$cli" compile --root "\$root" --font-path "\$1/fonts" --ignore-system-fonts --pdf-standard ua-1 "\$1/\$2/main.typ" "\$3"
SH
  chmod +x "$tmp/one.sh"
  one="$tmp/one.sh"
else
  one="$py $tmp/one.py"
fi
root=dir
if ! $one "$tmp/kept" "$(head -1 "$tmp/docs")" "$tmp/probe.pdf" dir 2>/dev/null; then
  root=doc
  echo "note: the kept sources do not compile with --root DIR; compiling each with --root DIR/<id>" >&2
fi
cat >"$tmp/peer.sh" <<SH
xargs -P 2 -I{} $one "$tmp/kept" {} "$tmp/peer-{}.pdf" $root <"$tmp/docs"
SH
# Sanity: the peer must compile every document.
bash "$tmp/peer.sh"
[ "$(ls "$tmp"/peer-*.pdf | wc -l)" = "$ndocs" ] || { echo "benches/run.sh: typst did not compile every kept source" >&2; exit 1; }

# median NAME COMMAND: prints the median wall time of COMMAND in seconds.
median() {
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs "$runs" --style none --export-json "$tmp/$1.json" "$2" >/dev/null 2>&1
    "$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$tmp/$1.json"
  else
    for _ in $(seq "$runs"); do
      s=$(date +%s.%N); bash -c "$2" >/dev/null 2>&1; e=$(date +%s.%N)
      awk "BEGIN {print $e - $s}"
    done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
  fi
}

full=$(median full "'$bin' build --force --out '$tmp/out'")
peer=$(median peer "bash '$tmp/peer.sh'")
if [ -n "$cli" ]; then
  import=0
  peer_name="typst $("$cli" --version | cut -d' ' -f2) CLI"
else
  import=$(median import "'$py' -c 'import typst'")
  peer_name="PyPI typst"
fi
"$bin" build --out "$tmp/out" 2>/dev/null
again=$(median again "'$bin' build --out '$tmp/out'")
serial=$(median serial "RAYON_NUM_THREADS=1 '$bin' build --force --out '$tmp/out'")
check=$(median check "'$bin' check")
/usr/bin/time -f '%M' -o "$tmp/mem-1" "$bin" build --force --out "$tmp/out" 2>/dev/null
pages1=$(pages "$tmp/out")

# (g) The latest quarter's deck from its kept source and from the reference source, each
# compiled RUNS times in a process of its own, the compile timed inside the process (python3's
# start and import left out, so only typst's work on the two sources is compared).
cat >"$tmp/deck.py" <<'PY'
import sys, time, typst
main, root, fonts, out = sys.argv[1:5]
start = time.perf_counter()
typst.compile(main, output=out, root=root, format="pdf", font_paths=[fonts], ignore_system_fonts=True)
print(time.perf_counter() - start)
PY
deck=$(grep -E '^status-[0-9]{4}-q[1-4]$' "$tmp/docs" | sort | tail -1)
deck_ms() { # deck_ms MAIN ROOT: the median compile time and the pages, "SECONDS PAGES"
  for _ in $(seq "$runs"); do "$py" "$tmp/deck.py" "$1" "$2" "$tmp/kept/fonts" "$tmp/deck.pdf"; done \
    | sort -n | awk '{a[NR]=$1} END {printf "%s ", a[int((NR+1)/2)]}'
  pdfinfo "$tmp/deck.pdf" | awk '/^Pages:/ {print $2}'
}
deck_root=$tmp/kept; [ "$root" = doc ] && deck_root=$tmp/kept/$deck
deck_now=$(deck_ms "$tmp/kept/$deck/main.typ" "$deck_root")
deck_ref=$(deck_ms benches/reference/deck/main.typ benches/reference/deck)

# (f) watch: one sentence of a status file edited RUNS+1 times, each rebuild's time as watch
# prints it (after its debounce). The first edit is cold, as the outputs were up to date when
# watch started; the later ones find the last build's sources and typst's memoised work.
mkdir "$tmp/w"
cp -r content "$tmp/w/content"
"$bin" build --content "$tmp/w/content" --out "$tmp/w/out" >/dev/null 2>&1
"$bin" watch --content "$tmp/w/content" --out "$tmp/w/out" 2>"$tmp/w/log" &
watcher=$!
trap 'kill "$watcher" 2>/dev/null || true; rm -rf "$tmp"' EXIT
built() { # waits for the Nth `built:` line of the watch
  for _ in $(seq 1200); do
    [ "$(grep -c '^built:' "$tmp/w/log")" -ge "$1" ] && return
    sleep 0.05
  done
  echo "benches/run.sh: watch did not rebuild; it printed:" >&2; cat "$tmp/w/log" >&2; exit 1
}
built 1
for k in $(seq 0 "$runs"); do
  sed -i "s/gjennomgående god[0-9]*/gjennomgående god$k/" "$tmp/w/content/status/2026-q2.yaml"
  built $((k + 2))
done
kill "$watcher"
watch_ms=$(grep '^built:' "$tmp/w/log" | tail -n +2 | sed 's/.* in \([0-9]*\) ms$/\1/' | tr '\n' ' ')

# scaled N: generates N x content, builds it once, prints seconds and peak KiB.
scaled() {
  benches/scale "$1" "$tmp/content-$1" >/dev/null
  "$bin" check --content "$tmp/content-$1" >/dev/null 2>&1 \
    || { echo "benches/run.sh: the ${1}x content does not pass check" >&2; "$bin" check --content "$tmp/content-$1" | head >&2; exit 1; }
  /usr/bin/time -v -o "$tmp/time-$1" "$bin" build --force --content "$tmp/content-$1" --out "$tmp/out-$1" 2>"$tmp/build-$1.err" \
    || { echo "benches/run.sh: the ${1}x build failed:" >&2; grep -v '^warning' "$tmp/build-$1.err" | tail -5 >&2; exit 1; }
  local secs kib pdfs
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$tmp/time-$1")
  kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time-$1")
  pdfs=$(find "$tmp/out-$1" -name '*.pdf' | wc -l)
  echo "$secs $kib $pdfs $(pages "$tmp/out-$1")"
  rm -rf "$tmp/content-$1" "$tmp/out-$1"
}

results=()
for n in "${scales[@]}"; do
  results+=("$n $(scaled "$n")")
done

python3 - "$ndocs" "$full" "$peer" "$import" "$again" "$(cat "$tmp/mem-1")" "$runs" "$serial" "$check" "$peer_name" "$watch_ms" "$pages1" "$deck_now" "$deck_ref" "${results[@]}" <<'PY'
import sys
ndocs, full, peer, imp, again, mem1, runs, serial, check, peer_name, watch_ms, pages1, deck_now, deck_ref = sys.argv[1:15]
pages1 = int(pages1)
cold, *warm = [int(ms) / 1000 for ms in watch_ms.split()]
warm_median = sorted(warm)[len(warm) // 2]
ndocs, runs = int(ndocs), int(runs)
full, peer, imp, again, mem1 = float(full), float(peer), float(imp), float(again), int(mem1)
serial, check = float(serial), float(check)
print(f"bundled content: {ndocs} PDFs (the build also writes their web pages and the site); median of {runs} runs")
print(f"  (a) build --force:                       {full * 1000:8.0f} ms   peak {mem1 / 1024:6.0f} MiB"
      f"   {pages1} pages, {full * 1000 / pages1:.1f} ms a page")
print(f"  (b) {peer_name}, a process per document, x2: {peer * 1000:5.0f} ms")
print(f"  (c) build, nothing changed:              {again * 1000:8.0f} ms")
print(f"  (d) build --force on one thread:         {serial * 1000:8.0f} ms")
print(f"  (e) check alone:                         {check * 1000:8.0f} ms")
print(f"  (f) watch, a status sentence edited:     {warm_median * 1000:8.0f} ms   (median of {len(warm)}; the first, cold: {cold * 1000:.0f} ms)")
(now_s, now_p), (ref_s, ref_p) = [(float(a), int(b)) for a, b in (deck_now.split(), deck_ref.split())]
now_pp, ref_pp = now_s * 1000 / now_p, ref_s * 1000 / ref_p
print(f"  (g) the deck from its kept source:       {now_s * 1000:8.0f} ms   {now_p} pages, {now_pp:.1f} ms a page")
print(f"      the reference deck source:           {ref_s * 1000:8.0f} ms   {ref_p} pages, {ref_pp:.1f} ms a page")
print(f"  deck per page / reference per page:      {now_pp / ref_pp:8.2f}x   (target: at most 0.6x)")
print(f"  typst per document / full build:         {peer / full:8.2f}x   (target: at least 1x: nothing around typst costs more than it should)")
if imp > 0:
    net = peer - ndocs * imp / 2
    print(f"  the same, less python3 + import typst ({imp * 1000:.0f} ms a process): {net / full:.2f}x")
print(f"  no-change rebuild / full build:          {again / full:8.1%}   (target: at most 5 %)")
print(f"  one thread / parallel:                   {serial / full:8.2f}x")
print(f"  check / full build:                      {check / full:8.1%}")
print(f"  watch rebuild / full build:              {warm_median / full:8.1%}")
print("scaled content (benches/scale N), one full build each:")
per_page1 = full / pages1
for r in sys.argv[15:]:
    n, secs, kib, pdfs, pages = r.split()
    n, secs, kib, pages = int(n), float(secs), int(kib), int(pages)
    print(f"  {n:3d}x: {pdfs:>4} PDFs {pages:>5} pages  {secs:7.1f} s  = {secs / full:6.1f}x the bundled build"
          f"  {secs * 1000 / pages:6.1f} ms a page = {secs / pages / per_page1:4.2f}x the bundled"
          f"  peak {kib / 1024:6.0f} MiB = {kib / mem1:4.1f}x")
print("targets: at 10x, time a page at most 1.3x and peak memory at most 2.5x the bundled build's;")
print("         at 100x, peak memory under 1 GiB")
PY
