import type { Translate } from '../i18n/translate';
import { REGISTRATION_LINK_TEMPLATE_MAX, type TemplateProblem } from './registration-link';

/** What to say under the template field about its problem; null when there is none. */
export const templateHint = (problem: TemplateProblem | null, t: Translate): string | null => {
  switch (problem) {
    case null:
      return null;
    case 'not-url':
      return t('admin.registration.notUrl');
    case 'no-click-id':
      return t('admin.registration.noClickId');
    case 'too-long':
      return t('admin.registration.tooLong', { max: REGISTRATION_LINK_TEMPLATE_MAX });
    default: {
      const _exhaustive: never = problem;
      return _exhaustive;
    }
  }
};
