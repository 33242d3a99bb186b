import { useEffect, useRef, useState } from 'react';
import type { TemplatePreview } from '@parley/contracts';

/** How long the preview waits after the last keystroke before asking the gateway. */
export const PREVIEW_DELAY_MS = 300;

export type PreviewState =
  /** Nothing to preview: no text, or no chat to preview with. */
  | { readonly status: 'idle' }
  /** Waiting for the typing to pause or for the answer; the last preview stays on screen. */
  | { readonly status: 'loading'; readonly preview: TemplatePreview | null }
  | { readonly status: 'ready'; readonly preview: TemplatePreview }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * The live preview of a template's draft for one chat's client: asked for PREVIEW_DELAY_MS after
 * the text or the chat last changed; an answer to an earlier text is dropped.
 */
export function useTemplatePreview(
  preview: (text: string, conversationId: string) => Promise<TemplatePreview>,
  text: string,
  conversationId: string | null,
): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const latest = useRef(preview);
  latest.current = preview;

  useEffect(() => {
    if (text.trim() === '' || conversationId === null) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState((previous) => ({
      status: 'loading',
      preview:
        previous.status === 'ready'
          ? previous.preview
          : previous.status === 'loading'
            ? previous.preview
            : null,
    }));
    const timer = setTimeout(() => {
      latest.current(text, conversationId).then(
        (answer) => {
          if (current) setState({ status: 'ready', preview: answer });
        },
        (error: unknown) => {
          if (current) setState({ status: 'failed', error });
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, conversationId]);

  return state;
}
