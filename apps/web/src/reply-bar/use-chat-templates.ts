import type { RenderedTemplate } from '@parley/contracts';
import { useEffect, useReducer, useRef, useState } from 'react';

export type ChatTemplates =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly templates: readonly RenderedTemplate[] }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * The chat's templates, rendered for its client, fetched afresh each time the quick-command
 * popup opens (an admin may have changed them, the client's card too); `retry` fetches again.
 */
export function useChatTemplates(
  open: boolean,
  load: () => Promise<readonly RenderedTemplate[]>,
): { readonly templates: ChatTemplates; readonly retry: () => void } {
  const [templates, setTemplates] = useState<ChatTemplates>({ status: 'loading' });
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  const latest = useRef(load);
  latest.current = load;

  useEffect(() => {
    if (!open) return;
    let current = true;
    setTemplates({ status: 'loading' });
    latest.current().then(
      (list) => {
        if (current) setTemplates({ status: 'ready', templates: list });
      },
      (error: unknown) => {
        if (current) setTemplates({ status: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [open, attempt]);

  return { templates, retry };
}
