/**
 * Live pace on the desk: while the trainee decides, the line is silent. After the grace period the
 * caller asks whether anyone is there, and each further stretch of quiet is sent to the call as a
 * `line.silence` event (so it is in the run log, and replay gives the same call). Untimed play never
 * starts this.
 */
import type { CallPhase } from '../core/engine/call-view.ts';
import { DEAD_AIR_CHUNK_SECONDS, DEAD_AIR_GRACE_SECONDS } from '../core/engine/dead-air.ts';

/** Phases where the caller is waiting on the agent's words (not ringing, on hold, reading the knowledge base or in wrap-up). */
const SILENT_PHASES: ReadonlySet<CallPhase> = new Set<CallPhase>(['talk', 'idv', 'transfer', 'escalate', 'callback']);
export const silenceCountsIn = (phase: CallPhase): boolean => SILENT_PHASES.has(phase);

export const STILL_THERE = 'Hello? Are you still there?';

export interface LivePaceOptions {
  /** Whether silence counts now (the call's phase). */
  readonly counts: () => boolean;
  /** Sends seconds of dead air to the call. */
  readonly sendSilence: (seconds: number) => void;
  /** The caller starts (true) or stops (false) prompting. */
  readonly onPrompt: (prompting: boolean) => void;
  readonly now?: () => number;
  readonly grace?: number;
  readonly chunk?: number;
  readonly tickMs?: number;
}

export interface LivePace {
  /** Before a trainee action: sends the dead air not yet counted. */
  flush(): void;
  /** After the call moved on: the quiet starts again from now. */
  restart(): void;
  stop(): void;
}

export function startLivePace(options: LivePaceOptions): LivePace {
  const now = options.now ?? (() => performance.now());
  const grace = options.grace ?? DEAD_AIR_GRACE_SECONDS;
  const chunk = options.chunk ?? DEAD_AIR_CHUNK_SECONDS;
  let quietSince = now();
  let sent = 0;
  let prompting = false;
  const prompt = (on: boolean): void => {
    if (on === prompting) return;
    prompting = on;
    options.onPrompt(on);
  };
  const beyondGrace = (): number => Math.floor((now() - quietSince) / 1000 - grace);
  const restart = (): void => {
    quietSince = now();
    sent = 0;
    prompt(false);
  };
  const tick = (): void => {
    if (!options.counts()) return restart();
    const over = beyondGrace();
    if (over <= 0) return;
    prompt(true);
    while (over - sent >= chunk) {
      sent += chunk;
      options.sendSilence(chunk);
      if (!options.counts()) return restart();
    }
  };
  const timer = setInterval(tick, options.tickMs ?? 250);
  return {
    flush() {
      if (options.counts()) {
        const rest = beyondGrace() - sent;
        if (rest >= 1) {
          sent += rest;
          options.sendSilence(rest);
        }
      }
      restart();
    },
    restart,
    stop() {
      clearInterval(timer);
    },
  };
}
