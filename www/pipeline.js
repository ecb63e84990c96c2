// From the current input to the result on screen: extract it in the
// worker; when the cleaner kept no article but the input holds Vietnamese
// prose, extract that prose unfiltered (the page never shows nothing for
// prose); when the user's corrections change the article's text, extract
// the corrected article; then apply the entity and event corrections. The
// newest input wins: a run that a newer one has overtaken stops.

import { state } from './state.js';
import { proseFallback, withFallback, correctedArticle, composeCorrected, applyCorrections } from './corrections.js';
import { blocksToText } from './blocks.js';

/** The day (YYYY-MM-DD) that gives years to dates written without one: the page's dateline, else the user's date. */
export function anchorDay(x) {
  return /^\d{4}-\d{2}-\d{2}/.exec(x?.published ?? '')?.[0] ?? state.refDate;
}

/** The input as one text, for finding where restored blocks stood. */
const inputText = () => (state.source.kind === 'blocks' ? state.source.text ?? blocksToText(state.source.blocks) : state.source.text);

/**
 * Returns `refresh()`, which extracts the current source and, unless a newer
 * call has overtaken it, calls `onShow(raw, result, how, timing)` or
 * `onFailure(failure)` (`{error, name, trap, timeout}` from the extractor).
 */
export function createPipeline({ extractor, onShow, onFailure }) {
  let current = 0;
  // The last input's extraction: a correction alone (same input, same date) does not extract it again.
  let last = { source: null, refDate: null, first: null };

  return async function refresh() {
    const gen = ++current;
    const run = async (kind, input, options) => {
      const r = await extractor.run(kind, input, options, { supersede: gen });
      if (r.stale || gen !== current) return null;
      if (!r.ok) {
        onFailure(r);
        return null;
      }
      return r;
    };
    const { source, refDate } = state;
    const same = last.source === source && last.refDate === refDate;
    const first = same ? last.first : await run(source.kind === 'blocks' ? 'blocks' : 'text', source.kind === 'blocks' ? source.blocks : source.text, { clean: true, referenceDate: refDate });
    if (!first) return;
    last = { source, refDate, first };
    const raw = first.result;
    let base = raw;
    const how = { fallback: 0 };
    const plainOptions = { clean: false, referenceDate: anchorDay(raw) };

    const prose = proseFallback(raw);
    if (prose.length > 0) {
      const plain = await run('text', prose.join('\n\n'), plainOptions);
      if (!plain) return;
      base = withFallback(raw, plain.result, prose);
      how.fallback = prose.length;
    }

    const article = correctedArticle(base, state.corrections, inputText());
    if (article) {
      const plain = await run('text', article.text, plainOptions);
      if (!plain) return;
      base = composeCorrected(base, article, plain.result);
    }
    onShow(raw, applyCorrections(base, state.corrections), how, { ms: first.ms, roundTrip: first.roundTrip });
  };
}
