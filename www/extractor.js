// The page's side of the extraction worker: one job at a time, in order;
// a waiting extraction that a newer input has made pointless is dropped;
// a failed or hung worker is replaced, so that the next job works again.

/**
 * Starts a worker from `makeWorker()` and returns `{run, generation}`.
 *
 * `run(kind, input, options, {supersede})` resolves to `{ok: true, result,
 * ms, roundTrip}`, `{ok: false, error, name, trap, timeout}` or, for a job
 * dropped before it ran, `{stale: true}`. A job given `supersede: g` drops
 * the waiting jobs given a smaller `supersede`, so that only the newest
 * input's extraction waits; jobs without it always run. `onReady(info)`
 * gets what the worker says once its module is loaded (`{schema,
 * version}`), again after each replacement; `onBusy(busy)` reports work
 * in progress.
 */
export function createExtractor({ makeWorker, onReady = () => {}, onBusy = () => {}, timeoutMs = 20_000 }) {
  let worker = null;
  let generation = 0;
  let seq = 0;
  let inFlight = null;
  const waiting = [];
  let timer = null;

  const start = () => {
    worker?.terminate();
    generation++;
    worker = makeWorker();
    const mine = worker;
    worker.onmessage = (event) => {
      if (worker !== mine) return;
      if (event.data?.ready) onReady(event.data);
      else settle(event.data);
    };
    // A worker that fails to load or dies: report it against the job in flight.
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (worker === mine) settle({ id: inFlight?.id, ok: false, error: event.message || 'the extraction worker stopped' });
    };
  };

  const send = (job) => {
    inFlight = job;
    onBusy(true);
    job.sentAt = performance.now();
    worker.postMessage({ id: job.id, kind: job.kind, input: job.input, options: job.options });
    clearTimeout(timer);
    timer = setTimeout(() => {
      start();
      inFlight = null;
      job.resolve({ ok: false, error: '', timeout: true, seconds: Math.round(timeoutMs / 1000) });
      next();
    }, timeoutMs);
  };

  const next = () => {
    const job = waiting.shift();
    if (job) send(job);
    else onBusy(false);
  };

  const settle = (msg) => {
    const job = inFlight;
    if (!job || msg?.id !== job.id) return;
    clearTimeout(timer);
    inFlight = null;
    if (msg.ok) {
      job.resolve({ ok: true, result: msg.result, ms: msg.ms, roundTrip: performance.now() - job.sentAt });
    } else {
      // The module may be left broken (a trap); a fresh worker costs little.
      start();
      job.resolve({ ok: false, error: msg.error, name: msg.name ?? null, trap: !!msg.trap });
    }
    next();
  };

  start();
  return {
    run(kind, input, options = {}, { supersede = null } = {}) {
      return new Promise((resolve) => {
        const job = { id: ++seq, kind, input, options, supersede, resolve };
        if (supersede !== null) {
          for (let i = waiting.length - 1; i >= 0; i--) {
            if (waiting[i].supersede !== null && waiting[i].supersede < supersede) waiting.splice(i, 1)[0].resolve({ stale: true });
          }
        }
        if (inFlight) waiting.push(job);
        else send(job);
      });
    },
    /** How many workers have been started (1 + replacements). */
    generation: () => generation,
  };
}
