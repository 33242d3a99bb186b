import { validateSync } from 'class-validator';
import { SignInRequest } from './gateway-api';

const reasonsFor = (email: unknown): string[] => {
  const request = Object.assign(new SignInRequest(), { email, password: 'secret' });
  return validateSync(request).flatMap((e) => Object.values(e.constraints ?? {}));
};

describe('sign-in email', () => {
  it('Given an address, When validated, Then it is accepted', () => {
    expect(reasonsFor('manager@parley.local')).toEqual([]);
  });

  it.each([
    ['a lone surrogate (isEmail would throw)', '\uD800'],
    ['a lone surrogate in an address', 'a@b.c\uD800'],
    ['a NUL in an address', 'a\u0000@b.c'],
    ['not an address', 'manager'],
    ['a number', 42],
  ])('Given %s, When validated, Then it is refused, not thrown', (_name, email) => {
    expect(reasonsFor(email)).toEqual(['email must be an email']);
  });
});
