#!/usr/bin/env bash
# Installs the ecosystem's own validators that packages/kubectl-l1vh/tests/validators.test.ts runs on
# our outputs (Debian packages, once; idempotent and quiet):
#   virt-xml-validate  (libvirt-clients)  the domain XML against libvirt's RelaxNG schemas
#   xmllint            (libxml2-utils)    the JUnit report against its XSD
#   promtool           (prometheus)       `promtool check metrics` on the OpenMetrics report
set -euo pipefail
need=()
command -v virt-xml-validate >/dev/null || need+=(libvirt-clients)
command -v xmllint >/dev/null || need+=(libxml2-utils)
command -v promtool >/dev/null || need+=(prometheus)
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq
  # --no-recommends: only the tools (promtool ships in the prometheus package; no daemon is started without systemd).
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v virt-xml-validate >/dev/null && command -v xmllint >/dev/null && command -v promtool >/dev/null
