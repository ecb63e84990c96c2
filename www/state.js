// What the page holds between events: the input, the result on screen, the
// corrections, and the view's choices. One plain object shared by the
// modules (input.js, highlights.js, panels.js, actions.js, timeline.js),
// each of which changes only its own part and asks for a redraw.

import { emptyCorrections } from './corrections.js';

export const state = {
  /** What goes to the extractor: {kind: 'text', text} or {kind: 'blocks', blocks, text}. */
  source: { kind: 'text', text: '' },
  /** The input box still holds the untouched example (a paste replaces it whole). */
  isExample: false,
  /** The source before the last paste that replaced a text, for undo; null when there is nothing to undo. */
  undo: null,
  /** The extraction as the extractor gave it, and the one on screen (prose fallback, corrections applied). */
  raw: null,
  result: null,
  /** How the result on screen was made: {fallback: n lines shown unfiltered, or 0}. */
  how: { fallback: 0 },
  /** The reference date (YYYY-MM-DD) and where it came from: 'hand', 'page' or null. */
  refDate: null,
  refFrom: null,
  /** The user's corrections of the current source (see corrections.js). */
  corrections: emptyCorrections(),
  /** Entity types the legend has hidden; whether highlights are on; correcting; removed blocks shown. */
  hidden: new Set(),
  highlights: true,
  correcting: false,
  showRemoved: false,
  /** The canonical name whose mentions are marked, or null. */
  picked: null,
  /** Index into result.events of the event whose sentence is marked, or null. */
  selectedEvent: null,
  /** The ids the core emits (schema() of the wasm module), once the worker has sent them. */
  schema: null,
  /** Documents gathered for the merged timeline: [{name, title, published, source, result}]. */
  docs: [],
  /** Their merged timeline, as the core's timeline() gives it. */
  timeline: [],
  resultCount: 0,
};

/** Entity types in the legend's order: the schema's, or none until it has come. */
export const entityTypes = () => state.schema?.entityTypes ?? [];

/** Whether there is an article on screen (a title or some text). */
export const hasArticle = () => !!state.result && (state.result.text ?? '').trim() !== '';
