import { jobId, readJobToSchedule } from './job-id';

describe('job ids', () => {
  it('given parts, then they are joined with | and every : becomes _', () => {
    expect(jobId('ws1', 'ws1:tg:1:42', 1796281200000)).toBe('ws1|ws1_tg_1_42|1796281200000');
  });

  it('given a job to schedule, then its due time is kept as written, or a Date as ISO, and its payload goes through JSON', () => {
    const payload = { at: new Date('2026-12-03T07:00:00.000Z'), n: 1 };

    const fromString = readJobToSchedule({
      id: 'a|b',
      dueAt: '2026-12-03T10:00:00+03:00',
      payload,
    });
    const fromDate = readJobToSchedule({ id: 'a|b', dueAt: payload.at, payload });

    expect(fromString).toEqual({
      id: 'a|b',
      dueAt: '2026-12-03T10:00:00+03:00',
      dueMs: Date.parse('2026-12-03T07:00:00Z'),
      payload: { at: '2026-12-03T07:00:00.000Z', n: 1 },
    });
    expect(fromDate.dueAt).toBe('2026-12-03T07:00:00.000Z');
  });

  it('given an id with :, an integer id, an empty id or no JSON payload, then it is refused', () => {
    const job = { id: 'a|b', dueAt: new Date(), payload: 1 as unknown };
    expect(() => readJobToSchedule({ ...job, id: 'a:b' })).toThrow(/job id/);
    expect(() => readJobToSchedule({ ...job, id: '7' })).toThrow(/job id/);
    expect(() => readJobToSchedule({ ...job, id: '' })).toThrow(/job id/);
    expect(() => readJobToSchedule({ ...job, payload: undefined })).toThrow(/not JSON/);
  });
});
