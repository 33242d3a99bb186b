import type { Translate } from '../i18n/translate';
import {
  TEMPLATE_CAPTION_MAX,
  TEMPLATE_NAME_MAX,
  TEMPLATE_TEXT_MAX,
  type TemplateDraftProblem,
  type VariableNameProblem,
} from './reply-templates';

/** `{a}, {b}`: variable names as a template writes them. */
export const variableList = (names: readonly string[]): string =>
  names.map((name) => `{${name}}`).join(', ');

/**
 * What to say under the template form about one field's problem; null when there is none, or
 * when the field is only empty (Save stays disabled, nothing to explain).
 */
export const templateFieldHint = (
  problems: readonly TemplateDraftProblem[],
  field: TemplateDraftProblem['field'],
  t: Translate,
): string | null => {
  const found = problems.find((problem) => problem.field === field);
  if (!found) return null;
  switch (found.problem) {
    case 'blank':
      return null;
    case 'too-long':
      return found.field === 'name'
        ? t('admin.name.tooLong', { max: TEMPLATE_NAME_MAX })
        : t('admin.templates.textTooLong', { max: TEMPLATE_TEXT_MAX });
    case 'too-long-caption':
      return t('admin.templates.captionTooLong', { max: TEMPLATE_CAPTION_MAX });
    case 'invalid':
      return t('admin.templates.shortcodeInvalid');
    case 'taken':
      return t('admin.templates.shortcodeTaken');
    case 'unknown-variables':
      return t('admin.templates.unknownVariables', { names: variableList(found.names) });
    default: {
      const _exhaustive: never = found;
      return _exhaustive;
    }
  }
};

/** What to say under the variable name field; null when it is fine. */
export const variableNameHint = (
  problem: VariableNameProblem | null,
  t: Translate,
): string | null => {
  switch (problem) {
    case null:
      return null;
    case 'invalid':
      return t('admin.templates.variableNameInvalid');
    case 'built-in':
      return t('admin.templates.variableBuiltIn');
    default: {
      const _exhaustive: never = problem;
      return _exhaustive;
    }
  }
};
