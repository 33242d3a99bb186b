import { useReducer, useState, type FormEvent } from 'react';
import type { AdminApi } from '../api/admin-api';
import { useResource } from '../api/use-resource';
import { useI18n } from '../i18n/I18nProvider';
import { AdminError } from './AdminError';
import { AdminPanel } from './AdminPanel';
import { nameHint } from './name-hint';
import {
  pipelineSections,
  STAGE_NAME_MAX,
  stageNameProblem,
  stageOrderAfterMove,
  type MoveDirection,
} from './pipeline-stages';
import { StageRow } from './StageRow';
import { useAdminAction } from './use-admin-action';

/** Pipeline and stages (R3, A4): add, rename, reorder, retire; retired stages listed apart. */
export function PipelineAdmin(props: { api: AdminApi }) {
  const { api } = props;
  const { t } = useI18n();
  const [tick, reload] = useReducer((n: number) => n + 1, 0);
  const pipeline = useResource(() => api.pipeline(), 'pipeline', tick);
  const [newName, setNewName] = useState('');

  const add = useAdminAction((name: string) => api.addStage(name).then(() => true), reload);
  // One change at a time on the stages: rename, reorder, retire.
  const change = useAdminAction(
    (request: () => Promise<unknown>) => request().then(() => true),
    reload,
  );

  const { live, retired } = pipelineSections(pipeline.data);
  const problem = stageNameProblem(pipeline.data, newName);
  const busy = change.running;

  const onAdd = async (event: FormEvent) => {
    event.preventDefault();
    if (problem !== null) return;
    if (await add.run(newName.trim())) setNewName('');
  };

  const move = (stageId: string, direction: MoveDirection) => {
    const order = stageOrderAfterMove(pipeline.data, stageId, direction);
    if (order !== null) void change.run(() => api.reorderStages(order));
  };

  return (
    <AdminPanel
      testId="admin-pipeline"
      title={t('admin.section.pipeline')}
      intro={t('admin.pipeline.intro')}
      loaded={pipeline.data !== undefined}
      loadError={pipeline.error}
      onRetry={reload}
    >
      <h3 className="admin-subtitle">{t('admin.pipeline.live')}</h3>
      <ol className="admin-list" data-testid="admin-stages">
        {live.map((stage, index) => (
          <StageRow
            key={stage.stageId}
            stage={stage}
            pipeline={pipeline.data!}
            first={index === 0}
            last={index === live.length - 1}
            busy={busy}
            onRename={async (name) =>
              (await change.run(() => api.renameStage(stage.stageId, name))) === true
            }
            onMove={(direction) => move(stage.stageId, direction)}
            onRetire={() => void change.run(() => api.retireStage(stage.stageId))}
          />
        ))}
      </ol>
      <AdminError error={change.error} testId="admin-stage-error" />

      <form className="admin-form" onSubmit={(event) => void onAdd(event)}>
        <label className="admin-field">
          <span>{t('admin.pipeline.newStage')}</span>
          <input
            className="admin-input"
            data-testid="admin-stage-new-name"
            placeholder={t('admin.pipeline.newStagePlaceholder')}
            value={newName}
            maxLength={STAGE_NAME_MAX + 20}
            onChange={(event) => setNewName(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid="admin-stage-add"
          disabled={add.running || problem !== null}
        >
          {add.running ? t('admin.saving') : t('admin.add')}
        </button>
        <span className="admin-hint">
          {nameHint(problem, newName, t, 'admin.pipeline.nameTaken', STAGE_NAME_MAX)}
        </span>
      </form>
      <AdminError error={add.error} testId="admin-stage-add-error" />

      <h3 className="admin-subtitle">{t('admin.pipeline.retired')}</h3>
      {retired.length === 0 ? (
        <p className="muted">{t('admin.pipeline.noRetired')}</p>
      ) : (
        <ul className="admin-list" data-testid="admin-retired-stages">
          {retired.map((stage) => (
            <li
              key={stage.stageId}
              className="admin-row admin-row--retired"
              data-testid="admin-retired-stage"
              data-stage-id={stage.stageId}
            >
              <span className="admin-row__name">{stage.name}</span>
            </li>
          ))}
        </ul>
      )}
    </AdminPanel>
  );
}
