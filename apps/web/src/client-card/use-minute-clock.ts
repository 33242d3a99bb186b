import { useEffect, useState } from 'react';

/** The time now, renewed every `everyMs` (half a minute by default), so "overdue" turns on by itself. */
export function useMinuteClock(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
