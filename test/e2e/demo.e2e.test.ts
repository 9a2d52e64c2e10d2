import { runDemo } from '../../scripts/demo';

it('npm run demo plays every act to its expected end', async () => {
  let output = '';
  const { failures, stack } = await runDemo({ serve: false, write: (t) => void (output += t) });
  await stack.close();
  expect(failures).toEqual([]);
  for (const act of ['Act 1', 'Act 2', 'Act 3', 'Act 4']) expect(output).toContain(act);
  expect(output).toContain('Deal card — Northwind checkout rebuild');
  expect(output).toContain('│ Delivery: AT RISK');
  expect(output).not.toContain('✘');
}, 90_000);
