// Prints, after the run, every "<adapter>: skipped (<why>)" line that suites reported through
// @parley/test-infra's reportSkip, so what did not run is said plainly next to the summary.
const { existsSync, readFileSync, writeFileSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

if (!process.env.PARLEY_SKIP_LOG) {
  process.env.PARLEY_SKIP_LOG = path.join(
    mkdtempSync(path.join(tmpdir(), 'parley-skips-')),
    'skips.log',
  );
}

class SkipReporter {
  onRunStart() {
    writeFileSync(process.env.PARLEY_SKIP_LOG, '');
  }
  onRunComplete() {
    const log = process.env.PARLEY_SKIP_LOG;
    const lines = existsSync(log)
      ? [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))]
      : [];
    if (lines.length === 0) {
      process.stderr.write('\nSkipped or stood-in adapters: none\n');
    } else {
      process.stderr.write(
        `\nSkipped or stood-in adapters (${lines.length}):\n${lines.map((l) => `  ${l}`).join('\n')}\n`,
      );
    }
  }
}
module.exports = SkipReporter;
