// npm run reviews [-- --dry-run]: the daily handoff-review pass, once.
import { runCli } from '../src/cli/run-cli';
import { parseScriptArgs, type ScriptSpec } from '../src/cli/script-args';
import { renderReviewRun } from '../src/handoff-review/render-review-run';

const SPEC = {
  synopsis: 'npm run reviews -- [--dry-run]',
  description: `The daily handoff-review pass, once (the scheduler runs it at HANDOFF_REVIEW_CRON): every won
deal whose review is not answered yet. A review falls due handoffReview.delayDays after the approved
Scope's delivery start date (schemas/insights.json); the delivery lead (the Scope's owner, else the
deal owner) gets one task, made once; an overdue review is marked on the deal, never sent again; an
answered one has its task completed. Prints each due, overdue and newly answered review.
Needs HUBSPOT_ACCESS_TOKEN.`,
  options: {
    'dry-run': { type: 'boolean', description: 'list the reviews and the tasks it would create or complete; write nothing' },
  },
} satisfies ScriptSpec;

const dryRun = parseScriptArgs(SPEC).values['dry-run'] === true;
void runCli(async (rt) => {
  const run = await (await rt.handoffReviews()).dailyPass(rt.now(), { dryRun });
  process.stdout.write(renderReviewRun(run, dryRun));
  return 0;
});
