/** An assessment off the event loop: in a worker thread once built, in this thread when run from the sources (tests). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Assessment, type AssessmentSources, assessOperation } from '../assess/index.js';
import type { Episode, Operation } from '../domain/index.js';

export interface AssessmentJob {
  readonly operation: Operation;
  readonly episodes: readonly Episode[];
  readonly sources: AssessmentSources;
}

/** The compiled worker beside this module; absent when the module itself runs from TypeScript sources. */
const WORKER = new URL('./assess-worker.js', import.meta.url);

export function runAssessment(job: AssessmentJob): Promise<Assessment> {
  if (!existsSync(WORKER)) return Promise.resolve(assessOperation(job.operation, job.episodes, job.sources));
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(WORKER), { workerData: job });
    worker.once('message', (assessment: Assessment) => {
      resolve(assessment);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the assessment worker stopped with code ${code}`));
    });
  });
}
