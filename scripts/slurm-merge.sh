#!/usr/bin/env bash
# Merges the shards written by scripts/slurm-sweep.sh into one result set and renders its report.
#
#   sbatch --dependency=afterok:<jobid> scripts/slurm-merge.sh <name> <shards>
#   scripts/slurm-merge.sh <name> <shards>            # or directly, on the login node
#
# Reads results/<name>-shard<i>of<shards>/ for i = 1..<shards>; writes results/<name>/ and reports/<name>/ and prints
# the summary table. `densebench merge` refuses shards of different plans, harness or plugin versions or commits,
# and runs that appear twice; it refuses an output directory that already holds a result set.
#
#SBATCH --job-name=densebench-merge
#SBATCH --cpus-per-task=1
#SBATCH --time=00:15:00
#SBATCH --output=slurm-%x-%j.out
set -euo pipefail

name=${1:?usage: slurm-merge.sh <name> <shards>}
count=${2:?usage: slurm-merge.sh <name> <shards>}
cd "${SLURM_SUBMIT_DIR:-.}"
if [[ ! -f packages/cli/dist/bin.js ]]; then
  echo "slurm-merge: run it from the densebench repository root, after pnpm install && pnpm build" >&2
  exit 1
fi

shards=()
for ((i = 1; i <= count; i++)); do
  dir=results/$name-shard${i}of$count
  if [[ ! -f $dir/manifest.json ]]; then
    echo "slurm-merge: $dir is missing (did shard $i/$count run?)" >&2
    exit 1
  fi
  shards+=("$dir")
done

# `pnpm densebench …` runs the same commands (see package.json).
node packages/cli/dist/bin.js merge "${shards[@]}" -o "results/$name"
node packages/cli/dist/bin.js report "results/$name" -o "reports/$name"
