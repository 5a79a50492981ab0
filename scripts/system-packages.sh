#!/usr/bin/env bash
# The Debian packages Meshport's scripts need that a fresh machine may lack, installed in one
# place for .ci/run, `npm test` and `npm run demo`. As root (CI, a fresh VM) they are installed
# with apt-get; otherwise the script stops with the exact command to run.
#   scripts/system-packages.sh          what the demo needs: Java (Kafka), Maven (its jars), OpenSSL
#   scripts/system-packages.sh --tests  and Chromium for the end-to-end tests
set -euo pipefail

missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need java openjdk-17-jre-headless
need mvn maven                  # fetches the Kafka jars from Maven Central
need openssl openssl            # passwords and AUTH_SECRET
need curl curl                  # the local Schema Registry's readiness check
if [[ "${1:-}" == "--tests" && ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then
  missing+=(chromium)           # Playwright cannot download browsers here
fi
((${#missing[@]})) || exit 0

if [[ "$(id -u)" -eq 0 ]]; then
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  printf '\033[1;31m✗\033[0m missing Debian packages: %s. Install them, then run this again:\n  sudo apt-get update && sudo apt-get install -y %s\n' "${missing[*]}" "${missing[*]}" >&2
  exit 1
fi
