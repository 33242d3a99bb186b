import { startBotApiStandIn, type BotApiStandIn } from './bot-api-stand-in';

const TOKEN = '42:stand-in_token';

describe('Bot API stand-in', () => {
  let standIn: BotApiStandIn;
  beforeEach(async () => {
    standIn = await startBotApiStandIn({ token: TOKEN, username: 'test_bot' });
  });
  afterEach(async () => {
    await standIn.close();
  });

  const call = (method: string, body: string, contentType: string, token = TOKEN) =>
    fetch(`${standIn.apiRoot}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });

  it('answers getMe with the bot', async () => {
    const response = await call('getMe', '', 'application/json');
    expect(await response.json()).toMatchObject({
      ok: true,
      result: { id: 42, is_bot: true, username: 'test_bot' },
    });
  });

  it('answers sendMessage from a form body with the documented payload and records the call', async () => {
    const response = await call(
      'sendMessage',
      new URLSearchParams({ chat_id: '7', text: 'hi' }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      result: { message_id: 1, chat: { id: 7, type: 'private' }, text: 'hi' },
    });
    expect(standIn.callsOf('sendMessage')).toEqual([
      {
        method: 'sendMessage',
        token: TOKEN,
        params: { chat_id: '7', text: 'hi' },
        at: expect.any(Number),
        status: 200,
        files: {},
      },
    ]);
  });

  it('reads multipart bodies as grammY sends them with files', async () => {
    const boundary = 'grammy-boundary';
    const body = [
      `--${boundary}`,
      'content-disposition:form-data; name="chat_id"',
      '',
      '8',
      `--${boundary}`,
      'content-disposition:form-data; name="text"',
      '',
      'multi',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const response = await call('sendMessage', body, `multipart/form-data; boundary=${boundary}`);
    expect(await response.json()).toMatchObject({ ok: true, result: { text: 'multi' } });
  });

  it('given a blocked chat, answers 403 as Telegram does', async () => {
    standIn.blockChat(9);
    const response = await call(
      'sendMessage',
      JSON.stringify({ chat_id: 9, text: 'x' }),
      'application/json',
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      ok: false,
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
  });

  it('refuses another token with 401 and unknown methods with 404', async () => {
    expect((await call('getMe', '', 'application/json', '1:other')).status).toBe(401);
    expect((await call('sendSomething', '{}', 'application/json')).status).toBe(404);
  });
});
