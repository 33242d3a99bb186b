import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (no browser download: .ci/run installs it). */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface ChromiumOptions {
  /**
   * A fake microphone (Chromium's test tone) that pages may use without asking: for recording
   * voice messages.
   */
  readonly fakeMicrophone?: boolean;
}

export const launchChromium = (options: ChromiumOptions = {}): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.fakeMicrophone
        ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']
        : []),
    ],
  });
