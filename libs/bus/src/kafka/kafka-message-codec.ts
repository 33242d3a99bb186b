import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { OutgoingMessage } from '../bus.port';

export const encodeMessage = (message: OutgoingMessage): Message => {
  const value = JSON.stringify(message.value);
  if (value === undefined) {
    throw new TypeError(`the value of a message to ${message.topic} is not JSON-serialisable`);
  }
  const headers: IHeaders = {};
  for (const [name, v] of Object.entries(message.headers ?? {})) headers[name] = String(v);
  return { key: message.key, value, headers };
};

/** Header values as strings; a header sent more than once keeps its last value. */
export const decodeHeaders = (headers: IHeaders | undefined): Record<string, string> => {
  const decoded: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) decoded[name] = value.toString();
  }
  return decoded;
};

export type DecodedValue =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly raw: string;
      readonly error: Error;
    };

export const decodeValue = (message: KafkaMessage): DecodedValue => {
  const raw = message.value?.toString('utf8') ?? 'null';
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch (error) {
    return { ok: false, raw, error: error instanceof Error ? error : new Error(String(error)) };
  }
};
