#!/usr/bin/env bash
# Sets up tn on a fresh Debian machine: installs the native libraries it can use, restores the
# NuGet packages and builds the solution in Release. Safe to run again.
#
#   scripts/setup.sh            # install (when root), restore, build
#   TN_SKIP_APT=1 scripts/setup.sh   # do not touch system packages
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(libopenblas0-pthread)

install_system_packages() {
  if [[ "${TN_SKIP_APT:-0}" == 1 ]]; then
    echo "setup: TN_SKIP_APT=1, not installing ${apt_packages[*]}"
    return
  fi
  local missing=()
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    echo "setup: system packages present: ${apt_packages[*]}"
    return
  fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: not root, so not installing ${missing[*]}."
    echo "setup: tn still works with its managed backend; for OpenBLAS run: sudo apt-get install ${missing[*]}"
    return
  fi
  if ! command -v apt-get >/dev/null; then
    echo "setup: no apt-get on this machine; tn will use its managed backend."
    return
  fi
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_system_packages
dotnet restore tn.sln
dotnet build tn.sln -c Release --no-restore
echo "setup: done. Backend check:"
dotnet run -c Release --no-build --project examples/GettingStarted
