import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { collectServiceCatalog, REPO_ROOT } from './collect-service-catalog';
import { renderServiceCatalog, replaceSection } from './service-catalog';

/**
 * `npm run docs:services`: rewrites README.md's section between `<!-- services:begin -->` and
 * `<!-- services:end -->` from the contracts and the event handlers (see collect-service-catalog.ts).
 * Only that section changes.
 */
const README = path.join(REPO_ROOT, 'README.md');

try {
  const readme = readFileSync(README, 'utf8');
  const catalog = collectServiceCatalog();
  const next = replaceSection(readme, renderServiceCatalog(catalog));
  if (next === readme) {
    process.stdout.write('docs:services: README.md is up to date\n');
  } else {
    writeFileSync(README, next);
    process.stdout.write(
      `docs:services: README.md rewritten (${catalog.publishers.length} services, ` +
        `${catalog.publishers.reduce((n, p) => n + p.events.length, 0)} events)\n`,
    );
  }
} catch (e) {
  process.stderr.write(`docs:services failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
}
