/**
 * A job id from its parts: joined with '|', every ':' replaced by '_' (BullMQ refuses ':' in
 * custom ids). `jobId(workspaceId, taskId, dueMs)` gives `ws1|<uuid>|1796281200000`.
 */
export const jobId = (...parts: readonly (string | number)[]): string =>
  parts.join('|').replace(/:/g, '_');

/** The id, due time and payload of a job to schedule, checked the same way by every adapter. */
export const readJobToSchedule = <P>(job: {
  readonly id: string;
  readonly dueAt: string | Date;
  readonly payload: P;
}): { id: string; dueAt: string; dueMs: number; payload: P } => {
  const { id } = job;
  if (id === '' || id.includes(':') || `${parseInt(id, 10)}` === id) {
    throw new Error(`job id "${id}" must be non-empty, without ':' and not an integer`);
  }
  const dueAt =
    typeof job.dueAt === 'string' || Number.isNaN(job.dueAt.getTime())
      ? String(job.dueAt)
      : job.dueAt.toISOString();
  const dueMs = Date.parse(dueAt);
  if (!Number.isFinite(dueMs)) throw new Error(`job ${id}: due time "${dueAt}" is not a time`);
  const json = JSON.stringify(job.payload);
  if (json === undefined) throw new Error(`job ${id}: its payload is not JSON data`);
  return { id, dueAt, dueMs, payload: JSON.parse(json) as P };
};
