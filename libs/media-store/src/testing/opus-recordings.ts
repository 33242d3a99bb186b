import {
  BufferTarget,
  EncodedAudioPacketSource,
  EncodedPacket,
  OggOutputFormat,
  Output,
  WebMOutputFormat,
} from 'mediabunny';

/** A 20 ms Opus frame of silence (CELT, full band): TOC 0xf8 and an empty frame. */
const SILENT_OPUS_FRAME = new Uint8Array([0xf8, 0xff, 0xfe]);
const FRAME_SECONDS = 0.02;

/** The Opus identification header (RFC 7845 §5.1): version 1, mono, 312 samples pre-skip, 48 kHz. */
const OPUS_HEAD = new Uint8Array([
  0x4f, 0x70, 0x75, 0x73, 0x48, 0x65, 0x61, 0x64, 1, 1, 0x38, 0x01, 0x80, 0xbb, 0, 0, 0, 0, 0,
]);

/**
 * A recording of `seconds` of silence as a browser's MediaRecorder makes it (Opus in WebM), or
 * in OGG: real Opus packets in a real container, for tests of what a recording goes through.
 */
export const opusRecording = async (
  seconds: number,
  container: 'webm' | 'ogg' = 'webm',
): Promise<Buffer> => {
  const target = new BufferTarget();
  const output = new Output({
    format: container === 'webm' ? new WebMOutputFormat() : new OggOutputFormat(),
    target,
  });
  const source = new EncodedAudioPacketSource('opus');
  output.addAudioTrack(source);
  await output.start();
  const frames = Math.round(seconds / FRAME_SECONDS);
  for (let i = 0; i < frames; i++) {
    const packet = new EncodedPacket(SILENT_OPUS_FRAME, 'key', i * FRAME_SECONDS, FRAME_SECONDS);
    await source.add(
      packet,
      i === 0
        ? {
            decoderConfig: {
              codec: 'opus',
              numberOfChannels: 1,
              sampleRate: 48_000,
              description: OPUS_HEAD,
            },
          }
        : undefined,
    );
  }
  await output.finalize();
  return Buffer.from(target.buffer!);
};
