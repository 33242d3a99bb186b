import { ADMIN_SECTIONS, adminHash, MESSENGER_HASH, screenRoute } from './admin-route';

describe('screen route', () => {
  it('given an admin and no hash or the messenger hash, then the messenger (the default)', () => {
    expect(screenRoute('', 'admin')).toEqual({ view: 'messenger' });
    expect(screenRoute(MESSENGER_HASH, 'admin')).toEqual({ view: 'messenger' });
    expect(screenRoute('#/administrator', 'admin')).toEqual({ view: 'messenger' });
  });

  it('given an admin and #/admin, then the first admin screen', () => {
    expect(screenRoute('#/admin', 'admin')).toEqual({ view: 'admin', section: 'pipeline' });
    expect(screenRoute('#/admin/', 'admin')).toEqual({ view: 'admin', section: 'pipeline' });
  });

  it('given an admin and a section, then that section; an unknown one opens the first', () => {
    expect(screenRoute('#/admin/conversion-keys', 'admin')).toEqual({
      view: 'admin',
      section: 'conversion-keys',
    });
    expect(screenRoute('#/admin/templates', 'admin')).toEqual({
      view: 'admin',
      section: 'templates',
    });
    expect(screenRoute('#/admin/robots', 'admin')).toEqual({ view: 'admin', section: 'robots' });
    expect(screenRoute('#/admin/translation', 'admin')).toEqual({
      view: 'admin',
      section: 'translation',
    });
    expect(screenRoute('#/admin/nonsense', 'admin')).toEqual({
      view: 'admin',
      section: 'pipeline',
    });
  });

  it('given a manager, then always the messenger, whatever the hash', () => {
    for (const section of ADMIN_SECTIONS) {
      expect(screenRoute(adminHash(section), 'manager')).toEqual({ view: 'messenger' });
    }
    expect(screenRoute('#/admin', 'manager')).toEqual({ view: 'messenger' });
  });

  it('given each section, then its hash leads back to it', () => {
    for (const section of ADMIN_SECTIONS) {
      expect(screenRoute(adminHash(section), 'admin')).toEqual({ view: 'admin', section });
    }
  });
});
