#!/bin/sh
# Validates brandlint's SARIF with tools installed from the npm registry into a temporary folder:
# - the SARIF 2.1.0 JSON schema (the copy Microsoft ships with its SARIF Multitool) checked with
#   Ajv, which catches every schema violation;
# - Microsoft's SARIF Multitool `validate` with the SARIF best-practice rules and the GitHub
#   code-scanning ingestion rules (GH*). It is needed for the GH rules, but on its own it is
#   not enough: it skips a file that does not deserialise (a wrong enum value) without a word.
# Any error fails; the multitool's warnings and notes are printed.
#
#   tests/sarif/validate.sh BRANDLINT_BINARY
#
# Exit 77 (ctest SKIP_RETURN_CODE) when npm, the registry or the validator is not available.
set -u
skip() {
  echo "SKIPPED: $*" >&2
  exit 77
}
brandlint=${1:?usage: validate.sh BRANDLINT_BINARY}
command -v npm >/dev/null 2>&1 || skip "npm is not installed (apt-get install npm)"
command -v node >/dev/null 2>&1 || skip "node is not installed"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/brandlint-sarif-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# Pinned major version; the platform package (…-linux) carries a self-contained binary, so
# nothing else is downloaded.
if ! timeout 600 npm install --prefix "$tmp/npm" --no-audit --no-fund --no-save --loglevel=error \
  @microsoft/sarif-multitool@5 ajv@8 ajv-formats@3 >"$tmp/npm.log" 2>&1; then
  tail -5 "$tmp/npm.log" >&2
  skip "could not install @microsoft/sarif-multitool, ajv and ajv-formats from the npm registry"
fi
case "$(uname -m)" in
  x86_64 | aarch64 | arm64) ;;
  *) skip "the SARIF Multitool has no build for $(uname -m)" ;;
esac
multitool_dir="$tmp/npm/node_modules/@microsoft/sarif-multitool-linux"
multitool="$multitool_dir/Sarif.Multitool"
schema="$multitool_dir/sarif-2.1.0.json"
[ -f "$multitool" ] || skip "the npm package has no Linux binary at $multitool"
[ -f "$schema" ] || skip "the npm package no longer ships the SARIF schema at $schema"
chmod u+x "$multitool" # its postinstall script does this, when scripts are allowed
"$multitool" --version >"$tmp/version.log" 2>&1 || {
  cat "$tmp/version.log" >&2
  skip "the SARIF Multitool does not start on this machine"
}

# Posts that exercise what SARIF has to get right: a non-ASCII file name in a subfolder, an
# emoji before the span, CRLF line ends, a finding a suppression covers, a multi-line front
# matter, stdin and --text (no file), and several rules.
work="$tmp/repo"
mkdir -p "$work/posts/es" "$work/posts/en"
printf -- '---\nid: es-7\nlang: es\nkind: reply\ncustomer: Lucía\n---\nHola Lucía 😊, mañana recivirás tu pedido.\nGracias por tu paciencia.\n' \
  >"$work/posts/es/respuesta pedido ñ.txt"
printf -- '---\r\nid: en-1\r\nlang: en\r\n---\r\nHi Ana,\r\nWe have recieved your order and it ships tommorow.\r\n' \
  >"$work/posts/en/crlf.txt"
printf -- '---\nid: en-2\nlang: en\nbrandlint:\n  disable:\n    - rule: spelling\n      reason: the product is called Shinyfoam\n---\nTry Shinyfoam today.\n' \
  >"$work/posts/en/suppressed.txt"
(
  cd "$work" || exit 1
  printf 'Thanks for waiting, your refund is on its waay.\n' |
    "$brandlint" check --format sarif --fail-on never --lang en posts - --text "See you soon, Ana! Greeat news." \
      >"$tmp/brandlint.sarif"
) || {
  echo "brandlint check --format sarif failed" >&2
  exit 1
}

"$multitool" validate --rule-kind "Sarif;Gh" --output "$tmp/validation.sarif" "$tmp/brandlint.sarif" \
  >"$tmp/validate.log" 2>&1
status=$?
cat "$tmp/validate.log"
[ -f "$tmp/validation.sarif" ] || {
  echo "the validator wrote no report (exit $status)" >&2
  exit 1
}

# The multitool exits 0 even when it reports errors: read its report.
cat >"$tmp/check.js" <<'JS'
const fs = require('fs');
const [npmModules, schemaPath, checkedPath, reportPath] = process.argv.slice(2);
const Ajv2020 = require(`${npmModules}/ajv/dist/2020`);
const addFormats = require(`${npmModules}/ajv-formats`);
const read = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const checked = read(checkedPath);
let failed = false;
const fail = (message) => {
  console.error(message);
  failed = true;
};

// The schema is draft 2020-12; strict mode off because it uses annotation keywords Ajv does
// not know.
const ajv = new Ajv2020({strict: false, allErrors: true});
addFormats(ajv);
const validate = ajv.compile(read(schemaPath));
if (!validate(checked)) {
  for (const e of validate.errors) fail(`schema: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

const report = read(reportPath);
const problems = report.runs.flatMap((run) => run.results || []);
for (const r of problems.filter((p) => (p.level || 'warning') === 'error')) {
  fail(`multitool ${r.ruleId}: ${JSON.stringify(r.message)}`);
}
const results = checked.runs[0].results;
if (results.length < 5) fail(`expected at least 5 results in brandlint's SARIF, got ${results.length}`);
if (!results.some((r) => r.suppressions && r.suppressions.length)) {
  fail("expected a suppressed result in brandlint's SARIF");
}
if (failed) process.exit(1);
console.log(`SARIF valid: ${results.length} results match the SARIF 2.1.0 schema and pass the ` +
            `multitool's SARIF and GitHub rules (${problems.length} warnings or notes)`);
JS
node "$tmp/check.js" "$tmp/npm/node_modules" "$schema" "$tmp/brandlint.sarif" "$tmp/validation.sarif"
