#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for trying the Slurm scripts (scripts/slurm-sweep.sh, slurm-merge.sh)
# and for CI (.ci/slurm-study). Debian's slurm-wlm and munge, run as root, everything in one state directory.
#
#   scripts/local-slurm.sh up       # installs slurmctld, slurmd, slurm-client and munge if missing, writes the
#                                   # configuration for this machine's cores and memory, starts munged, slurmctld
#                                   # and slurmd, and waits until the node takes jobs
#   export SLURM_CONF=/tmp/densebench-slurm/slurm.conf   # `up` prints this line: sbatch, squeue, … need it
#   scripts/local-slurm.sh status   # sinfo and squeue
#   scripts/local-slurm.sh logs     # the daemons' logs
#   scripts/local-slurm.sh down     # cancels every job, stops the daemons, checks that none is left, removes the
#                                   # state directory (DENSEBENCH_SLURM_KEEP=1 keeps it, logs included)
#
# DENSEBENCH_SLURM_DIR sets the state directory (default /tmp/densebench-slurm). It holds the munge key and socket,
# slurm.conf, the controller's state, the daemons' logs and pid files; nothing outside it is written (the Debian
# packages' own configuration in /etc is neither read nor changed), so a system Slurm or munge is left alone, as long
# as it does not use the ports: DENSEBENCH_SLURM_PORT (default 6817) for slurmctld, the next one for slurmd.
#
# The configuration keeps out of the way of densebench's own process handling: workers run in process groups (and,
# where the system allows, cgroups) of their own, so that a SIGTERM reaches the harness only, which then stops them
# itself and keeps every finished run. ProctrackType=proctrack/pgid tracks a job by its process group (a cancelled or
# requeued task signals the harness, not its workers), TaskPlugin=task/none binds nothing and makes no cgroups, and
# nothing else uses cgroups either (no proctrack/cgroup, no jobacct_gather/cgroup), so slurmd neither needs systemd
# nor moves densebench's worker processes around.
set -euo pipefail

dir=${DENSEBENCH_SLURM_DIR:-/tmp/densebench-slurm}
port=${DENSEBENCH_SLURM_PORT:-6817}
conf=$dir/slurm.conf
socket=$dir/munge/munge.socket.2
export SLURM_CONF=$conf

say() { echo "local-slurm: $*" >&2; }
die() {
  say "$*"
  exit 1
}

running() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

install_packages() {
  local missing=()
  command -v munged >/dev/null 2>&1 || missing+=(munge)
  command -v slurmctld >/dev/null 2>&1 || missing+=(slurmctld)
  command -v slurmd >/dev/null 2>&1 || missing+=(slurmd)
  command -v sbatch >/dev/null 2>&1 || missing+=(slurm-client)
  [[ ${#missing[@]} -eq 0 ]] && return
  [[ $(id -u) -eq 0 ]] || die "needs ${missing[*]} (apt-get install slurmctld slurmd slurm-client munge), and root to install them"
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The node line for this machine as slurmd itself detects it (CPUs, sockets, cores, threads, RealMemory): a node
# whose configuration promises more than the machine has is drained by the controller.
node_line() {
  slurmd -C | head -n 1
}

write_config() {
  local host node cpus
  host=$(hostname -s)
  node=$(node_line)
  [[ $node == NodeName=* ]] || die "slurmd -C printed no node line: $node"
  cpus=$(sed -E 's/.*CPUs=([0-9]+).*/\1/' <<<"$node")
  cat >"$conf" <<EOF
# Written by scripts/local-slurm.sh up for $host: a one-node cluster, run as root, state in $dir.
ClusterName=densebench
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
# cred_expire also sets how long a requeued job waits before it may start again: 120 s by default, 11 s here.
AuthInfo=socket=$socket,cred_expire=10
StateSaveLocation=$dir/slurmctld
SlurmdSpoolDir=$dir/slurmd
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# Densebench's workers have process groups and cgroups of their own: track jobs by process group, bind nothing.
ProctrackType=proctrack/pgid
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SwitchType=switch/none
# Several tasks share the node, one per free core; memory is not a consumable (jobs need no --mem).
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
# Batch jobs may be requeued (scontrol requeue, preemption); a node that was down comes back by itself.
JobRequeue=1
ReturnToService=2
MinJobAge=300
SlurmctldTimeout=30
SlurmdTimeout=30
KillWait=30
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
# $cpus CPUs: an array of more tasks than that queues the rest.
EOF
}

start_munge() {
  mkdir -p "$dir/munge"
  chmod 0711 "$dir/munge"
  if [[ ! -f $dir/munge/munge.key ]]; then
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
    chmod 0400 "$dir/munge/munge.key"
  fi
  munged --socket="$socket" --key-file="$dir/munge/munge.key" --pid-file="$dir/munge/munged.pid" \
    --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" --force
  for _ in $(seq 50); do
    [[ -S $socket ]] && munge --socket="$socket" -n </dev/null | unmunge --socket="$socket" >/dev/null 2>&1 && return
    sleep 0.1
  done
  die "munged did not start: $(tail -n 20 "$dir/log/munged.log" 2>/dev/null)"
}

up() {
  install_packages
  if running "$dir/slurmctld.pid" || running "$dir/slurmd.pid"; then die "already up in $dir (scripts/local-slurm.sh down first)"; fi
  rm -rf "$dir"
  mkdir -p "$dir/slurmctld" "$dir/slurmd" "$dir/log"
  chmod 0755 "$dir"
  write_config
  start_munge
  # -c: start with no saved state (no jobs from an earlier cluster in this directory); -i: ignore errors in it.
  slurmctld -c -i || die "slurmctld did not start: $(tail -n 30 "$dir/log/slurmctld.log" 2>/dev/null)"
  slurmd || die "slurmd did not start: $(tail -n 30 "$dir/log/slurmd.log" 2>/dev/null)"
  local state=''
  for _ in $(seq 150); do
    state=$(sinfo -h -N -o %t 2>/dev/null | head -n 1)
    [[ $state == idle ]] && break
    sleep 0.2
  done
  if [[ $state != idle ]]; then
    logs >&2
    die "the node is not idle after 30 s (state: ${state:-no answer})"
  fi
  say "up: $(sinfo -h -N -o '%N, %c CPUs, %m MiB, %t') in $dir"
  echo "export SLURM_CONF=$conf"
}

# Waits up to $2 tenths of a second for the process in pid file $1 to end.
wait_gone() {
  local pid
  [[ -f $1 ]] || return 0
  pid=$(cat "$1")
  for _ in $(seq "$2"); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

down() {
  [[ -d $dir ]] || {
    say "nothing to stop in $dir"
    return 0
  }
  local left=0
  if running "$dir/slurmctld.pid"; then
    scancel --full --quiet --user=root 2>/dev/null || true
    # Jobs end (their processes get SIGTERM, then SIGKILL after KillWait = 30 s) before the daemons stop.
    for _ in $(seq 200); do
      [[ -z $(squeue -h -t running,completing -o %i 2>/dev/null) ]] && break
      sleep 0.2
    done
    scontrol shutdown 2>/dev/null || true
  fi
  wait_gone "$dir/slurmctld.pid" 100 || true
  wait_gone "$dir/slurmd.pid" 100 || true
  for daemon in slurmctld slurmd; do
    if running "$dir/$daemon.pid"; then
      say "$daemon did not stop: SIGKILL"
      kill -KILL "$(cat "$dir/$daemon.pid")" 2>/dev/null || true
    fi
  done
  if running "$dir/munge/munged.pid"; then
    munged --stop --socket="$socket" >/dev/null 2>&1 || kill "$(cat "$dir/munge/munged.pid")" 2>/dev/null || true
    wait_gone "$dir/munge/munged.pid" 50 || kill -KILL "$(cat "$dir/munge/munged.pid")" 2>/dev/null || true
  fi
  # Nothing of this cluster may be left: its daemons and any job step (slurmstepd) are gone.
  for pidfile in "$dir/slurmctld.pid" "$dir/slurmd.pid" "$dir/munge/munged.pid"; do
    if running "$pidfile"; then
      say "still running: $(ps -o pid=,args= -p "$(cat "$pidfile")")"
      left=1
    fi
  done
  # Job steps of this cluster (slurmstepd inherits SLURM_CONF from our slurmd), not of another Slurm on the machine.
  local pid
  for pid in $(pgrep -x slurmstepd || true); do
    if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "SLURM_CONF=$conf"; then
      say "job step still running: $(ps -o pid=,args= -p "$pid")"
      left=1
    fi
  done
  if [[ ${DENSEBENCH_SLURM_KEEP:-0} == 1 ]]; then
    say "down; state and logs kept in $dir"
  else
    rm -rf "$dir"
    say "down; removed $dir"
  fi
  return "$left"
}

logs() {
  local file
  for file in "$dir/log/slurmctld.log" "$dir/log/slurmd.log" "$dir/log/munged.log"; do
    [[ -f $file ]] || continue
    echo "=== $file (last 60 lines)"
    tail -n 60 "$file"
  done
}

status() {
  sinfo -N -o '%N %c %m %t' && squeue -o '%.18i %.9P %.20j %.8T %.10M %.6D %R'
}

case ${1:-} in
up) up ;;
down) down ;;
logs) logs ;;
status) status ;;
*) die "usage: scripts/local-slurm.sh up|down|status|logs" ;;
esac
