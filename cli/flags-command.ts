/**
 * `stancewatch flags` (`npm run flags`): Suffixscape on anyone's text, for editors checking their
 * own drafts and evaluators scoring the detectors.
 *
 * - `flags FILE` or `flags -` (stdin): the flags of one document as a table; `--json` prints
 *   `{ "flags": [...] }` instead. Offsets are UTF-16 positions in the text as read.
 * - `flags --jsonl`: one `{"id","text"}` object per stdin line in, one
 *   `{"id","flags":[{"pattern","quote","start","end","effect","alternative","confidence"}]}` per
 *   line out, in order, and nothing else on stdout. A line that is not such an object gets
 *   `{"id", "error"}` in its place (its id, or "line N" when it has none) and a message on stderr;
 *   the run goes on.
 *
 * With --jsonl the lines are read by worker threads (one per core, up to four;
 * STANCEWATCH_FLAGS_WORKERS=1 reads them in this thread) and answered in input order; each thread
 * loads the tagger's model once, on its first sentence.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { flagsInText } from '../agents/engines/rubric/suffixscape/index.js';
import { StanceWatchError } from '../infra/errors.js';
import { moduleEntry } from '../infra/module-entry.js';
import { flagsLine, printed, type PrintedFlag } from './flags-lines.js';
import type { FlagsBatch, FlagsBatchAnswer } from './flags-worker.js';

/** Worker threads for --jsonl: STANCEWATCH_FLAGS_WORKERS, else one per core up to four; 1 reads in this thread. */
function workerCount(): number {
  const configured = Number(process.env.STANCEWATCH_FLAGS_WORKERS);
  if (Number.isInteger(configured) && configured >= 1) return Math.min(configured, 16);
  return Math.min(availableParallelism(), 4);
}

async function runJsonlHere(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  // Answers are written together once the lines that arrived with them are read, and at once when
  // no more are waiting: a caller that sends one line and waits gets its answer, a stream of lines
  // is not one write per line.
  let pending: string[] = [];
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    if (pending.length === 0) return;
    process.stdout.write(`${pending.join('\n')}\n`);
    pending = [];
  };
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const { output, error } = flagsLine(line, lineNumber);
    if (error) process.stderr.write(`stancewatch flags: ${error}\n`);
    pending.push(output);
    if (pending.length >= 512) {
      flush();
      if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
    } else if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  }
  flush();
}

/** A flags worker thread: the compiled worker in the built command, through the TypeScript starter from the sources. */
function startFlagsWorker(): Worker {
  const entry = moduleEntry(import.meta.url, 'flags-worker');
  return new Worker(entry.file, entry.module ? { workerData: { module: entry.module } } : {});
}

/**
 * Lines in batches to worker threads, answers written in input order. A batch closes at 64 lines
 * or when no more input is waiting, so a caller that sends one line and waits still gets its
 * answer; at most four batches per worker are in flight, so a fast writer cannot fill memory.
 */
async function runJsonlInWorkers(count: number): Promise<void> {
  const workers = Array.from({ length: count }, () => startFlagsWorker());
  const answers = new Map<number, FlagsBatchAnswer>();
  let nextToWrite = 0;
  let sent = 0;
  let inFlight = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  const writeReady = () => {
    const out: string[] = [];
    for (let answer = answers.get(nextToWrite); answer; answer = answers.get(nextToWrite)) {
      answers.delete(nextToWrite);
      nextToWrite += 1;
      out.push(...answer.outputs);
      for (const error of answer.errors) process.stderr.write(`stancewatch flags: ${error}\n`);
    }
    if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
  };
  for (const worker of workers) {
    worker.on('message', (answer: FlagsBatchAnswer) => {
      answers.set(answer.id, answer);
      inFlight -= 1;
      writeReady();
      signal();
    });
    worker.on('error', (error) => {
      failure = error;
      signal();
    });
  }
  const waitForRoom = async (limit: number) => {
    while (inFlight >= limit && !failure) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
  };

  let batch: FlagsBatch['lines'][number][] = [];
  let closeScheduled = false;
  const send = () => {
    closeScheduled = false;
    if (batch.length === 0) return;
    const id = sent;
    workers[id % count]!.postMessage({ id, lines: batch } satisfies FlagsBatch);
    sent += 1;
    inFlight += 1;
    batch = [];
  };
  try {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      batch.push({ line, lineNumber });
      if (batch.length >= 64) {
        send();
        await waitForRoom(count * 4);
      } else if (!closeScheduled) {
        closeScheduled = true;
        setImmediate(send);
      }
    }
    send();
    await waitForRoom(1);
    writeReady();
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

async function runJsonl(): Promise<void> {
  const count = workerCount();
  if (count <= 1) await runJsonlHere();
  else await runJsonlInWorkers(count);
}

async function readDocument(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new StanceWatchError('flags_file_unreadable', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Give a readable text file, or - for stdin.`, 400);
  }
}

/** A fixed-width table: pattern, confidence, offsets and the quote; effect and alternative below each row. */
export function formatFlagsTable(flags: readonly PrintedFlag[]): string {
  if (flags.length === 0) return 'No Suffixscape flags.';
  const rows = flags.map((flag) =>
    [
      `${flag.pattern.padEnd(20)} ${flag.confidence.toFixed(2)}  ${`${flag.start}-${flag.end}`.padEnd(11)} "${flag.quote}"`,
      `${' '.repeat(22)}effect: ${flag.effect}`,
      `${' '.repeat(22)}alternative: ${flag.alternative}`,
    ].join('\n'),
  );
  return [`${'pattern'.padEnd(20)} conf. ${'offsets'.padEnd(11)} quote`, ...rows, `${flags.length} ${flags.length === 1 ? 'flag' : 'flags'}`].join('\n');
}

export function createFlagsCommand(): Command {
  return new Command('flags')
    .description('Print the Suffixscape flags of a text: FILE, or - for stdin; --jsonl reads {"id","text"} lines on stdin.')
    .argument('[file]', 'a text file, or - for stdin')
    .option('--json', 'print the flags as JSON instead of a table', false)
    .option('--jsonl', 'read one {"id","text"} object per stdin line; print one {"id","flags"} object per line', false)
    .action(async (file: string | undefined, options: { json: boolean; jsonl: boolean }) => {
      if (options.jsonl) {
        if (file !== undefined && file !== '-') throw new StanceWatchError('flags_usage', '--jsonl reads stdin; leave out the file.', 400);
        await runJsonl();
        return;
      }
      if (file === undefined) throw new StanceWatchError('flags_usage', 'Give a file to read, - for stdin, or --jsonl.', 400);
      const flags = flagsInText(await readDocument(file)).map(printed);
      process.stdout.write(options.json ? `${JSON.stringify({ flags }, null, 2)}\n` : `${formatFlagsTable(flags)}\n`);
    });
}
