/**
 * The pure runner under the name the checker's tools have always used. It lives in the core
 * (`core/engine/call-runner.ts`) since replay, scoring and the server's verification step calls
 * through it too.
 */
export { CallRunner as ConfigRunner, type RunnerState } from '../core/engine/call-runner.ts';
