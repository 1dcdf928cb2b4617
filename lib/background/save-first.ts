/**
 * Saves before low-priority work. The worker runs one task at a time, and relaying a dictionary
 * part keeps it busy for a few milliseconds: a relay waits while any save is in flight, so a save
 * never queues behind a page's idle prefetch that asked after it.
 */
export interface SaveFirst {
  /** Run one save, counted as in flight until it settles. */
  run<T>(save: () => Promise<T>): Promise<T>;
  /** Resolves once no save is in flight (at once when none is). */
  idle(): Promise<void>;
}

export function createSaveFirst(): SaveFirst {
  let inFlight = 0;
  let waiting: Array<() => void> = [];
  return {
    async run(save) {
      inFlight++;
      try {
        return await save();
      } finally {
        inFlight--;
        if (inFlight === 0) {
          const wake = waiting;
          waiting = [];
          for (const resume of wake) resume();
        }
      }
    },
    async idle() {
      // A save that starts while the waiters resume is waited for too.
      while (inFlight > 0) await new Promise<void>((resume) => waiting.push(resume));
    },
  };
}
