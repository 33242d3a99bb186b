/**
 * A read-model document as the API returns it: fields whose names start with '_' are the
 * projector's bookkeeping (positions applied, ...) and stay inside, except `_id`.
 */
export const publicDocument = <T>(document: Readonly<Record<string, unknown>>): T => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    if (key === '_id' || !key.startsWith('_')) out[key] = value;
  }
  return out as T;
};
