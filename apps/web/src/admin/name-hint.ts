import type { Translate } from '../i18n/translate';
import type { NameProblem } from './pipeline-stages';

/** What to say under a name field about its problem; null while the field is empty or fine. */
export const nameHint = (
  problem: NameProblem | null,
  typed: string,
  t: Translate,
  takenKey: 'admin.pipeline.nameTaken' | 'admin.tags.nameTaken',
  max: number,
): string | null => {
  switch (problem) {
    case null:
      return null;
    case 'blank':
      return typed === '' ? null : t('admin.name.blank');
    case 'too-long':
      return t('admin.name.tooLong', { max });
    case 'taken':
      return t(takenKey);
    default: {
      const _exhaustive: never = problem;
      return _exhaustive;
    }
  }
};
