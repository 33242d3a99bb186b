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
});
