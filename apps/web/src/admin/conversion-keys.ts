import type { ConversionKeyList, ConversionKeyView } from '@parley/contracts';

/** Conversion-key labels: 1 to 60 visible characters (CONVERSION_KEY_LABEL_MAX in the contracts). */
export const CONVERSION_KEY_LABEL_MAX = 60;

/** The keys as the screen lists them: those in use first, revoked ones apart; each newest first. */
export const conversionKeySections = (
  list: ConversionKeyList | undefined,
): {
  readonly active: readonly ConversionKeyView[];
  readonly revoked: readonly ConversionKeyView[];
} => {
  const items = list?.items ?? [];
  return {
    active: items.filter((key) => key.revokedAt === null),
    revoked: items.filter((key) => key.revokedAt !== null),
  };
};

/** Whether a typed label can be sent. */
export const isConversionKeyLabel = (typed: string): boolean => {
  const label = typed.trim();
  return label !== '' && label.length <= CONVERSION_KEY_LABEL_MAX;
};
