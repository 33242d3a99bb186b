// testTimeout is a global Jest option; each level sets its own default here instead.
const timeouts = { unit: 5_000, int: 60_000, e2e: 240_000 };
const level = expect.getState().testPath.match(/\.(unit|int|e2e)\.spec\.ts$/)?.[1] ?? 'unit';
jest.setTimeout(timeouts[level]);
