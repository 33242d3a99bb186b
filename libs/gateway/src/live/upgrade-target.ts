/** What an upgrade request asks for: its path and the live ticket in its query. */
export interface UpgradeTarget {
  readonly path: string;
  readonly ticket: string;
}

/**
 * The path and `ticket` of a request target as the client sent it, whatever it holds:
 * never throws (unlike `new URL`, which throws on `//[::1` and the like). The path is compared
 * as sent, not decoded; the query is read as a browser writes it.
 */
export const upgradeTarget = (requestUrl: string | undefined): UpgradeTarget => {
  const target = requestUrl ?? '';
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? '' : target.slice(queryAt + 1);
  let ticket = '';
  try {
    ticket = new URLSearchParams(query).get('ticket') ?? '';
  } catch {
    ticket = '';
  }
  return { path, ticket };
};
