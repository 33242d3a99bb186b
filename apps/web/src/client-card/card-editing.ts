import type { ClientCard, Pipeline, PipelineStage, Tag, TagCatalogue } from '@parley/contracts';

/** The stages a deal may move into, in the pipeline's order: the live ones. */
export const liveStages = (pipeline: Pipeline | undefined): readonly PipelineStage[] =>
  pipeline ? pipeline.stages.filter((stage) => !stage.retired) : [];

/**
 * What the stage select offers: the live stages, plus the deal's current stage when it is not
 * one of them (retired, or not loaded yet), so the select still shows where the deal is.
 */
export const stageOptions = (
  pipeline: Pipeline | undefined,
  currentStageId: string,
): readonly (PipelineStage & { readonly selectable: boolean })[] => {
  const live = liveStages(pipeline).map((stage) => ({ ...stage, selectable: true }));
  if (live.some((stage) => stage.stageId === currentStageId)) return live;
  const current = pipeline?.stages.find((stage) => stage.stageId === currentStageId);
  return [
    {
      stageId: currentStageId,
      name: current?.name ?? currentStageId,
      retired: true,
      selectable: false,
    },
    ...live,
  ];
};

/** A stage's name by id; the id itself when the pipeline does not know it (yet). */
export const stageName = (pipeline: Pipeline | undefined, stageId: string): string =>
  pipeline?.stages.find((stage) => stage.stageId === stageId)?.name ?? stageId;

const sameName = (a: string, b: string): boolean =>
  a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The catalogue's tags to suggest while typing: not on the contact yet, containing what was
 * typed (any case), those starting with it first; at most `limit`.
 */
export const tagSuggestions = (
  catalogue: TagCatalogue | undefined,
  typed: string,
  onContact: readonly string[],
  limit = 8,
): readonly Tag[] => {
  if (!catalogue) return [];
  const query = typed.trim().toLocaleLowerCase();
  const candidates = catalogue.tags.filter(
    (tag) =>
      !onContact.some((name) => sameName(name, tag.name)) &&
      tag.name.toLocaleLowerCase().includes(query),
  );
  const starts = candidates.filter((tag) => tag.name.toLocaleLowerCase().startsWith(query));
  const rest = candidates.filter((tag) => !tag.name.toLocaleLowerCase().startsWith(query));
  return [...starts, ...rest].slice(0, limit);
};

/**
 * The name to send for what was typed: the catalogue's spelling when it has the tag in another
 * case; null when there is nothing to add (blank, or already on the contact).
 */
export const tagToAdd = (
  catalogue: TagCatalogue | undefined,
  typed: string,
  onContact: readonly string[],
): string | null => {
  const name = typed.trim();
  if (name === '' || onContact.some((other) => sameName(other, name))) return null;
  return catalogue?.tags.find((tag) => sameName(tag.name, name))?.name ?? name;
};

/** The contact's tags as chips with their colours (as added; the catalogue's for any missing). */
export const tagChips = (
  contact: NonNullable<ClientCard['contact']>,
  catalogue: TagCatalogue | undefined,
): readonly Tag[] =>
  contact.tags.map((name) => {
    const colour =
      contact.tagColours.find((tag) => tag.name === name)?.colour ??
      catalogue?.tags.find((tag) => tag.name === name)?.colour ??
      null;
    return { name, colour: colour ?? DEFAULT_TAG_COLOUR };
  });

export const DEFAULT_TAG_COLOUR = '#3b6fd8';

const HEX = /^#([0-9a-f]{6})$/i;

/** Dark or light text on a chip of `colour`, whichever reads better. */
export const chipTextTone = (colour: string): 'dark' | 'light' => {
  const match = HEX.exec(colour);
  if (!match) return 'light';
  const value = parseInt(match[1]!, 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  // Relative luminance, roughly (ITU-R BT.601 weights).
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? 'dark' : 'light';
};
