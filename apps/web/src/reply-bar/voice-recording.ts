import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';

/** Opus in WebM: what the upload remuxes into a Telegram voice message (OGG/Opus). */
export const PREFERRED_VOICE_TYPE = 'audio/webm;codecs=opus';

/** The name a recording is uploaded under. */
export const VOICE_FILE_NAME = 'voice.webm';

/** The recorder's type: Opus in WebM when the browser records it, else (undefined) its default. */
export const voiceRecordingType = (
  isTypeSupported: (type: string) => boolean,
): string | undefined => (isTypeSupported(PREFERRED_VOICE_TYPE) ? PREFERRED_VOICE_TYPE : undefined);

/** Thrown when the browser has no getUserMedia or MediaRecorder. */
export class RecordingUnsupportedError extends Error {
  constructor() {
    super('Voice recording is not supported');
    this.name = 'RecordingUnsupportedError';
  }
}

const errorName = (error: unknown): string | null =>
  typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : null;

const MICROPHONE_ERRORS: Readonly<Record<string, MessageKey>> = {
  NotAllowedError: 'reply.microphone.denied',
  SecurityError: 'reply.microphone.denied',
  PermissionDeniedError: 'reply.microphone.denied',
  NotFoundError: 'reply.microphone.notFound',
  OverconstrainedError: 'reply.microphone.notFound',
  RecordingUnsupportedError: 'reply.microphone.unsupported',
};

/** What to tell the manager when the microphone could not be started (refused, absent, …). */
export const describeMicrophoneError = (error: unknown, t: Translate): string => {
  const name = errorName(error);
  const key = name === null ? undefined : MICROPHONE_ERRORS[name];
  return key ? t(key) : t('reply.microphone.failed', { reason: name ?? String(error) });
};
