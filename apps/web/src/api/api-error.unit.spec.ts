import { translatorFor } from '../i18n/translate';
import { ApiError, apiErrorFromBody } from './api-error';
import { describeError } from './describe-error';

describe('apiErrorFromBody', () => {
  it('given the gateway error body, then keeps its message and issues', () => {
    const error = apiErrorFromBody(422, {
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'The conversation is archived',
      issues: [{ field: 'text', reason: 'too long' }, { bad: true }],
    });
    expect(error.status).toBe(422);
    expect(error.serverMessage).toBe('The conversation is archived');
    expect(error.issues).toEqual([{ field: 'text', reason: 'too long' }]);
  });

  it('given a failed draft’s body (issue 12), then keeps its reason; other bodies have none', () => {
    const error = apiErrorFromBody(503, {
      statusCode: 503,
      message: 'LibreTranslate did not answer',
      reason: 'unavailable',
      retryable: true,
    });
    expect(error.reason).toBe('unavailable');
    expect(apiErrorFromBody(400, { message: 'bad' }).reason).toBeNull();
  });

  it('given a list of messages, then joins them; given no body, then no message', () => {
    expect(apiErrorFromBody(400, { message: ['a', 'b'] }).serverMessage).toBe('a; b');
    expect(apiErrorFromBody(500, undefined).serverMessage).toBeNull();
  });
});

describe('describeError', () => {
  const t = translatorFor('en');

  it('given a rejection with a reason, then the reason is what the manager reads', () => {
    expect(describeError(new ApiError(409, 'Already sent'), t)).toBe('Already sent');
  });

  it('given no server, then says so; given no reason, then the status', () => {
    expect(describeError(new ApiError(0, null), t)).toMatch(/cannot be reached/);
    expect(describeError(new ApiError(502, null), t)).toBe('Something went wrong (502).');
    expect(describeError(new Error('x'), t)).toBe('Something went wrong (?).');
  });
});
