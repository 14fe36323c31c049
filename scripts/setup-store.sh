#!/usr/bin/env bash
# Idempotent set-up for `npm run store` (a real local OpenCart 3.0.5.0 store, scripts/store/).
# On a fresh Debian 12 machine it provides, in this order:
#   1. Debian's PHP 8.2 (with the extensions OpenCart needs), MariaDB 10.11 and Apache httpd with
#      mod_php — only the packages that are missing, never a service left running: the packages'
#      own daemons (port 80, 3306) stay stopped; scripts/store/cli.ts starts its own instances on
#      127.0.0.1 with their own config and data;
#   2. when root: a way for Apache's workers (user www-data) into the store folder. The store lives
#      in the per-user cache, and root's home is usually mode 700, so www-data gets search (x)
#      permission, and nothing more, on the folders above the cache by an ACL entry (package acl).
# When everything is present it does nothing and takes well under a second.
set -euo pipefail

CACHE_DIR="${MESCHAIN_QA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/meschain-qa}"
PACKAGES=(php8.2-cli php8.2-mysql php8.2-gd php8.2-curl php8.2-zip php8.2-mbstring php8.2-xml
  mariadb-server apache2 libapache2-mod-php8.2 acl)
APT_LINE="apt-get install -y --no-install-recommends ${PACKAGES[*]}"

say() { printf '[setup-store] %s\n' "$*" >&2; }
die() { printf '[setup-store] ERROR: %s\n' "$*" >&2; exit 2; }

# `dpkg -s` also knows removed packages whose config files remain: require "install ok installed".
# (Captured, not piped into `grep -q`: with pipefail, dpkg's SIGPIPE would count as a failure.)
installed() { local s; s="$(dpkg -s "$1" 2>/dev/null || true)"; [[ "$s" == *$'\nStatus: install ok installed'* ]]; }

# --- 1. packages ---------------------------------------------------------------------------------
ensure_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
  if ((${#missing[@]} == 0)); then return; fi
  if [[ "$(id -u)" -ne 0 ]]; then
    die "expected Debian's ${missing[*]}; found them missing, and not root to install them. Run: sudo apt-get update && sudo $APT_LINE"
  fi
  mkdir -p "$CACHE_DIR"
  local log="$CACHE_DIR/apt-store.log"
  say "installing Debian's ${missing[*]} (apt-get; log in $log)…"
  # Debian's maintainer scripts start mariadb and apache2 (ports 3306 and 80, all interfaces)
  # through invoke-rc.d; a policy-rc.d answering 101 ("action forbidden") keeps them stopped.
  # Only our own, temporary one: an existing policy-rc.d is the machine owner's and stays.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\n# temporary, from meschain-qa scripts/setup-store.sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >>"$log" 2>&1; }
  # `apt-get update` only when the install fails (stale or empty package lists): it is slow.
  if ! apt_install; then
    say "apt-get install failed; running apt-get update and trying again…"
    if ! { apt-get update >>"$log" 2>&1 && apt_install; }; then
      tail -n 20 "$log" >&2
      # exit 3: the packages cannot be had on this machine (a self-test says so and skips; npm run store stops)
      printf '[setup-store] ERROR: %s\n' "apt-get install ${missing[*]} failed (last lines above; full log $log). Expected Debian 12's package mirror to be reachable; fix it and re-run, or run: $APT_LINE" >&2
      exit 3
    fi
  fi
  for p in "${missing[@]}"; do installed "$p" || die "apt-get reported success but $p is not installed; see $log."; done
  # an existing policy-rc.d of the machine's may allow starts: say so if Debian's services now listen
  local listening
  listening="$(ss -Hltn '( sport = :80 or sport = :3306 )' 2>/dev/null || true)"
  if [[ -n "$listening" ]]; then
    say "warning: something listens on port 80 or 3306 after the install (Debian's apache2/mariadb services?):"
    say "$listening"
    say "the store does not need them; stop them with: service apache2 stop; service mariadb stop"
  fi
}

# --- 2. www-data may reach the store folder --------------------------------------------------------
ensure_www_data_reach() {
  # not root: Apache cannot switch users and serves as this user, who reaches the cache already
  if [[ "$(id -u)" -ne 0 ]]; then return; fi
  mkdir -p "$CACHE_DIR/store"
  local dir
  dir="$(cd "$CACHE_DIR/store" && pwd -P)"
  if setpriv --reuid=www-data --regid=www-data --clear-groups test -x "$dir" 2>/dev/null; then return; fi
  # search (x) only, on each folder from / down to the store folder that www-data cannot pass yet
  local path="" part parts
  IFS=/ read -ra parts <<<"${dir#/}"
  for part in "${parts[@]}"; do
    path="$path/$part"
    if ! setpriv --reuid=www-data --regid=www-data --clear-groups test -x "$path" 2>/dev/null; then
      say "granting www-data search permission (ACL u:www-data:x, no read) on $path so that Apache serves the store"
      setfacl -m u:www-data:x "$path" \
        || die "setfacl -m u:www-data:x $path failed (file system without ACLs?). Expected www-data to reach $dir; run chmod o+x $path, or set MESCHAIN_QA_CACHE to a folder www-data can reach."
    fi
  done
}

ensure_packages
ensure_www_data_reach
