import { translatorFor } from '../i18n/translate';
import {
  describeMicrophoneError,
  PREFERRED_VOICE_TYPE,
  RecordingUnsupportedError,
  voiceRecordingType,
} from './voice-recording';

describe('voice recording', () => {
  it('records Opus in WebM when the browser can, else its default', () => {
    expect(voiceRecordingType((type) => type === PREFERRED_VOICE_TYPE)).toBe(
      'audio/webm;codecs=opus',
    );
    expect(voiceRecordingType(() => false)).toBeUndefined();
  });

  it('given a refused, missing or unsupported microphone, then says which, in the manager’s language', () => {
    const en = translatorFor('en');
    const refused = Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
    expect(describeMicrophoneError(refused, en)).toBe(
      'The browser may not use the microphone: allow it for this site and try again.',
    );
    expect(describeMicrophoneError({ name: 'NotFoundError' }, en)).toContain('No microphone');
    expect(describeMicrophoneError(new RecordingUnsupportedError(), en)).toBe(
      'This browser cannot record voice messages.',
    );
    expect(describeMicrophoneError({ name: 'AbortError' }, en)).toBe(
      'The microphone could not be started (AbortError).',
    );
    expect(describeMicrophoneError(refused, translatorFor('ru'))).toContain('микрофон');
  });
});
