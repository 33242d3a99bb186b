import type { Pipeline } from '@parley/contracts';
import { pipelineSections, stageNameProblem, stageOrderAfterMove } from './pipeline-stages';

const pipeline: Pipeline = {
  stages: [
    { stageId: 'new', name: 'New', retired: false },
    { stageId: 'in_progress', name: 'In progress', retired: false },
    { stageId: 'won', name: 'Won', retired: false },
    { stageId: 'old', name: 'Old', retired: true },
  ],
};

describe('pipeline sections', () => {
  it('given live and retired stages, then the live ones in order and the retired apart', () => {
    const { live, retired } = pipelineSections(pipeline);
    expect(live.map((s) => s.stageId)).toEqual(['new', 'in_progress', 'won']);
    expect(retired.map((s) => s.stageId)).toEqual(['old']);
  });

  it('given no pipeline yet, then nothing', () => {
    expect(pipelineSections(undefined)).toEqual({ live: [], retired: [] });
  });
});

describe('stage order after a move', () => {
  it('given a middle stage moved up, then it swaps with the one above; every live stage once', () => {
    expect(stageOrderAfterMove(pipeline, 'in_progress', 'up')).toEqual([
      'in_progress',
      'new',
      'won',
    ]);
  });

  it('given a stage moved down, then it swaps with the one below', () => {
    expect(stageOrderAfterMove(pipeline, 'new', 'down')).toEqual(['in_progress', 'new', 'won']);
  });

  it('given the first stage up or the last down, then no move', () => {
    expect(stageOrderAfterMove(pipeline, 'new', 'up')).toBeNull();
    expect(stageOrderAfterMove(pipeline, 'won', 'down')).toBeNull();
  });

  it('given a retired or unknown stage, then no move, and retired stages are never in the order', () => {
    expect(stageOrderAfterMove(pipeline, 'old', 'up')).toBeNull();
    expect(stageOrderAfterMove(pipeline, 'gone', 'down')).toBeNull();
    expect(stageOrderAfterMove(pipeline, 'won', 'up')).not.toContain('old');
  });

  it('given a move, then the pipeline itself is left as it was', () => {
    stageOrderAfterMove(pipeline, 'won', 'up');
    expect(pipeline.stages.map((s) => s.stageId)).toEqual(['new', 'in_progress', 'won', 'old']);
  });
});

describe('stage name problems', () => {
  it('given a fresh name, then none', () => {
    expect(stageNameProblem(pipeline, '  Qualified ')).toBeNull();
  });

  it('given blank or over 60 characters, then blank or too-long', () => {
    expect(stageNameProblem(pipeline, '   ')).toBe('blank');
    expect(stageNameProblem(pipeline, 'x'.repeat(61))).toBe('too-long');
    expect(stageNameProblem(pipeline, 'x'.repeat(60))).toBeNull();
  });

  it('given the name of another live stage in any case, then taken', () => {
    expect(stageNameProblem(pipeline, 'won ')).toBe('taken');
  });

  it('given the name of a retired stage, or the stage’s own name when renaming it, then none', () => {
    expect(stageNameProblem(pipeline, 'Old')).toBeNull();
    expect(stageNameProblem(pipeline, 'WON', 'won')).toBeNull();
  });
});
