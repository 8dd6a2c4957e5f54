#!/bin/sh
# Issue 11's end-to-end figures at 10,500 children: export and import with the old binary (before
# issue 11) and the new one side by side, in one run, plus the new backup and restore commands;
# wall-clock time and peak RSS of each, from GNU time (/usr/bin/time). The in-process figures
# (backup time, key delay while a backup runs) are `cargo bench --bench backup`.
#
# Usage: benches/figures.sh OLD_BINARY NEW_BINARY [WORK_DIR] [ROUNDS]
#   e.g. cargo build --release && cp target/release/signaal /tmp/signaal-new &&
#        benches/figures.sh /path/to/signaal-old /tmp/signaal-new /tmp/figures 3
# WORK_DIR (default: a new temporary directory) needs about 3 GB. The database is made once with
# the old binary's demo (700 groups of 15 children, 30 observations asked per child: 184,481
# observations) and kept in WORK_DIR/big-old for later runs. The new binary computes the audit
# hash chain the first time it opens a database, after which the old one refuses it, so the new
# binary works on a fresh copy, big-new, opened once (by `check`, timed apart) before the timed
# commands. Each round runs every command once, old and new alternately, so that a change in the
# machine's load hits both; `uptime` is printed before and after each round.
set -eu

[ $# -ge 2 ] || { echo "usage: $0 OLD_BINARY NEW_BINARY [WORK_DIR] [ROUNDS]" >&2; exit 2; }
old=$(realpath "$1")
new=$(realpath "$2")
work=${3:-$(mktemp -d)}
rounds=${4:-1}
mkdir -p "$work"
cd "$work"
# Only the command line decides: no database, backup directory or config from the environment.
unset SIGNAAL_DB SIGNAAL_BACKUP_DIR SIGNAAL_CONFIG

if [ ! -d big-old ]; then
  "$old" demo --db big-old --groups 700 --children-per-group 15 --observations-per-child 30
fi
rm -rf big-new big-new.backups
cp -r big-old big-new

# timed LABEL COMMAND...: runs COMMAND under GNU time; prints the label, wall-clock seconds, peak
# RSS and CPU seconds on stderr (the command's stdout may be redirected to a file). On a loaded
# machine the CPU seconds vary less than the wall-clock ones.
timed() {
  label=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o time.out "$@"
  read -r seconds user sys kb < time.out
  printf '%-40s %8s s %10s KB   (CPU: user %s s, system %s s)\n' \
    "$label" "$seconds" "$kb" "$user" "$sys" >&2
}

echo "old: $old"
echo "new: $new"
uptime
timed "new: check, first open (hash chain)" "$new" check --db big-new > /dev/null

round=1
while [ "$round" -le "$rounds" ]; do
  echo "--- round $round: $(uptime)"
  timed "old: export > file" "$old" export --db big-old > export-old.json
  timed "new: export > file" "$new" export --db big-new > export-new.json
  timed "old: export | wc -c" sh -c "'$old' export --db big-old | wc -c > /dev/null"
  timed "new: export | wc -c" sh -c "'$new' export --db big-new | wc -c > /dev/null"
  rm -rf import-old import-new
  timed "old: import" "$old" import --db import-old export-old.json
  timed "new: import" "$new" import --db import-new export-new.json
  rm -f backup.json.gz
  timed "new: backup --to FILE" "$new" backup --db big-new --to backup.json.gz
  rm -rf restored restored.backups
  timed "new: restore FILE (into a new db)" "$new" restore --db restored backup.json.gz
  round=$((round + 1))
done
echo "--- after: $(uptime)"
# (In `export | wc -c` the RSS is that of `sh`, `signaal` or `wc`, whichever is largest.)

ls -l export-old.json export-new.json backup.json.gz
# The new export differs from the old only in exported_at and the audit entries' new "hash"
# field (and so the comma before it).
grep -v -e '"exported_at"' -e '"hash"' export-old.json | sed 's/,$//' > a.json
grep -v -e '"exported_at"' -e '"hash"' export-new.json | sed 's/,$//' > b.json
if cmp -s a.json b.json; then
  echo "exports identical except exported_at and the audit hash"
else
  echo "EXPORTS DIFFER beyond exported_at and the audit hash"
fi
rm -f a.json b.json
if command -v jq > /dev/null; then
  count='[.groups, .children, .observations, .trajectories, .audit] | map(length)'
  echo "groups, children, observations, trajectories, audit entries:"
  echo "  old export: $(jq -c "$count" export-old.json)"
  # What was restored is what was backed up: the restored database's export against the new
  # export, but for exported_at and the audit trail (restore adds its own entries).
  "$new" export --db restored > export-restored.json
  echo "  restored:   $(jq -c "$count" export-restored.json)"
  rest='del(.exported_at, .audit)'
  jq -c "$rest" export-new.json > a.json
  jq -c "$rest" export-restored.json > b.json
  if cmp -s a.json b.json; then
    echo "the restored database holds what was backed up (the audit trail aside)"
  else
    echo "THE RESTORED DATABASE DIFFERS from what was backed up"
  fi
  rm -f export-restored.json a.json b.json
fi
