#!/usr/bin/env bash
# Runs the peer comparisons of BENCHMARKS.md ("Peers, side by side"). Peer locations are arguments; nothing is
# downloaded here. Prepare the peers once:
#   python: extract the OASIS archives (cti-python-stix2, cti-taxii-client, cti-pattern-validator) into one folder;
#           Debian 12 packages python3-requests python3-simplejson python3-tz python3-six python3-antlr4
#   node:   npm install --prefix <folder> jose@5        (outside the repository's tracked files, e.g. under target/)
#
# Usage: benchmarks/peers/run-peers.sh <benchmarks jar> <python peers folder> <jose package folder> <work folder>
#        [seconds per measurement (default 10)] [TAXII objects (default 100000)] [TAXII runs (default 3)]
set -euo pipefail
jar="$1"; py_peers="$2"; jose_dir="$3"; work="$4"; seconds="${5:-10}"; objects="${6:-100000}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python=/usr/bin/python3
mkdir -p "$work"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

java -cp "$jar" org.fmishare.benchmarks.PeerInputs "$work" 50

echo "== JWS verify: node jose (same envelopes, same CA)"
for alg in ES256 EdDSA; do
  for mode in cache nocache; do
    node "$here/jose_verify.mjs" "$jose_dir" "$work/ca-$alg.pem" "$work/envelopes-$alg.jsonl" "$seconds" "$mode"
  done
done

echo "== STIX: stix2 building and writing the objects of the SDK's bundle"
"$python" "$here/stix2_map.py" "$py_peers" "$work/stix-bundle.json" "$seconds"

echo "== TAXII read of $objects objects from one server (the SDK's test server), cold processes"
fifo="$work/server.stdin"; rm -f "$fifo"; mkfifo "$fifo"
java -Xmx2g -cp "$jar" org.fmishare.benchmarks.TaxiiReadCheck server "$objects" < "$fifo" > "$work/server.out" &
server_pid=$!
exec 9> "$fifo"          # keeps the server's stdin open until this script ends
trap 'exec 9>&-; kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true' EXIT
until grep -q '^READY ' "$work/server.out" 2>/dev/null; do sleep 1; done
root="$(sed -n 's/^READY //p' "$work/server.out")"
for run in $(seq "${7:-3}"); do
  /usr/bin/time -f "java reader: %e s wall (JVM start included), peak RSS %M KiB" \
    java -Xmx64m -cp "$jar" org.fmishare.benchmarks.TaxiiReadCheck client "$root" "$objects"
  /usr/bin/time -f "python reader: %e s wall (interpreter start included), peak RSS %M KiB" \
    "$python" "$here/taxii_read.py" "$py_peers" "$root" big "$objects"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
