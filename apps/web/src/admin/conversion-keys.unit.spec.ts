import { conversionKeySections, isConversionKeyLabel } from './conversion-keys';

describe('conversion keys', () => {
  it('given keys in use and revoked ones, then each apart, in the order listed', () => {
    const { active, revoked } = conversionKeySections({
      items: [
        { keyId: 'k3', label: 'Three', createdAt: '2026-12-02T10:00:00Z', revokedAt: null },
        {
          keyId: 'k2',
          label: 'Two',
          createdAt: '2026-12-01T10:00:00Z',
          revokedAt: '2026-12-02T09:00:00Z',
        },
        { keyId: 'k1', label: 'One', createdAt: '2026-11-30T10:00:00Z', revokedAt: null },
      ],
    });
    expect(active.map((k) => k.keyId)).toEqual(['k3', 'k1']);
    expect(revoked.map((k) => k.keyId)).toEqual(['k2']);
    expect(conversionKeySections(undefined)).toEqual({ active: [], revoked: [] });
  });

  it('given labels, then 1 to 60 visible characters pass', () => {
    expect(isConversionKeyLabel(' Casino backend ')).toBe(true);
    expect(isConversionKeyLabel('   ')).toBe(false);
    expect(isConversionKeyLabel('x'.repeat(61))).toBe(false);
  });
});
