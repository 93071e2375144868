/** Runs one assessment in a worker thread, so that its seconds of simulation never stall the server's other requests. */
import { parentPort, workerData } from 'node:worker_threads';
import { assessOperation } from '../assess/index.js';
import type { AssessmentJob } from './assessment-job.js';

const job = workerData as AssessmentJob;
parentPort?.postMessage(assessOperation(job.operation, job.episodes, job.sources));
