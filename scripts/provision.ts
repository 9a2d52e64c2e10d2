// npm run provision -- plan|apply [--yes] [--json]   (see src/provisioning/cli.ts)
import { runProvisionCliInProcess } from '../src/provisioning/cli-process';

void runProvisionCliInProcess(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
