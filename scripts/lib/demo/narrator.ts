/** Output for the demo: acts, who did what, what is now in the record, and checks that must hold. */
export class Narrator {
  private failures: string[] = [];
  private act = '';

  constructor(private readonly write: (text: string) => void = (t) => process.stdout.write(t)) {}

  startAct(n: number, title: string): void {
    this.act = `Act ${n} — ${title}`;
    this.write(`\n━━ ${this.act} ${'━'.repeat(Math.max(3, 72 - this.act.length))}\n`);
  }

  user(who: string, what: string): void {
    this.write(`  ▸ ${who}: ${what}\n`);
  }

  throughline(what: string): void {
    this.write(`  ◆ Throughline: ${what}\n`);
  }

  record(what: string): void {
    this.write(`    ${what.split('\n').join('\n    ')}\n`);
  }

  /** A check the story depends on; a failure is remembered with its act. */
  check(ok: boolean, what: string): void {
    this.write(`    ${ok ? '✔' : '✘'} ${what}\n`);
    if (!ok) this.failures.push(`${this.act}: ${what}`);
  }

  failed(): string[] {
    return this.failures;
  }

  failActOnError(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.write(`    ✘ the act stopped: ${message}\n`);
    this.failures.push(`${this.act}: stopped with ${message}`);
  }
}
