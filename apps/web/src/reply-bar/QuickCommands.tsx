import type { RenderedTemplate } from '@parley/contracts';
import { useEffect, useRef } from 'react';
import { adminHash } from '../admin/admin-route';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import type { ChatTemplates } from './use-chat-templates';

export const QUICK_COMMANDS_ID = 'quick-commands';
export const quickCommandOptionId = (index: number): string => `quick-command-${index}`;

/**
 * The popup above the reply box while the draft is `/` or `/word` (B3): the chat's templates
 * matching what follows the slash, the highlighted one chosen with Enter or a click.
 */
export function QuickCommands(props: {
  templates: ChatTemplates;
  matches: readonly RenderedTemplate[];
  query: string;
  active: number;
  /** An admin is told where to add templates; a manager, who adds them. */
  canManageTemplates: boolean;
  onHighlight: (index: number) => void;
  onChoose: (template: RenderedTemplate) => void;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const list = useRef<HTMLUListElement>(null);
  const { templates, matches, active } = props;

  useEffect(() => {
    const option = list.current?.children[active];
    if (option instanceof HTMLElement) option.scrollIntoView?.({ block: 'nearest' });
  }, [active, matches.length]);

  const body = (() => {
    switch (templates.status) {
      case 'loading':
        return (
          <p className="quick-commands__note muted" role="status">
            {t('reply.templates.loading')}
          </p>
        );
      case 'failed':
        return (
          <p className="quick-commands__note quick-commands__note--error" role="alert">
            {t('reply.templates.failed', { message: describeError(templates.error, t) })}{' '}
            <button
              type="button"
              className="link-button"
              onMouseDown={(event) => event.preventDefault()}
              onClick={props.onRetry}
            >
              {t('action.retry')}
            </button>
          </p>
        );
      case 'ready':
        if (templates.templates.length === 0) {
          return (
            <p className="quick-commands__note" data-testid="quick-commands-empty">
              {t('reply.templates.empty')}{' '}
              {props.canManageTemplates ? (
                <a href={adminHash('templates')} data-testid="quick-commands-admin-link">
                  {t('reply.templates.emptyAdmin')}
                </a>
              ) : (
                <span className="muted">{t('reply.templates.emptyManager')}</span>
              )}
            </p>
          );
        }
        if (matches.length === 0) {
          return (
            <p className="quick-commands__note muted" data-testid="quick-commands-no-match">
              {t('reply.templates.noMatch', { query: props.query })}
            </p>
          );
        }
        return (
          <ul
            ref={list}
            className="quick-commands__list"
            role="listbox"
            id={QUICK_COMMANDS_ID}
            aria-label={t('reply.templates.label')}
          >
            {matches.map((template, index) => (
              <li
                key={template.templateId}
                id={quickCommandOptionId(index)}
                className="quick-command"
                role="option"
                aria-selected={index === active}
                data-testid="quick-command"
                data-shortcode={template.shortcode}
                data-active={index === active ? 'true' : undefined}
                // Keeps the focus in the reply box.
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => props.onHighlight(index)}
                onClick={() => props.onChoose(template)}
              >
                <span className="quick-command__head">
                  <span className="quick-command__shortcode">/{template.shortcode}</span>
                  <span className="quick-command__name">{template.name}</span>
                  {template.attachment && (
                    <span className="quick-command__file muted" data-testid="quick-command-file">
                      {t('reply.templates.withFile', { name: template.attachment.fileName })}
                    </span>
                  )}
                </span>
                <span className="quick-command__text">{template.rendered}</span>
              </li>
            ))}
          </ul>
        );
      default: {
        const _exhaustive: never = templates;
        return _exhaustive;
      }
    }
  })();

  return (
    <div className="quick-commands" data-testid="quick-commands">
      {body}
      {templates.status === 'ready' && matches.length > 0 && (
        <p className="quick-commands__keys muted" aria-hidden="true">
          {t('reply.templates.keys')}
        </p>
      )}
    </div>
  );
}
