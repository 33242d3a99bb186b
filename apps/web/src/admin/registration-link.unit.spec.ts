import { templateProblem, templateRequest } from './registration-link';

describe('registration link template', () => {
  it('given an http(s) URL with {click_id}, then no problem', () => {
    expect(templateProblem('https://casino.example/register?cid={click_id}')).toBeNull();
    expect(templateProblem(' http://x.example/{click_id}/r ')).toBeNull();
  });

  it('given no {click_id}, then no-click-id', () => {
    expect(templateProblem('https://casino.example/register?cid=')).toBe('no-click-id');
    expect(templateProblem('https://casino.example/register?cid={clickid}')).toBe('no-click-id');
  });

  it('given something that is not an http(s) URL without spaces, then not-url', () => {
    expect(templateProblem('casino.example/{click_id}')).toBe('not-url');
    expect(templateProblem('https://casino.example/a b/{click_id}')).toBe('not-url');
    expect(templateProblem('ftp://casino.example/{click_id}')).toBe('not-url');
  });

  it('given more than 500 characters, then too-long', () => {
    expect(templateProblem(`https://x.example/${'a'.repeat(480)}{click_id}`)).toBe('too-long');
  });

  it('given blank, then no problem: it clears the template', () => {
    expect(templateProblem('  ')).toBeNull();
    expect(templateRequest('  ')).toEqual({ template: null });
  });

  it('given a template, then the request carries it trimmed', () => {
    expect(templateRequest(' https://x.example/{click_id} ')).toEqual({
      template: 'https://x.example/{click_id}',
    });
  });
});
