import type { ValidationError } from '@nestjs/common';
import { validationIssues } from './validation-pipe';

describe('validationIssues', () => {
  it('given nested errors, then every broken rule is named by its dotted field', () => {
    const errors = [
      { property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] },
      {
        property: 'content',
        children: [
          {
            property: 'text',
            constraints: { isLength: 'text must be longer', isString: 'text must be a string' },
            children: [],
          },
        ],
      },
    ] as ValidationError[];

    expect(validationIssues(errors)).toEqual([
      { field: 'email', reason: 'email must be an email' },
      { field: 'content.text', reason: 'text must be longer' },
      { field: 'content.text', reason: 'text must be a string' },
    ]);
  });
});
