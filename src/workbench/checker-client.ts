/**
 * Talks to the checking workers: a pause in typing (DEBOUNCE_MS) sends the text to the check
 * worker; answers to older texts are dropped. The slower path analysis runs in a second worker,
 * only on text that checked clean, and never queues up: while it is busy only the newest text waits.
 */
import type { AnalysisAnswer, CheckAnswer, CheckRequest, WorkerAnswer } from './check-messages.ts';

export const DEBOUNCE_MS = 150;

export interface CheckerEvents {
  readonly checked: (answer: CheckAnswer) => void;
  readonly analysed: (answer: AnalysisAnswer) => void;
  readonly failed: (message: string) => void;
}

function startWorker(): Worker {
  return new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module', name: 'call-checker' });
}

export class CheckerClient {
  private readonly checker = startWorker();
  private readonly analyser = startWorker();
  private version = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private analysing = false;
  private waiting: CheckRequest | null = null;
  /** When the last edit was made, for timing how soon its diagnostics arrive. */
  lastEditAt = 0;

  constructor(private readonly on: CheckerEvents) {
    this.checker.onmessage = (m: MessageEvent<WorkerAnswer>) => this.answer(m.data);
    this.analyser.onmessage = (m: MessageEvent<WorkerAnswer>) => {
      this.analysing = false;
      this.answer(m.data);
      const next = this.waiting;
      this.waiting = null;
      if (next !== null) this.analyse(next);
    };
    const broke = (e: ErrorEvent) => on.failed(`The checker stopped working: ${e.message}. Reload the page; your draft is kept.`);
    this.checker.onerror = broke;
    this.analyser.onerror = broke;
  }

  /** Checks `text` after a pause in typing. */
  edited(text: string, file: string): void {
    this.version += 1;
    this.lastEditAt = performance.now();
    if (this.timer !== null) clearTimeout(this.timer);
    const request: CheckRequest = { kind: 'check', version: this.version, text, file };
    this.timer = setTimeout(() => {
      this.timer = null;
      this.checker.postMessage(request);
    }, DEBOUNCE_MS);
  }

  /** Checks `text` at once (a file just opened). */
  now(text: string, file: string): void {
    this.version += 1;
    if (this.timer !== null) clearTimeout(this.timer);
    this.checker.postMessage({ kind: 'check', version: this.version, text, file } satisfies CheckRequest);
  }

  private analyse(request: CheckRequest): void {
    if (this.analysing) {
      this.waiting = request;
      return;
    }
    this.analysing = true;
    this.analyser.postMessage({ ...request, kind: 'analyse' } satisfies CheckRequest);
  }

  private answer(answer: WorkerAnswer): void {
    if (answer.version !== this.version) {
      return;
    }
    if (answer.kind === 'failed') this.on.failed(`The checker failed on this text: ${answer.message}`);
    else if (answer.kind === 'checked') this.on.checked(answer);
    else this.on.analysed(answer);
  }

  /** Starts the path analysis of the text last checked (call after a clean check). */
  analyseLatest(text: string, file: string): void {
    this.analyse({ kind: 'analyse', version: this.version, text, file });
  }
}
