// How far a run is, on stderr (stdout carries the results): a bar that redraws itself on a
// terminal (cli-progress), and a plain line at each whole percent otherwise (a CI log, a pipe),
// never more often, so a long run does not flood a log.
import { SingleBar } from 'cli-progress';

export interface Progress {
  /** `done` of `total` texts have their answer (those resumed included). */
  update(done: number): void;
  stop(): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export function progressOn(stream: ProgressStream, total: number, done: number): Progress {
  return stream.isTTY ? bar(stream, total, done) : lines(stream, total, done);
}

function bar(stream: ProgressStream, total: number, done: number): Progress {
  const progress = new SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: 'Classifying [{bar}] {percentage}% | {value}/{total} texts | {duration_formatted}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: false,
  });
  progress.start(total, done);
  return {
    update: (value) => progress.update(value),
    stop: () => progress.stop(),
  };
}

/** The whole percent `done` of `total` is (100 only when everything is done). */
export function percentOf(done: number, total: number): number {
  return total === 0 ? 100 : Math.floor((done * 100) / total);
}

function lines(stream: ProgressStream, total: number, done: number): Progress {
  let shown = percentOf(done, total);
  return {
    update(value) {
      const percent = percentOf(value, total);
      if (percent <= shown) return;
      shown = percent;
      stream.write(`Classified ${value} of ${total} texts (${percent}%)\n`);
    },
    stop: () => {},
  };
}
