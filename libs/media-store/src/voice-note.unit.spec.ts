import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { opusRecording } from './testing/opus-recordings';
import { NotAVoiceRecording, toVoiceNote } from './voice-note';

/** What a player sees in a file: its container, its audio codec and its length. */
const probe = async (bytes: Buffer) => {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  try {
    const audio = await input.getPrimaryAudioTrack();
    return {
      mimeType: await input.getMimeType(),
      codec: audio?.codec ?? null,
      duration: await input.computeDuration(),
    };
  } finally {
    input.dispose();
  }
};

describe('a manager’s voice recording as Telegram plays it (OGG/Opus)', () => {
  it('given a browser’s WebM/Opus recording, then its Opus packets come out in OGG, as long as it was', async () => {
    const recording = await opusRecording(3);
    expect((await probe(recording)).mimeType).toMatch(/^audio\/webm/);

    const note = await toVoiceNote(recording);

    expect(note.bytes.subarray(0, 4).toString('latin1')).toBe('OggS');
    expect(note.bytes.includes(Buffer.from('OpusHead'))).toBe(true);
    const played = await probe(note.bytes);
    expect(played.mimeType).toMatch(/^audio\/ogg/);
    expect(played.codec).toBe('opus');
    expect(played.duration).toBeCloseTo(3, 0);
    expect(note.durationSeconds).toBe(3);
  });

  it('given a recording already in OGG/Opus, then it stays OGG/Opus', async () => {
    const note = await toVoiceNote(await opusRecording(2, 'ogg'));
    expect((await probe(note.bytes)).codec).toBe('opus');
    expect(note.durationSeconds).toBe(2);
  });

  it.each([
    ['a PNG picture', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
    ['text', Buffer.from('not a recording at all')],
    ['nothing', Buffer.alloc(0)],
  ])('given %s, then it is refused as no voice recording', async (_what, bytes) => {
    await expect(toVoiceNote(bytes)).rejects.toBeInstanceOf(NotAVoiceRecording);
  });
});
