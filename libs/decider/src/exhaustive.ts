/**
 * End every switch over a union with `default: return assertNever(x)`: a new member that is not
 * handled breaks the build there (docs/style.md 3).
 */
export const assertNever = (value: never, what = 'value'): never => {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
};
