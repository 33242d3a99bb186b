/** The placeholder of a registration-link template (R7); as CLICK_ID_PLACEHOLDER in contracts. */
const CLICK_ID_PLACEHOLDER = '{click_id}';

/**
 * The client's registration link (R7): the workspace's template with every `{click_id}` replaced
 * by the client's click id, URL-encoded; null without a template or a click id.
 */
export const registrationLink = (
  template: string | null | undefined,
  clickId: string | null | undefined,
): string | null => {
  if (!template || !clickId) return null;
  return template.split(CLICK_ID_PLACEHOLDER).join(encodeURIComponent(clickId));
};
