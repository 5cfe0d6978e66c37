#!/usr/bin/env bash
# Merges the shards written by scripts/slurm-sweep.sh into one result set, checks that it holds the whole plan,
# renders its report and, given a baseline, checks it against the baseline.
#
#   sbatch --dependency=afterok:<jobid> scripts/slurm-merge.sh <name> <shards> [<baseline>]
#   scripts/slurm-merge.sh <name> <shards> [<baseline>]     # or directly, on the login node
#
# Reads results/<name>-shard<i>of<shards>/ for i = 1..<shards> and stops, writing nothing, if one is missing or
# unfinished (resume it: submit its task again). Writes results/<name>/ and reports/<name>/ and prints the summary
# table. `densebench merge` refuses shards of different plans, harness or plugin versions or commits, and runs that
# appear twice; it refuses an output directory that already holds a result set. With <baseline> (a stored result
# set, e.g. baselines/ci-standard), `densebench check` then fails the job when a plugin's α₅₀ or a success rate
# dropped against it, or when a curve of the baseline was not run.
#
#SBATCH --job-name=densebench-merge
#SBATCH --cpus-per-task=1
#SBATCH --time=00:15:00
#SBATCH --output=slurm-%x-%j.out
set -euo pipefail

name=${1:?usage: slurm-merge.sh <name> <shards> [<baseline>]}
count=${2:?usage: slurm-merge.sh <name> <shards> [<baseline>]}
baseline=${3:-}
cd "${SLURM_SUBMIT_DIR:-.}"
if [[ ! -f packages/cli/dist/bin.js ]]; then
  echo "slurm-merge: run it from the densebench repository root, after pnpm install && pnpm build" >&2
  exit 1
fi
if [[ -n $baseline && ! -e $baseline ]]; then
  echo "slurm-merge: no baseline $baseline (relative to $PWD)" >&2
  exit 1
fi

# Whether a result set's manifest says it holds every run of its part of the plan.
finished() {
  node -e 'process.exit(JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8")).finished === true ? 0 : 1)' "$1/manifest.json"
}

shards=()
for ((i = 1; i <= count; i++)); do
  dir=results/$name-shard${i}of$count
  if [[ ! -f $dir/manifest.json ]]; then
    echo "slurm-merge: $dir is missing (did shard $i/$count run?)" >&2
    exit 1
  fi
  if ! finished "$dir"; then
    echo "slurm-merge: $dir is unfinished ($(grep -c . "$dir/runs.jsonl" || true) runs recorded): submit its task again (it resumes), then merge" >&2
    exit 1
  fi
  shards+=("$dir")
done

# `pnpm densebench …` runs the same commands (see package.json).
node packages/cli/dist/bin.js merge "${shards[@]}" -o "results/$name"
if ! finished "results/$name"; then
  echo "slurm-merge: results/$name does not hold the whole plan" >&2
  exit 1
fi
node packages/cli/dist/bin.js report "results/$name" -o "reports/$name"
if [[ -n $baseline ]]; then
  node packages/cli/dist/bin.js check "results/$name" --baseline "$baseline"
fi
