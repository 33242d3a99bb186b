import type { Pipeline, PipelineStage } from '@parley/contracts';

/** Stage names: 1 to 60 visible characters once trimmed (STAGE_NAME_MAX in the contracts). */
export const STAGE_NAME_MAX = 60;

/** The pipeline as the admin screen shows it: live stages in order, retired ones apart. */
export const pipelineSections = (
  pipeline: Pipeline | undefined,
): { readonly live: readonly PipelineStage[]; readonly retired: readonly PipelineStage[] } => {
  const stages = pipeline?.stages ?? [];
  return {
    live: stages.filter((stage) => !stage.retired),
    retired: stages.filter((stage) => stage.retired),
  };
};

export type MoveDirection = 'up' | 'down';

/**
 * The body of `PUT /api/crm/pipeline/order` after moving one stage a place up or down: every
 * live stage id once, in the new order. null when the stage cannot move that way (first, last,
 * retired or unknown).
 */
export const stageOrderAfterMove = (
  pipeline: Pipeline | undefined,
  stageId: string,
  direction: MoveDirection,
): string[] | null => {
  const ids = pipelineSections(pipeline).live.map((stage) => stage.stageId);
  const from = ids.indexOf(stageId);
  if (from < 0) return null;
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return null;
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  return ids;
};

export type NameProblem = 'blank' | 'too-long' | 'taken';

const sameName = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Why a stage name would be refused, before asking the gateway: blank, too long, or the name of
 * another live stage (any case). `except` is the stage being renamed. null when it looks fine.
 */
export const stageNameProblem = (
  pipeline: Pipeline | undefined,
  name: string,
  except?: string,
): NameProblem | null => {
  const trimmed = name.trim();
  if (trimmed === '') return 'blank';
  if (trimmed.length > STAGE_NAME_MAX) return 'too-long';
  const taken = pipelineSections(pipeline).live.some(
    (stage) => stage.stageId !== except && sameName(stage.name, trimmed),
  );
  return taken ? 'taken' : null;
};
