import type { RenewalAction } from './scan-types';

const owner = (id: string | undefined) => (id ? `owner ${id}` : 'no owner (set DEFAULT_OWNER_ID)');

/** What `npm run renewals -- --dry-run` prints: one line per write the real run would make. */
export function renderScanPreview(actions: RenewalAction[]): string {
  if (!actions.length) return '  (nothing to do)';
  return actions
    .map((a) => {
      switch (a.kind) {
        case 'reminder':
          return `  + task for ${owner(a.ownerId)}, due ${a.dueDate}: ${a.subject}`;
        case 'close-superseded':
          return `  ~ close task ${a.taskId} of contract ${a.contractId} (${a.key}): its renewal date moved`;
        case 'auto-renew':
          return `  ↻ ${a.contract} (contract ${a.contractId}) auto-renews: renewal date ${a.from} → ${a.to}${a.endDate ? `, end date → ${a.endDate}` : ''}`;
        case 'renewed':
          return `  ✓ ${a.contract} (contract ${a.contractId}) marked renewed: contract ${a.successorId} follows it`;
        case 'lapse':
          return (
            `  ✗ ${a.contract} (contract ${a.contractId}) lapsed on ${a.renewalDate}: contract ended, customer lapsed` +
            (a.task ? `; task for ${owner(a.task.ownerId)}, due ${a.task.dueDate}` : ' (its task exists already)')
          );
      }
    })
    .join('\n');
}
