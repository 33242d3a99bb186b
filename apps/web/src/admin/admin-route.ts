import type { Role } from '@parley/contracts';

/**
 * The admin screens (issues 10, 12 and 13, A3/A4/R2/R7/B1/C2), in the order the admin menu lists
 * them.
 */
export const ADMIN_SECTIONS = [
  'pipeline',
  'tags',
  'tracking-links',
  'conversion-keys',
  'registration-link',
  'templates',
  'robots',
  'translation',
] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** What the signed-in screen shows: the messenger (the default) or one admin screen. */
export type ScreenRoute =
  { readonly view: 'messenger' } | { readonly view: 'admin'; readonly section: AdminSection };

export const MESSENGER_HASH = '#/';

export const adminHash = (section: AdminSection = ADMIN_SECTIONS[0]): string =>
  `#/admin/${section}`;

const isAdminSection = (value: string): value is AdminSection =>
  (ADMIN_SECTIONS as readonly string[]).includes(value);

/**
 * The route for a location hash: `#/admin` and `#/admin/<section>` open the admin screens for an
 * admin (an unknown section opens the first); anything else, and anything for a manager, is the
 * messenger.
 */
export const screenRoute = (hash: string, role: Role): ScreenRoute => {
  if (role !== 'admin') return { view: 'messenger' };
  const match = /^#\/admin(?:\/([^/?#]*))?\/?$/.exec(hash);
  if (!match) return { view: 'messenger' };
  const section = match[1] ?? '';
  return { view: 'admin', section: isAdminSection(section) ? section : ADMIN_SECTIONS[0] };
};
