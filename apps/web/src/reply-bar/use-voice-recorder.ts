import { useCallback, useEffect, useRef, useState } from 'react';
import { RecordingUnsupportedError, voiceRecordingType } from './voice-recording';

/** A recording under way: the microphone's stream, the recorder and what it gave so far. */
interface Recording {
  readonly stream: MediaStream;
  readonly recorder: MediaRecorder;
  readonly chunks: Blob[];
  readonly type: string | undefined;
}

const stopTracks = (stream: MediaStream): void => {
  for (const track of stream.getTracks()) track.stop();
};

/**
 * A voice message recorded in the browser (B8): `start` asks for the microphone and records
 * (rejecting when it is refused, absent or unsupported); `stop` ends the recording, releases the
 * microphone and resolves with the recording; `cancel` discards it. `elapsedSeconds` counts while
 * it records. Leaving the reply bar discards a recording.
 */
export const useVoiceRecorder = () => {
  const current = useRef<Recording | null>(null);
  const [phase, setPhase] = useState<'idle' | 'starting' | 'recording'>('idle');
  const [startedAt, setStartedAt] = useState(0);
  const [elapsedSeconds, setElapsedSeconds] = useState(0);
  const mounted = useRef(true);

  const discard = useCallback((): void => {
    const recording = current.current;
    current.current = null;
    if (!recording) return;
    recording.recorder.ondataavailable = null;
    recording.recorder.onstop = null;
    if (recording.recorder.state !== 'inactive') recording.recorder.stop();
    stopTracks(recording.stream);
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      discard();
    };
  }, [discard]);

  useEffect(() => {
    if (phase !== 'recording') return;
    const tick = window.setInterval(
      () => setElapsedSeconds(Math.floor((Date.now() - startedAt) / 1000)),
      250,
    );
    return () => window.clearInterval(tick);
  }, [phase, startedAt]);

  const start = async (): Promise<void> => {
    if (phase !== 'idle') return;
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
      throw new RecordingUnsupportedError();
    }
    setPhase('starting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (failure) {
      if (mounted.current) setPhase('idle');
      throw failure;
    }
    if (!mounted.current) {
      stopTracks(stream);
      return;
    }
    try {
      const type = voiceRecordingType((candidate) => MediaRecorder.isTypeSupported(candidate));
      const recorder = new MediaRecorder(
        stream,
        type === undefined ? undefined : { mimeType: type },
      );
      const recording: Recording = { stream, recorder, chunks: [], type };
      recorder.ondataavailable = (event) => {
        if (event.data.size > 0) recording.chunks.push(event.data);
      };
      recorder.start();
      current.current = recording;
    } catch (failure) {
      stopTracks(stream);
      setPhase('idle');
      throw failure;
    }
    setStartedAt(Date.now());
    setElapsedSeconds(0);
    setPhase('recording');
  };

  /** The recording (its type the recorder's); null when none was under way. */
  const stop = (): Promise<Blob | null> => {
    const recording = current.current;
    current.current = null;
    setPhase('idle');
    if (!recording) return Promise.resolve(null);
    return new Promise((resolve) => {
      const { recorder } = recording;
      const finish = (): void => {
        stopTracks(recording.stream);
        const type = recorder.mimeType || recording.type || 'audio/webm';
        resolve(new Blob(recording.chunks, { type }));
      };
      if (recorder.state === 'inactive') {
        finish();
        return;
      }
      recorder.onstop = finish;
      recorder.stop();
    });
  };

  const cancel = (): void => {
    discard();
    setPhase('idle');
  };

  return { phase, elapsedSeconds, start, stop, cancel };
};
