/**
 * English for translation and the AI assistant (issue 12: C2, B4, B5, B7): the timeline's
 * translations and summaries, the reply bar's Translate, AI reply and Summarise, the card's
 * languages, Admin → Translation. Spread into the source dictionary `en`.
 */
export const translationEn = {
  'translation.showOriginal': 'Show original',
  'translation.showTranslation': 'Show translation',
  'translation.showWhatIWrote': 'Show what I wrote',
  'translation.showWhatWasSent': 'Show what was sent',
  'translation.language': 'Language: {language}',
  'translation.translatedFrom': 'Translated from {from}',
  'translation.sentIn': 'Sent in translation',
  'translation.failed': 'Not translated: {reason}',
  'translation.retry': 'Retry translation',
  'translation.retrying': 'Retrying…',
  'translation.failure.not_configured': 'translation is not set up',
  'translation.failure.quota_exceeded': 'the provider’s quota is used up for now',
  'translation.failure.rate_limited': 'too many requests to the provider; try again shortly',
  'translation.failure.unavailable': 'the provider cannot be reached',
  'translation.failure.timeout': 'the provider took too long to answer',
  'translation.failure.invalid_credentials': 'the provider refused the server’s credentials',
  'translation.failure.unsupported_language': 'the provider does not support this language',
  'translation.failure.bad_request': 'the provider refused the text',
  'translation.failure.model_not_found': 'the AI model is unknown to its server',
  'translation.failure.bad_response': 'the answer could not be understood',

  'scoring.title': 'AI summary',
  'scoring.by': '{model} · {time}',
  'scoring.nextStep': 'Next step: {step}',
  'scoring.demo': 'Demo',
  'scoring.demo.title': 'Written by the demo assistant, not by a real model',
  'scoring.failed': 'AI summary failed: {reason}',
  'scoring.failed.unknown': 'no usable answer',

  'reply.translate': 'Translate',
  'reply.translate.title':
    'Translate the draft into the client’s language to check it before sending',
  'reply.translate.off': 'Translation is off: an admin can turn it on under Admin → Translation',
  'reply.translate.withFile': 'Files and their captions are sent as written',
  'reply.translate.running': 'Translating…',
  'reply.preview.label': 'Will be sent in {language}',
  'reply.preview.discard': 'Discard translation',
  'reply.preview.stale': 'The draft changed: translate again, or discard the translation.',
  'reply.advice': 'AI reply',
  'reply.advice.title': 'Draft a reply from the conversation; you edit it before sending',
  'reply.advice.running': 'Drafting…',
  'reply.advice.drafted': 'Drafted by {model}: edit it, then send.',
  'reply.demo': 'Demo',
  'reply.demo.title': 'Written by the demo assistant, not by a real model',
  'reply.score': 'Summarise',
  'reply.score.title': 'Ask the AI for a summary and the next step: it appears on the timeline',
  'reply.score.running': 'Asking…',
  'reply.score.requested': 'Summary requested: it will appear on the timeline.',

  'card.languages.title': 'Languages',
  'card.languages.detected': 'Detected',
  'card.languages.notDetected': 'Not detected yet',
  'card.languages.client': 'Client’s language',
  'card.languages.team': 'Team’s language',
  'card.languages.automatic': 'Automatic',
  'card.languages.automaticAs': 'Automatic ({language})',

  'admin.translation.intro':
    'How client messages are translated for the team and replies for the client, and which AI model drafts replies and summaries.',
  'admin.translation.provider': 'Translation provider',
  'admin.translation.provider.none': 'None',
  'admin.translation.provider.google': 'Google Cloud Translation',
  'admin.translation.provider.libretranslate': 'LibreTranslate',
  'admin.translation.noneMeans':
    'None: messages are shown as written and nothing is translated; managers are told an admin can turn it on here.',
  'admin.translation.credentials':
    'The provider’s address and credentials are server configuration (see the README), never entered here.',
  'admin.translation.teamLanguage': 'Team’s language',
  'admin.translation.teamLanguage.hint':
    'Client messages are translated into it; a chat can choose other languages on its card.',
  'admin.translation.current': 'Now: {provider}; the team reads {language}.',
  'admin.translation.saved': 'Saved: it applies to messages from now on.',
  'admin.assistant.title': 'AI assistant',
  'admin.assistant.intro':
    'An OpenAI-compatible server (its address ends in /v1) drafts replies and summaries. The key is write-only: it is stored sealed and never shown again.',
  'admin.assistant.endpoint': 'Endpoint',
  'admin.assistant.model': 'Model',
  'admin.assistant.key': 'API key',
  'admin.assistant.key.hint':
    'Leave it empty for a server without a key. Saving replaces the stored key.',
  'admin.assistant.configured': 'Configured: model {model}.',
  'admin.assistant.unset': 'Not configured.',
  'admin.assistant.save': 'Save assistant',
  'admin.assistant.remove': 'Remove',
  'admin.assistant.saved': 'Saved.',
  'admin.assistant.removed': 'Removed.',
  'admin.assistant.remove.question':
    'Remove the AI assistant? AI reply and Summarise stop working until one is set again.',
  'admin.assistant.endpoint.invalid':
    'The endpoint is an http(s) address, such as https://api.openai.com/v1.',
} as const;

export type TranslationMessageKey = keyof typeof translationEn;
