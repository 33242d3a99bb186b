import type { ReactNode } from 'react';
import type { AdminApi } from '../api/admin-api';
import type { AdminMessageKey } from '../i18n/admin-en';
import { useI18n } from '../i18n/I18nProvider';
import { ADMIN_SECTIONS, adminHash, type AdminSection } from './admin-route';
import { ConversionKeysAdmin } from './ConversionKeysAdmin';
import { PipelineAdmin } from './PipelineAdmin';
import { RegistrationLinkAdmin } from './RegistrationLinkAdmin';
import { RobotsAdmin } from './RobotsAdmin';
import { TagsAdmin } from './TagsAdmin';
import { TemplatesAdmin } from './TemplatesAdmin';
import { TrackingLinksAdmin } from './TrackingLinksAdmin';
import { TranslationAdmin } from './TranslationAdmin';
import './admin.css';

const SECTION_TITLES: Readonly<Record<AdminSection, AdminMessageKey>> = {
  pipeline: 'admin.section.pipeline',
  tags: 'admin.section.tags',
  'tracking-links': 'admin.section.tracking-links',
  'conversion-keys': 'admin.section.conversion-keys',
  'registration-link': 'admin.section.registration-link',
  templates: 'admin.section.templates',
  robots: 'admin.section.robots',
  translation: 'admin.section.translation',
};

const sectionScreen = (section: AdminSection, api: AdminApi): ReactNode => {
  switch (section) {
    case 'pipeline':
      return <PipelineAdmin api={api} />;
    case 'tags':
      return <TagsAdmin api={api} />;
    case 'tracking-links':
      return <TrackingLinksAdmin api={api} />;
    case 'conversion-keys':
      return <ConversionKeysAdmin api={api} />;
    case 'registration-link':
      return <RegistrationLinkAdmin api={api} />;
    case 'templates':
      return <TemplatesAdmin api={api} />;
    case 'robots':
      return <RobotsAdmin api={api} />;
    case 'translation':
      return <TranslationAdmin api={api} />;
    default: {
      const _exhaustive: never = section;
      return _exhaustive;
    }
  }
};

/** The admin screens (issue 10): a menu of sections on the left, the chosen one beside it. */
export function AdminScreen(props: { api: AdminApi; section: AdminSection }) {
  const { t } = useI18n();
  return (
    <div className="admin" data-testid="admin-screen" data-section={props.section}>
      <nav className="admin__nav" aria-label={t('admin.nav.label')}>
        {ADMIN_SECTIONS.map((section) => (
          <a
            key={section}
            className="admin__nav-link"
            href={adminHash(section)}
            data-testid={`admin-nav-${section}`}
            aria-current={section === props.section ? 'page' : undefined}
          >
            {t(SECTION_TITLES[section])}
          </a>
        ))}
      </nav>
      <main className="admin__content">{sectionScreen(props.section, props.api)}</main>
    </div>
  );
}
