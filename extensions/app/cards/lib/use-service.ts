import { useCallback, useEffect, useState } from 'react';
import type { ServiceResult } from './service';

export type ServiceState<T> = { status: 'loading' } | { status: 'done'; result: ServiceResult<T> };

interface Answered<T> {
  load: () => Promise<ServiceResult<T>>;
  attempt: number;
  result: ServiceResult<T>;
}

/**
 * Runs `load` when it changes (pass a useCallback keyed on origin and record id) and on reload();
 * the state is "loading" until the answer to the latest request arrives. `show` replaces the data
 * with a fresher copy (the recheck answer carries the new card).
 */
export function useService<T>(load: () => Promise<ServiceResult<T>>) {
  const [attempt, setAttempt] = useState(0);
  const [answered, setAnswered] = useState<Answered<T> | null>(null);

  useEffect(() => {
    let current = true;
    load().then((result) => {
      if (current) setAnswered({ load, attempt, result });
    });
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const state: ServiceState<T> =
    answered && answered.load === load && answered.attempt === attempt ? { status: 'done', result: answered.result } : { status: 'loading' };
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const show = useCallback((data: T) => setAnswered((a) => (a ? { ...a, result: { ok: true, data } } : a)), []);
  return { state, reload, show };
}
