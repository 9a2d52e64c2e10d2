/**
 * The sum of a value over records, or null when any record lacks it: a partial sum would be a
 * made-up number. `lacking` names the records without a value, for the missing list.
 */
export function knownSum<T>(records: readonly T[], value: (r: T) => number | null): { sum: number | null; lacking: T[] } {
  const lacking = records.filter((r) => value(r) === null);
  if (lacking.length > 0) return { sum: null, lacking };
  return { sum: records.reduce((total, r) => total + value(r)!, 0), lacking };
}
