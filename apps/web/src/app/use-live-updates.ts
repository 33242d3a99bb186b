import type { LiveMessage } from '@parley/contracts';
import { useEffect, useRef, useState } from 'react';
import { LiveSocket, type ConnectLive, type LiveStatus } from '../api/live-socket';

/**
 * Keeps the WebSocket to /api/live open while signed in (a new access token reconnects it) and
 * hands every message to `onMessage`; `onConnected` each time it opens (what changed before was never pushed). `url` gets a fresh ticket for
 * each connection.
 */
export function useLiveUpdates(options: {
  readonly accessToken: string | null;
  readonly url: () => Promise<string>;
  readonly connect: ConnectLive;
  readonly onMessage: (message: LiveMessage) => void;
  readonly onConnected: () => void;
}): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('stopped');
  const latest = useRef(options);
  latest.current = options;
  const { accessToken } = options;

  useEffect(() => {
    if (accessToken === null) return;
    const socket = new LiveSocket({
      url: () => latest.current.url(),
      connect: (url, events) => latest.current.connect(url, events),
      onMessage: (message) => latest.current.onMessage(message),
      onConnected: () => latest.current.onConnected(),
      onStatus: setStatus,
    });
    socket.start();
    return () => socket.stop();
  }, [accessToken]);

  return status;
}
