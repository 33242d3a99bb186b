# Shared by the scripts under infra/: fetch a Maven project's jars once, find our own background
# server by its pid file, stop it. Source it after defining `log` and `die`.
# shellcheck shell=bash

# jars_current <project dir> <lib dir> <jar glob>: lib/ was filled from the current pom.xml.
jars_current() {
  local stamp="$2/.pom.sha256"
  [[ -f "$stamp" ]] && [[ "$(cat "$stamp")" == "$(sha256sum "$1/pom.xml" | cut -d' ' -f1)" ]] \
    && compgen -G "$2/$3" >/dev/null
}

# fetch_jars <project dir> <lib dir> <what>: resolve the pom's dependencies into lib/ with Maven.
# Drops an older lib/ first, so two versions never share a classpath.
fetch_jars() {
  command -v mvn >/dev/null 2>&1 || die "'mvn' not found. Install Maven: apt-get install -y maven"
  log "fetching $3 from Maven Central into ${2#"$REPO_ROOT"/} ..."
  rm -rf "$2"
  # -q still prints stray ANSI resets with Debian's Maven 3.8: keep its output unless it fails.
  local out rc=0
  out="$(cd "$1" && mvn -q -B package 2>&1)" || rc=$?
  if [[ $rc -ne 0 ]]; then
    echo "$out" >&2
    die "mvn failed (exit $rc) resolving ${1#"$REPO_ROOT"/}/pom.xml"
  fi
  sha256sum "$1/pom.xml" | cut -d' ' -f1 >"$2/.pom.sha256"
}

# pid_of <pid file> <command-line pattern>: the pid if that process is alive and is ours (the
# command line is checked, so a recycled pid is never mistaken for it); else nothing.
pid_of() {
  [[ -f "$1" ]] || return 0
  local pid
  pid="$(cat "$1" 2>/dev/null || true)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
     && grep -q -- "$2" <<<"$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)"; then
    echo "$pid"
  fi
}

# port_open <port>: something accepts TCP connections on 127.0.0.1 (bash's /dev/tcp, no nc).
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# stop_process <pid file> <pid or empty> <timeout seconds>: SIGTERM, wait, SIGKILL after timeout.
stop_process() {
  local pid_file="$1" pid="$2" timeout="$3"
  if [[ -z "$pid" ]]; then
    rm -f "$pid_file"
    log "not running"
    return 0
  fi
  log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "still running after ${timeout}s; SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      local _
      for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      break
    fi
    sleep 0.3
  done
  rm -f "$pid_file"
  log "stopped"
}

# wait_until <seconds> <command...>: poll until the command succeeds; 1 if it never did.
wait_until() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.3
  done
}

# found_foreign <what> <port>: a server we did not start answers on the port: use it, leave it
# alone (exit 3, which scripts/infra.sh reads as "found running").
found_foreign() {
  log "found $1 answering on 127.0.0.1:$2, not started by infra:up: using it as it is, leaving it alone"
  exit 3
}

# report_status <port> <what else to say>: the `status` command of a script that defines
# `running_pid` and `answering`. Exit 0 = ours and answering, 1 = stopped, 2 = ours but silent.
report_status() {
  local pid
  pid="$(running_pid)"
  [[ -n "$pid" ]] || { log "stopped"; return 1; }
  answering || { log "running (pid $pid) but not answering on 127.0.0.1:$1"; return 2; }
  log "up on 127.0.0.1:$1 (pid $pid${2:+, $2})"
}
