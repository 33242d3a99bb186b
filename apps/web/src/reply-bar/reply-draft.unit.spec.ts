import {
  canSend,
  canSendWith,
  editDraft,
  emptyDraft,
  isSendKeystroke,
  MAX_MESSAGE_LENGTH,
} from './reply-draft';

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('reply draft', () => {
  it('given an unchanged text, then the message id stays (a resend cannot duplicate)', () => {
    const newId = ids();
    const draft = editDraft(emptyDraft(newId), 'hello', newId);
    expect(editDraft(draft, 'hello', newId)).toBe(draft);
  });

  it('given an edit, then the draft gets a new message id', () => {
    const newId = ids();
    const first = editDraft(emptyDraft(newId), 'hello', newId);
    const second = editDraft(first, 'hello!', newId);
    expect(second).toEqual({ text: 'hello!', messageId: 'id-3' });
    expect(second.messageId).not.toBe(first.messageId);
  });

  it('given blank or too long text, then it cannot be sent', () => {
    const newId = ids();
    expect(canSend(emptyDraft(newId))).toBe(false);
    expect(canSend({ text: ' \n\t', messageId: 'x' })).toBe(false);
    expect(canSend({ text: 'a'.repeat(MAX_MESSAGE_LENGTH + 1), messageId: 'x' })).toBe(false);
    expect(canSend({ text: ' hi ', messageId: 'x' })).toBe(true);
  });

  it('given an uploaded file, then an empty caption may be sent, a caption up to the limit too', () => {
    expect(canSendWith({ text: '', messageId: 'x' }, 'ready', 1024)).toBe(true);
    expect(canSendWith({ text: 'a'.repeat(1024), messageId: 'x' }, 'ready', 1024)).toBe(true);
    expect(canSendWith({ text: 'a'.repeat(1025), messageId: 'x' }, 'ready', 1024)).toBe(false);
  });

  it('given a file still uploading, then nothing can be sent; given none, then the text rules', () => {
    expect(canSendWith({ text: 'hi', messageId: 'x' }, 'uploading', 1024)).toBe(false);
    expect(canSendWith({ text: '', messageId: 'x' }, 'none', 1024)).toBe(false);
    expect(canSendWith({ text: 'a'.repeat(2000), messageId: 'x' }, 'none', 1024)).toBe(true);
  });
});

describe('isSendKeystroke', () => {
  it('given Enter, then sends; given Shift+Enter or composing, then a new line', () => {
    expect(isSendKeystroke({ key: 'Enter', shiftKey: false })).toBe(true);
    expect(isSendKeystroke({ key: 'Enter', shiftKey: true })).toBe(false);
    expect(isSendKeystroke({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false);
    expect(isSendKeystroke({ key: 'a', shiftKey: false })).toBe(false);
  });
});
