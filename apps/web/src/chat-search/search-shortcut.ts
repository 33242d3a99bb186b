/** The parts of a keydown that decide whether it opens the search box. */
export interface ShortcutKey {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** The focused element is a text field (input, textarea, select, contenteditable). */
  readonly inTextField: boolean;
}

/**
 * `/` focuses the search box unless the manager is typing somewhere (the reply bar's own `/`
 * opens quick commands); Ctrl+K or Cmd+K does from anywhere.
 */
export const isSearchShortcut = (event: ShortcutKey): boolean => {
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.inTextField;
};

/** Whether an element takes typed text. */
export const isTextField = (element: Element | null): boolean => {
  if (element === null) return false;
  if ((element as Partial<HTMLElement>).isContentEditable === true) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = (element.getAttribute('type') ?? 'text').toLowerCase();
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
    type,
  );
};
