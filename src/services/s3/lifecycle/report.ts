/** What one lifecycle sweep did, counted per action (logged, and returned to tests). */
export interface SweepReport {
  /** Current versions expired: deleted (unversioned bucket) or hidden behind a new delete marker. */
  currentExpired: number;
  /** Delete markers lifecycle added while expiring current versions of versioned buckets. */
  deleteMarkersAdded: number;
  /** Noncurrent versions (and noncurrent delete markers) deleted for good. */
  noncurrentExpired: number;
  /** Expired object delete markers removed (no version left behind them). */
  deleteMarkersRemoved: number;
  /** Incomplete multipart uploads aborted. */
  uploadsAborted: number;
  /** Versions moved to another storage class. */
  transitioned: number;
  /** Versions an action was due for but Object Lock protects (legal hold or retention). */
  lockedSkipped: number;
}

export function emptyReport(): SweepReport {
  return { currentExpired: 0, deleteMarkersAdded: 0, noncurrentExpired: 0, deleteMarkersRemoved: 0, uploadsAborted: 0, transitioned: 0, lockedSkipped: 0 };
}

export function addReport(into: SweepReport, more: SweepReport): void {
  for (const k of Object.keys(into) as (keyof SweepReport)[]) into[k] += more[k];
}

export function reportIsEmpty(r: SweepReport): boolean {
  return Object.values(r).every((n) => n === 0);
}

export function describeReport(r: SweepReport): string {
  return Object.entries(r)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k}=${n}`)
    .join(' ');
}
