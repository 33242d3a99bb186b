import {
  ALL_FORMATS,
  BufferSource,
  BufferTarget,
  Conversion,
  Input,
  OggOutputFormat,
  Output,
} from 'mediabunny';

/**
 * A manager's recorded voice message as Telegram plays it: OGG with one Opus track. Browsers
 * record Opus in a WebM container (Chromium's MediaRecorder has no OGG), so the Opus packets
 * are copied from WebM into OGG: a remux, no decoding or encoding, with mediabunny (pure
 * TypeScript, maintained, no binary to install; ffmpeg would be a system dependency for one
 * container change). A recording already in OGG/Opus is rewritten the same way, which also
 * checks it.
 */
export interface VoiceNote {
  /** The OGG/Opus file. */
  readonly bytes: Buffer;
  /** Whole seconds, rounded (what sendVoice's `duration` takes). */
  readonly durationSeconds: number;
}

/** A recording that is not one Opus audio track in WebM, Matroska or OGG. */
export class NotAVoiceRecording extends Error {
  constructor(reason: string) {
    super(`not a voice recording: ${reason}`);
    this.name = 'NotAVoiceRecording';
  }
}

/** The recording's Opus packets in OGG, and its length; throws NotAVoiceRecording. */
export const toVoiceNote = async (recording: Uint8Array): Promise<VoiceNote> => {
  const input = new Input({ source: new BufferSource(recording), formats: ALL_FORMATS });
  try {
    const audio = await readAudioTrack(input);
    if (audio.codec !== 'opus') {
      throw new NotAVoiceRecording(
        `its audio is ${audio.codec ?? 'in an unknown codec'}, not Opus`,
      );
    }
    const target = new BufferTarget();
    const output = new Output({ format: new OggOutputFormat(), target });
    const conversion = await Conversion.init({
      input,
      output,
      tracks: 'primary',
      video: { discard: true },
      tags: {},
      showWarnings: false,
    });
    if (!conversion.isValid) {
      throw new NotAVoiceRecording('its Opus track cannot be copied into OGG');
    }
    await conversion.execute();
    if (target.buffer === null) throw new NotAVoiceRecording('nothing was written');
    const bytes = Buffer.from(target.buffer);
    return { bytes, durationSeconds: Math.round(await input.computeDuration()) };
  } finally {
    input.dispose();
  }
};

const readAudioTrack = async (input: Input) => {
  try {
    const audio = await input.getPrimaryAudioTrack();
    if (audio === null) throw new NotAVoiceRecording('it has no audio track');
    return audio;
  } catch (error) {
    if (error instanceof NotAVoiceRecording) throw error;
    throw new NotAVoiceRecording(error instanceof Error ? error.message : String(error));
  }
};
