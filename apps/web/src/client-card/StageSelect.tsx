import type { Pipeline } from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { CardEditError } from './CardEditError';
import { stageOptions } from './card-editing';
import { useCardAction } from './use-card-action';

/** The deal's stage (R3): the pipeline's live stages in order, the current one selected. */
export function StageSelect(props: {
  stageId: string;
  pipeline: Pipeline | undefined;
  onMove: (stageId: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const move = useCardAction(props.onMove);
  return (
    <div className="card-edit">
      <select
        className="card-edit__select"
        data-testid="card-stage-select"
        data-stage={props.stageId}
        aria-label={t('card.field.stage')}
        value={props.stageId}
        disabled={move.running || props.pipeline === undefined}
        onChange={(event) => void move.run(event.target.value)}
      >
        {stageOptions(props.pipeline, props.stageId).map((stage) => (
          <option key={stage.stageId} value={stage.stageId} disabled={!stage.selectable}>
            {stage.retired && !stage.selectable && props.pipeline !== undefined
              ? t('card.stage.retired', { stage: stage.name })
              : stage.name}
          </option>
        ))}
      </select>
      <CardEditError error={move.error} testId="card-stage-error" />
    </div>
  );
}
