import type { TagCatalogue } from '@parley/contracts';
import type { NameProblem } from './pipeline-stages';

/** Tag names: 1 to 40 visible characters once trimmed (TAG_NAME_MAX in the contracts). */
export const TAG_NAME_MAX = 40;

/** The colour a new tag starts with in the picker. */
export const NEW_TAG_COLOUR = '#3b6fd8';

/** `#rrggbb`, what the gateway accepts (and what `<input type="color">` gives). */
export const isTagColour = (colour: string): boolean => /^#[0-9a-f]{6}$/i.test(colour.trim());

/** Why a new tag's name would be refused: blank, too long, or already in the catalogue (any case). */
export const tagNameProblem = (
  catalogue: TagCatalogue | undefined,
  name: string,
): NameProblem | null => {
  const trimmed = name.trim();
  if (trimmed === '') return 'blank';
  if (trimmed.length > TAG_NAME_MAX) return 'too-long';
  const lower = trimmed.toLowerCase();
  return catalogue?.tags.some((tag) => tag.name.toLowerCase() === lower) ? 'taken' : null;
};
