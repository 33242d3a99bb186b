import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { isSearchShortcut, isTextField } from './search-shortcut';
import './chat-search.css';

/**
 * The search box over the chat list (L2). `/` (when not typing elsewhere) or Ctrl/Cmd+K puts
 * the cursor in it; Escape empties it, which brings the chat list back.
 */
export function ChatSearchBox(props: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = isSearchShortcut({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inTextField: isTextField(document.activeElement),
      });
      if (!shortcut || input.current === null) return;
      event.preventDefault();
      input.current.focus();
      input.current.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="chat-search" role="search">
      <input
        ref={input}
        type="search"
        className="chat-search__input"
        value={props.value}
        placeholder={t('chatSearch.placeholder')}
        aria-label={t('chatSearch.label')}
        aria-keyshortcuts="/ Control+K Meta+K"
        maxLength={200}
        data-testid="search-input"
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            props.onChange('');
            input.current?.blur();
          }
        }}
      />
    </div>
  );
}
