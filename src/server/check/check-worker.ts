/**
 * Worker thread: checks scenario files (parse, validate, explore the states) away from the server's
 * event loop. Answers with the validated scenario as plain data, which the server compiles.
 */
import { parentPort } from 'node:worker_threads';
import { checkUploadText } from '../scenario-library.ts';
import { formatDiagnostic } from '../../scenario/diagnostics.ts';
import type { CheckJob, CheckAnswer } from './check-protocol.ts';

parentPort?.on('message', (job: CheckJob) => {
  let answer: CheckAnswer;
  try {
    const checked = checkUploadText(job.text, job.file);
    answer = checked.ok
      ? { id: job.id, ok: true, scenario: checked.scenario.definition.scenario, hash: checked.scenario.definition.hash }
      : { id: job.id, ok: false, diagnostics: checked.diagnostics.map(formatDiagnostic) };
  } catch (error) {
    answer = { id: job.id, ok: false, diagnostics: [`${job.file}: could not be checked (${(error as Error).message})`] };
  }
  parentPort?.postMessage(answer);
});
// Loaded and compiled: the time limit of a check starts from here, not from the worker's start.
parentPort?.postMessage('ready');
