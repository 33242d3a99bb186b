// One Jest run, three levels chosen by file name (docs/style.md 14):
//   *.unit.spec.ts  pure code, no I/O
//   *.int.spec.ts   real servers (PostgreSQL, Kafka, Redis) and real adapters
//   *.e2e.spec.ts   real processes (and later a real browser)
// `npm test` runs all three; `npm run test:unit|test:int|test:e2e` picks one.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const tsconfig = JSON.parse(readFileSync(path.join(__dirname, 'tsconfig.base.json'), 'utf8'));
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace(/[/]/g, '\\/')}$`] = `<rootDir>/${target}`;
}

const swcConfig = JSON.parse(readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;

const level = (name, extra = {}) => ({
  displayName: name,
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/{apps,libs,tools}/**/*.${name}.spec.ts`],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swcConfig] },
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
  setupFilesAfterEnv: ['<rootDir>/tools/jest/level-timeouts.js'],
  ...extra,
});

module.exports = {
  reporters: ['<rootDir>/tools/jest/skip-reporter.js', 'default'],
  projects: [
    level('unit'),
    level('int', { slowTestThreshold: 30 }),
    level('e2e', { slowTestThreshold: 60 }),
  ],
};
