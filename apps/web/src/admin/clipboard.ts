/** What a Copy button shows after a click. */
export type CopyOutcome = 'copied' | 'failed';

/**
 * Puts text on the clipboard. The Clipboard API exists only in a secure context (https or
 * localhost) and may be refused; then 'failed', and the screen asks to copy by hand.
 */
export const copyText = async (
  text: string,
  clipboard: Pick<Clipboard, 'writeText'> | undefined,
): Promise<CopyOutcome> => {
  if (!clipboard) return 'failed';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'failed';
  }
};
