import type { Pipeline, PipelineStage } from '@parley/contracts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ConfirmButton } from './ConfirmButton';
import { nameHint } from './name-hint';
import { STAGE_NAME_MAX, stageNameProblem, type MoveDirection } from './pipeline-stages';

/** A live stage: its name (renamed in place), up and down, retire. */
export function StageRow(props: {
  stage: PipelineStage;
  pipeline: Pipeline;
  first: boolean;
  last: boolean;
  busy: boolean;
  onRename: (name: string) => Promise<boolean>;
  onMove: (direction: MoveDirection) => void;
  onRetire: () => void;
}) {
  const { t } = useI18n();
  const { stage } = props;
  const [renaming, setRenaming] = useState<string | null>(null);
  const problem =
    renaming === null ? null : stageNameProblem(props.pipeline, renaming, stage.stageId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (renaming === null || problem !== null) return;
    if (renaming.trim() === stage.name || (await props.onRename(renaming.trim()))) {
      setRenaming(null);
    }
  };

  return (
    <li className="admin-row" data-testid="admin-stage" data-stage-id={stage.stageId}>
      {renaming === null ? (
        <span className="admin-row__name" data-testid="admin-stage-name">
          {stage.name}
        </span>
      ) : (
        <form className="admin-inline-form" onSubmit={(event) => void submit(event)}>
          <input
            className="admin-input"
            data-testid="admin-stage-rename-input"
            aria-label={t('admin.pipeline.renameLabel', { stage: stage.name })}
            value={renaming}
            maxLength={STAGE_NAME_MAX + 20}
            autoFocus
            onChange={(event) => setRenaming(event.target.value)}
          />
          <button
            type="submit"
            className="button button--primary button--small"
            data-testid="admin-stage-rename-save"
            disabled={props.busy || problem !== null}
          >
            {props.busy ? t('admin.saving') : t('admin.save')}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setRenaming(null)}
          >
            {t('admin.cancel')}
          </button>
          <span className="admin-hint">
            {nameHint(problem, renaming, t, 'admin.pipeline.nameTaken', STAGE_NAME_MAX)}
          </span>
        </form>
      )}
      <span className="admin-row__actions">
        {renaming === null && (
          <button
            type="button"
            className="button button--ghost button--small"
            data-testid="admin-stage-rename"
            disabled={props.busy}
            onClick={() => setRenaming(stage.name)}
          >
            {t('admin.pipeline.rename')}
          </button>
        )}
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="admin-stage-up"
          aria-label={t('admin.pipeline.moveUp', { stage: stage.name })}
          title={t('admin.pipeline.moveUp', { stage: stage.name })}
          disabled={props.busy || props.first}
          onClick={() => props.onMove('up')}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="admin-stage-down"
          aria-label={t('admin.pipeline.moveDown', { stage: stage.name })}
          title={t('admin.pipeline.moveDown', { stage: stage.name })}
          disabled={props.busy || props.last}
          onClick={() => props.onMove('down')}
        >
          ↓
        </button>
        <ConfirmButton
          label={t('admin.pipeline.retire')}
          question={t('admin.pipeline.retireConfirm', { stage: stage.name })}
          testId="admin-stage-retire"
          disabled={props.busy}
          onConfirm={props.onRetire}
        />
      </span>
    </li>
  );
}
