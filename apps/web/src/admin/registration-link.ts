/** The placeholder a registration-link template must hold (CLICK_ID_PLACEHOLDER in the contracts). */
export const CLICK_ID_PLACEHOLDER = '{click_id}';
export const REGISTRATION_LINK_TEMPLATE_MAX = 500;

export type TemplateProblem = 'not-url' | 'no-click-id' | 'too-long';

/**
 * Why a typed template would be refused: it must be an http(s) URL without spaces holding
 * `{click_id}`. Blank is no problem: it clears the template.
 */
export const templateProblem = (typed: string): TemplateProblem | null => {
  const template = typed.trim();
  if (template === '') return null;
  if (template.length > REGISTRATION_LINK_TEMPLATE_MAX) return 'too-long';
  if (!/^https?:\/\/\S+$/.test(template)) return 'not-url';
  if (!template.includes(CLICK_ID_PLACEHOLDER)) return 'no-click-id';
  return null;
};

/** The body of `PUT /api/crm/registration-link`: the trimmed template, or null to clear it. */
export const templateRequest = (typed: string): { template: string | null } => {
  const template = typed.trim();
  return { template: template === '' ? null : template };
};
