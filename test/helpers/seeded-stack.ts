import { namesOf, seedOwners, type Names } from '../../scripts/lib/seed';
import { startStack, type Stack, type StackOptions } from '../../scripts/lib/stack';

/** The stand-in and the service with the data model provisioned and the owners seeded: where most e2e tests start. */
export async function startSeededStack(options: StackOptions = {}): Promise<{ stack: Stack; names: Names }> {
  const stack = await startStack(options);
  await stack.provision();
  seedOwners(stack.sandbox);
  return { stack, names: namesOf(stack.model) };
}
