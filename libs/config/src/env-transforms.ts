import { Transform } from 'class-transformer';

/**
 * Read "true"/"1"/"yes" and "false"/"0"/"no" as booleans; leave anything else for @IsBoolean
 * to reject with the variable's name (implicit conversion would read "false" as true).
 */
export const BooleanFromEnv = (): PropertyDecorator =>
  Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const raw = obj[key];
    if (typeof raw === 'boolean') return raw;
    const text = String(raw).trim().toLowerCase();
    if (['true', '1', 'yes'].includes(text)) return true;
    if (['false', '0', 'no'].includes(text)) return false;
    return raw;
  });
