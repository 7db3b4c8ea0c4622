/**
 * Talks to the checking workers: a pause in typing (DEBOUNCE_MS) sends the text to the check
 * worker, one text at a time: while it checks one, only the newest text waits (older ones are
 * never checked), so the last key's check never queues behind more than one. Answers to older
 * texts are dropped. The slower path analysis runs in a second worker,
 * only on text that checked clean and only once typing has stopped for ANALYSE_AFTER_MS; typing
 * again stops it at once, so it never takes the processor from the checks that matter while typing.
 */
import type { AnalysisAnswer, CheckAnswer, CheckRequest, MapAnswer, WorkerAnswer } from './check-messages.ts';

export const DEBOUNCE_MS = 60;
export const ANALYSE_AFTER_MS = 1000;

export interface CheckerEvents {
  readonly checked: (answer: CheckAnswer) => void;
  readonly mapped: (answer: MapAnswer) => void;
  readonly analysed: (answer: AnalysisAnswer) => void;
  readonly failed: (message: string) => void;
}

function startWorker(): Worker {
  return new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module', name: 'call-checker' });
}

export class CheckerClient {
  private readonly checker = startWorker();
  private analyser: Worker | null = null;
  private version = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private analyseTimer: ReturnType<typeof setTimeout> | null = null;
  private analysing = false;
  /** A check is with the worker (it has not sent its last answer for it yet). */
  private checking = false;
  /** The newest text waiting for the worker to finish the one it is checking. */
  private waiting: CheckRequest | null = null;
  /** When the last edit was made, for timing how soon its diagnostics arrive. */
  lastEditAt = 0;

  constructor(private readonly on: CheckerEvents) {
    this.checker.onmessage = (m: MessageEvent<WorkerAnswer>) => {
      // 'mapped' (or 'failed') is the worker's last word on a check: it is free for the next.
      if (m.data.kind === 'mapped' || m.data.kind === 'failed') this.checkNext();
      this.answer(m.data);
    };
    this.checker.onerror = (e) => this.broke(e);
  }

  private broke(e: ErrorEvent): void {
    this.on.failed(`The checker stopped working: ${e.message}. Reload the page; your draft is kept.`);
  }

  private check(request: CheckRequest): void {
    if (this.checking) {
      this.waiting = request;
      return;
    }
    this.checking = true;
    this.checker.postMessage(request);
  }

  private checkNext(): void {
    this.checking = false;
    const next = this.waiting;
    this.waiting = null;
    if (next !== null) this.check(next);
  }

  /** Stops a path analysis in progress (its answer would be for an old text anyway). */
  private stopAnalysis(): void {
    if (this.analyseTimer !== null) clearTimeout(this.analyseTimer);
    this.analyseTimer = null;
    if (this.analysing) {
      this.analyser?.terminate();
      this.analyser = null;
      this.analysing = false;
    }
  }

  /** Checks `text` after a pause in typing. */
  edited(text: string, file: string): void {
    this.version += 1;
    this.lastEditAt = performance.now();
    this.stopAnalysis();
    if (this.timer !== null) clearTimeout(this.timer);
    const request: CheckRequest = { kind: 'check', version: this.version, text, file };
    this.timer = setTimeout(() => {
      this.timer = null;
      this.check(request);
    }, DEBOUNCE_MS);
  }

  /** Checks `text` at once (a file just opened). */
  now(text: string, file: string): void {
    this.version += 1;
    this.stopAnalysis();
    if (this.timer !== null) clearTimeout(this.timer);
    this.check({ kind: 'check', version: this.version, text, file });
  }

  private analyse(request: CheckRequest): void {
    if (this.analyser === null) {
      const worker = startWorker();
      worker.onmessage = (m: MessageEvent<WorkerAnswer>) => {
        this.analysing = false;
        this.answer(m.data);
      };
      worker.onerror = (e) => this.broke(e);
      this.analyser = worker;
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
    else if (answer.kind === 'mapped') this.on.mapped(answer);
    else this.on.analysed(answer);
  }

  /** Starts the path analysis of the text last checked (call after a clean check). */
  analyseLatest(text: string, file: string): void {
    this.stopAnalysis();
    const request: CheckRequest = { kind: 'analyse', version: this.version, text, file };
    this.analyseTimer = setTimeout(() => {
      this.analyseTimer = null;
      this.analyse(request);
    }, ANALYSE_AFTER_MS);
  }
}
