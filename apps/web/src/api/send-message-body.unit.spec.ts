import { sendMessageBody } from './send-message-body';

describe('the body of a sent message', () => {
  it('given text alone, then text and id', () => {
    expect(sendMessageBody('Hi', 'm1')).toEqual({ text: 'Hi', messageId: 'm1' });
  });

  it('given an upload, then its id with the caption; a blank caption is left out', () => {
    expect(sendMessageBody('Look', 'm1', 'f1')).toEqual({
      messageId: 'm1',
      attachmentId: 'f1',
      text: 'Look',
    });
    expect(sendMessageBody('  ', 'm1', 'f1')).toEqual({ messageId: 'm1', attachmentId: 'f1' });
  });

  it('given a template’s file (issue 13), then the template’s id with the caption, never an upload id', () => {
    expect(sendMessageBody('Our prices', 'm1', undefined, 't1')).toEqual({
      messageId: 'm1',
      templateId: 't1',
      text: 'Our prices',
    });
    expect(sendMessageBody('', 'm1', undefined, 't1')).toEqual({
      messageId: 'm1',
      templateId: 't1',
    });
  });

  it('given a translated text (B4), then the translation as text and the manager’s words beside it', () => {
    expect(
      sendMessageBody('¿Qué tal?', 'm1', undefined, undefined, {
        text: 'How are you?',
        language: 'en',
      }),
    ).toEqual({
      text: '¿Qué tal?',
      messageId: 'm1',
      translatedFrom: { text: 'How are you?', language: 'en' },
    });
  });
});
