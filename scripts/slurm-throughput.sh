#!/usr/bin/env bash
# Times a study run as a Slurm job array (scripts/slurm-sweep.sh) on a running cluster, for the figures of
# docs/scaling.md: wall time from sbatch until the last task has ended, runs per second, and the core-seconds
# the tasks spent beyond their runs (start-up, instances, warm-up, verification, report: the overhead per task).
#
#   eval "$(scripts/local-slurm.sh up)"     # or any cluster: SLURM_CONF set, the repository on a shared filesystem
#   scripts/slurm-throughput.sh studies/sa-perceptron-quick.json 2 1     # <study> <array tasks> <cpus per task>
#
# Writes results/tp-<study>-<tasks>x<cpus>-shard<i>of<tasks>/ (removed first, kept after) and prints one table row.
set -euo pipefail
cd "$(dirname "$0")/.."

study=${1:?usage: scripts/slurm-throughput.sh <study> <array tasks> <cpus per task>}
tasks=${2:?usage: scripts/slurm-throughput.sh <study> <array tasks> <cpus per task>}
cpus=${3:?usage: scripts/slurm-throughput.sh <study> <array tasks> <cpus per task>}
name=tp-$(basename "$study" .json)-${tasks}x$cpus
logs=$(mktemp -d /tmp/densebench-throughput.XXXXXX)
trap 'rm -rf "$logs"' EXIT

rm -rf results/"$name"-shard* reports/"$name"-shard*
start=$(date +%s.%N)
array=$(sbatch --parsable --array=1-"$tasks" --cpus-per-task="$cpus" --output="$logs/%A_%a.out" scripts/slurm-sweep.sh "$study" "$name")
while [[ -n $(squeue -h -j "$array" -o %i 2>/dev/null) ]]; do sleep 0.2; done
end=$(date +%s.%N)
CORES=$(sinfo -h -N -o %c | awk '{ n += $1 } END { print n }')
export CORES

mapfile -t failed < <(grep -L '^results:' "$logs"/*.out || true)
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "slurm-throughput: tasks without a finished sweep:" >&2
  tail -n 20 "${failed[@]}" >&2
  exit 1
fi
node --input-type=module -e '
  import { readFileSync } from "node:fs";
  const [name, tasks, cpus, start, end] = process.argv.slice(1);
  let runs = 0, runMs = 0;
  for (let i = 1; i <= Number(tasks); i++) {
    for (const line of readFileSync(`results/${name}-shard${i}of${tasks}/runs.jsonl`, "utf8").split("\n")) {
      if (!line) continue;
      runs++;
      runMs += JSON.parse(line).wallTimeMs;
    }
  }
  const wall = Number(end) - Number(start);
  const busy = Number(tasks) * Number(cpus);
  const cores = Math.min(busy, Number(process.env.CORES));
  // Core-seconds the tasks held beyond the wall time of their runs, per task (with one worker per task, a task
  // holds its core from start to end; queueing behind a full node adds nothing, since the core is then free).
  const overhead = (wall * cores - runMs / 1000) / Number(tasks);
  console.log(`| ${tasks} × ${cpus} CPU | ${runs} | ${wall.toFixed(1)} s | ${(runs / wall).toFixed(2)} | ${(runMs / 1000 / runs).toFixed(3)} s | ${overhead.toFixed(2)} s |`);
' "$name" "$tasks" "$cpus" "$start" "$end"
