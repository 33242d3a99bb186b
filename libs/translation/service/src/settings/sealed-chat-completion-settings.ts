import { SecretBoxOpenFailed, type SecretBox } from '@parley/platform';
import {
  validateChatCompletionSettings,
  type ChatCompletionSettings,
} from './chat-completion-settings';

/**
 * The context a workspace's settings are sealed for: a sealed value copied to another
 * workspace's row, or another field, does not open there.
 */
const contextOf = (workspaceId: string) => `workspace:${workspaceId}:chat-completion-settings`;

/**
 * A workspace's settings, sealed whole (endpoint and model too: they tell which provider a
 * workspace uses, and one sealed value keeps the three consistent). Validate before sealing.
 */
export const sealChatCompletionSettings = (
  box: SecretBox,
  workspaceId: string,
  settings: ChatCompletionSettings,
): string =>
  box.seal(
    JSON.stringify({
      endpoint: settings.endpoint,
      model: settings.model,
      ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
    }),
    contextOf(workspaceId),
  );

/**
 * The settings sealed for `workspaceId`, checked again as settings (what comes back from
 * storage is trusted no more than what came from a form). Throws `SecretBoxOpenFailed`.
 */
export const openChatCompletionSettings = (
  box: SecretBox,
  workspaceId: string,
  sealed: string,
): ChatCompletionSettings => {
  const plaintext = box.open(sealed, contextOf(workspaceId));
  let parsed: unknown;
  try {
    parsed = JSON.parse(plaintext);
  } catch {
    throw new SecretBoxOpenFailed('malformed');
  }
  const validation = validateChatCompletionSettings(parsed);
  if (!validation.ok) throw new SecretBoxOpenFailed('malformed');
  return validation.settings;
};
