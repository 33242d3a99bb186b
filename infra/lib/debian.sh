# Installs Debian packages that are missing, as root, with one `apt-get update` per run.
# Source it after defining `log` and `die`.
# shellcheck shell=bash

# installed <package>: dpkg has it installed (not just known or removed).
installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == "installed" ]]
}

# debian_install <package...>: installs those not yet installed; prints what it installs.
# Services the packages bring are not started by apt (a policy-rc.d that says no is in place for
# the install): infra:up starts its own servers, on its own data, and only those.
debian_install() {
  local missing=() p
  for p in "$@"; do installed "$p" || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  command -v apt-get >/dev/null 2>&1 \
    || die "missing ${missing[*]}, and this is not a Debian-like system (no apt-get): install them yourself"
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 || die "missing ${missing[*]}: run as root, or install them with apt-get"
    sudo=(sudo)
  fi
  log "installing Debian packages: ${missing[*]}"
  local policy=/usr/sbin/policy-rc.d own_policy=
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\n# written by parley infra:up for one apt-get install\nexit 101\n' \
      | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod 755 "$policy"
    own_policy=1
  fi
  local rc=0
  if [[ -z "${PARLEY_APT_UPDATED:-}" ]]; then
    "${sudo[@]}" apt-get update -qq || rc=$?
    export PARLEY_APT_UPDATED=1
  fi
  if ((rc == 0)); then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      "${missing[@]}" >/dev/null || rc=$?
  fi
  [[ -n "$own_policy" ]] && "${sudo[@]}" rm -f "$policy"
  ((rc == 0)) || die "apt-get failed (exit $rc) installing ${missing[*]}"
}
