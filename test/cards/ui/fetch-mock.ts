import { hubspot } from '@hubspot/ui-extensions';

/**
 * hubspot.fetch only works inside HubSpot (it calls the worker's hsFetch): the card tests replace it
 * with a jest spy that answers by "METHOD path" and records every request, so tests assert the
 * URL and method the card used.
 */
export type Answer = { status: number; body: unknown } | 'network-error' | 'never';

export function mockServiceFetch(answers: Record<string, Answer | Answer[]>) {
  const remaining = new Map(Object.entries(answers).map(([k, v]) => [k, Array.isArray(v) ? [...v] : [v]]));
  return jest.spyOn(hubspot, 'fetch').mockImplementation(async (url, options) => {
    const method = options?.method ?? 'GET';
    const key = `${method} ${new URL(String(url)).pathname}`;
    const queue = remaining.get(key);
    if (!queue?.length) throw new Error(`unexpected hubspot.fetch ${key}`);
    const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
    if (answer === 'network-error') throw new Error('Failed to fetch');
    if (answer === 'never') return new Promise<Response>(() => undefined);
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  });
}

/** The requests the card made, as [METHOD, URL]. */
export const requests = (spy: ReturnType<typeof mockServiceFetch>) => spy.mock.calls.map(([url, options]) => [options?.method ?? 'GET', String(url)]);

interface AnyNode {
  nodeType: string;
  text?: string | null;
  childNodes?: AnyNode[];
}

/** All the text inside a rendered node (element nodes only carry text when it is their only child). */
export function allText(node: AnyNode): string {
  if (node.nodeType === 'text') return node.text ?? '';
  return (node.childNodes ?? []).map(allText).join('');
}

/** Waits for something that does not change the rendered output (a request made, a spy called). */
export async function eventually(check: () => void, timeoutMs = 1000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}
