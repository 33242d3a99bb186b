/**
 * Config variables whose values never appear in an error or a log (docs/style.md 22, after
 * Twenty's `isSensitive`). A variable is sensitive when its class marks it with `@Sensitive()`,
 * or when its name says it holds a secret (SECRET, PASSWORD, TOKEN, API_KEY, PRIVATE_KEY), so a
 * new secret is masked even before someone remembers the decorator.
 */
const marked = new WeakMap<object, Set<string>>();

const SECRET_NAME = /(SECRET|PASSWORD|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIALS)/i;

export const Sensitive =
  (): PropertyDecorator =>
  (prototype: object, property: string | symbol): void => {
    const names = marked.get(prototype) ?? new Set<string>();
    names.add(String(property));
    marked.set(prototype, names);
  };

export const isSensitive = (configClass: { prototype: object }, variable: string): boolean =>
  SECRET_NAME.test(variable) || (marked.get(configClass.prototype)?.has(variable) ?? false);

/** A URL's password, if any, replaced: `postgres://parley:***@db/parley`. */
const withoutPassword = (value: string): string => {
  try {
    const url = new URL(value);
    if (!url.password) return value;
    url.password = '***';
    return url.toString();
  } catch {
    return value;
  }
};

/** How a value may be shown in an error: a secret by its length only, a URL without password. */
export const describeConfigValue = (
  configClass: { prototype: object },
  variable: string,
  value: unknown,
): string => {
  if (isSensitive(configClass, variable)) {
    return typeof value === 'string'
      ? `a value of ${value.length} characters, not shown`
      : 'a value, not shown';
  }
  return JSON.stringify(typeof value === 'string' ? withoutPassword(value) : value);
};
