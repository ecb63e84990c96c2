// The page's side of the extraction worker: sends the newest input, drops
// results that a newer input has made stale, and replaces the worker when
// extraction fails or hangs, so that the next input works again.

/**
 * Starts a worker from `makeWorker()` and returns `{request, generation}`.
 * `request(kind, input, options)` asks for an extraction; only one runs at a
 * time and while it runs only the newest request waits (older waiting ones
 * are dropped). `onResult(result, {ms, roundTrip})` gets each result that is
 * still the newest; `onError(message, {timeout})` each failure, after which
 * the worker has been replaced. `onBusy(busy)` reports work in progress.
 */
export function createExtractor({ makeWorker, onResult, onError, onBusy = () => {}, timeoutMs = 20_000 }) {
  let worker = null;
  let generation = 0;
  let seq = 0;
  let inFlight = null;
  let waiting = null;
  let timer = null;

  const start = () => {
    worker?.terminate();
    generation++;
    worker = makeWorker();
    const mine = worker;
    worker.onmessage = (event) => {
      if (worker === mine) settle(event.data);
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
      const wasWaiting = waiting;
      inFlight = null;
      onError('', { timeout: true, seconds: Math.round(timeoutMs / 1000) });
      next(wasWaiting);
    }, timeoutMs);
  };

  const next = (job) => {
    waiting = null;
    if (job) send(job);
    else onBusy(false);
  };

  const settle = (msg) => {
    const job = inFlight;
    if (!job || msg?.id !== job.id) return;
    clearTimeout(timer);
    inFlight = null;
    const newer = waiting;
    if (msg.ok) {
      if (!newer) onResult(msg.result, { ms: msg.ms, roundTrip: performance.now() - job.sentAt, id: job.id });
    } else {
      // The module may be left broken (a trap); a fresh worker costs little.
      start();
      if (!newer) onError(msg.error, { trap: !!msg.trap });
    }
    next(newer);
  };

  start();
  return {
    request(kind, input, options) {
      const job = { id: ++seq, kind, input, options };
      if (inFlight) waiting = job;
      else send(job);
    },
    /** How many workers have been started (1 + replacements). */
    generation: () => generation,
  };
}
