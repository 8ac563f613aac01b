#!/usr/bin/env bash
# Installs what brandlint needs to build and run on Debian 12, and nothing when it is all there.
set -euo pipefail
packages=(
  cmake g++ make pkg-config
  libicu-dev libhunspell-dev libre2-dev libyaml-cpp-dev libcli11-dev doctest-dev nlohmann-json3-dev
  hunspell-en-us hunspell-en-gb hunspell-es hunspell-fr hunspell-it
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
