#!/usr/bin/env bash
# Runs a densebench study as a Slurm job array: array task i runs shard i of n of the study's plan.
#
# Build once on the login node, then submit from the repository root:
#
#   pnpm install --frozen-lockfile && pnpm build
#   sbatch scripts/slurm-sweep.sh studies/sa-perceptron-quick.json          # 4 shards (--array=1-4 below)
#   sbatch --array=1-8 scripts/slurm-sweep.sh studies/my-study.json my-name # 8 shards, result set name my-name
#
# Arguments: $1 the study file; $2 (optional) the result set name, default the study's "name" field, else the
# file name without its extension. Shard i writes results/<name>-shard<i>of<n>/ and reports/<name>-shard<i>of<n>/
# (the HTML report only: the PNG charts, about 2 s per task, are drawn once, for the merged report).
# Each task uses --workers $SLURM_CPUS_PER_TASK (one worker process per CPU; change --cpus-per-task to change it).
#
# Merge when every task has succeeded, with a dependent job (<jobid> is the number sbatch printed):
#
#   sbatch --dependency=afterok:<jobid> scripts/slurm-merge.sh <name> 4
#
# or, without the helper script:
#
#   sbatch --dependency=afterok:<jobid> --wrap "pnpm densebench merge results/<name>-shard*of4 -o results/<name>"
#
# Or all in one go:
#
#   jobid=$(sbatch --parsable scripts/slurm-sweep.sh studies/sa-perceptron-quick.json)
#   sbatch --dependency=afterok:$jobid scripts/slurm-merge.sh sa-perceptron-quick 4
#
# A task stopped by Slurm (scancel, --time, preemption, a requeue) gets SIGTERM: it stops like Ctrl-C, keeping every
# finished run, and a shard run again under the same name resumes, running only the runs it lacks. A task that Slurm
# requeues (preemption, node failure: --requeue below) or that you requeue while it runs (scontrol requeue
# <jobid>_<i>) resumes by itself when it starts again, and the merge job waits for it. A task that has ended without
# success (cancelled, failed, out of --time) fails the array-wide afterok for good, even once requeued: requeue it
# or submit it again, then point the merge job at the tasks one by one (docs/scaling.md, "Preemption"):
#
#   scontrol requeue <jobid>_3
#   scontrol update jobid=<merge jobid> dependency=afterok:<jobid>_[1-4]
#
# To submit only some tasks again, give the shard count explicitly, because $SLURM_ARRAY_TASK_COUNT is then the
# number of tasks submitted, not of shards:
#
#   SHARDS=4 sbatch --array=3 scripts/slurm-sweep.sh studies/sa-perceptron-quick.json
#
#SBATCH --job-name=densebench
#SBATCH --array=1-4
#SBATCH --cpus-per-task=4
#SBATCH --time=02:00:00
#SBATCH --requeue
#SBATCH --open-mode=append
#SBATCH --output=slurm-%x-%A_%a.out
set -euo pipefail

study=${1:?usage: sbatch scripts/slurm-sweep.sh <study file> [<result set name>]}
cd "${SLURM_SUBMIT_DIR:-.}"
if [[ ! -f packages/cli/dist/bin.js ]]; then
  echo "slurm-sweep: run sbatch from the densebench repository root, after pnpm install && pnpm build" >&2
  exit 1
fi
if [[ ! -f $study ]]; then
  echo "slurm-sweep: no study file $study (relative to $PWD)" >&2
  exit 1
fi

index=${SLURM_ARRAY_TASK_ID:?slurm-sweep: not a job array task (submit with sbatch --array=1-<n>)}
count=${SHARDS:-${SLURM_ARRAY_TASK_COUNT:?}}
workers=${SLURM_CPUS_PER_TASK:-1}
name=${2:-$(node --input-type=module -e '
  import { readFileSync } from "node:fs";
  import { basename, extname, resolve } from "node:path";
  import { pathToFileURL } from "node:url";
  const file = process.argv[1];
  let config;
  try {
    config = [".js", ".mjs"].includes(extname(file)) ? (await import(pathToFileURL(resolve(file)).href)).default : JSON.parse(readFileSync(file, "utf8"));
  } catch {}
  console.log(config?.name || basename(file, extname(file)));
' "$study")}

dir=results/$name
[[ $name == *-shard${index}of$count ]] || dir=$dir-shard${index}of$count
echo "slurm-sweep: job ${SLURM_ARRAY_JOB_ID:-?}, shard $index/$count of $study as $dir, $workers workers on $(hostname)"
# A requeued task (after a node failure, say) can find the lock its previous run left on another node, which bench
# cannot check and refuses. Slurm runs one instance of a task at a time, so that run is over: its lock goes.
if [[ ${SLURM_RESTART_COUNT:-0} -gt 0 && -f $dir/.lock ]]; then
  read -r host pid <"$dir/.lock" || true
  if [[ -n ${host:-} && $host != "$(hostname)" ]]; then
    echo "slurm-sweep: requeued (restart $SLURM_RESTART_COUNT): removing $dir/.lock, left by this task's previous run on $host (pid ${pid:-?})"
    rm -f "$dir/.lock"
  fi
fi
# `pnpm densebench` runs exactly this command (see package.json); calling node directly needs no pnpm on the node.
exec node packages/cli/dist/bin.js bench --config "$study" --name "$name" --shard "$index/$count" --workers "$workers" --quiet --no-png
