// Building DOM from data. Every string from the input goes in as a text node
// or an attribute value set with setAttribute, never through innerHTML, so
// pasted markup is only ever shown, never run.

/**
 * Creates `<tag>` with `attrs` and `children`. Attribute keys: `class`,
 * `text` (textContent), `dataset` (an object), `on<event>` (a listener);
 * anything else goes through setAttribute (`true` gives an empty value;
 * null, undefined and false leave it out). Children may be nodes, strings
 * (added as text) or arrays of them; null and false are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child); // strings become text nodes
  }
}

/** Replaces every child of `node` with `children` (as for `el`). */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** The unfinished batch run of each node, so that a new fill stops the old one. */
const runs = new WeakMap();

/**
 * Fills `node` with `head`, then `render(item, i)` for each of `items`,
 * then `tail`: the first `first` items at once, the rest in batches of
 * `batch` after the page has painted, appended below (so that nothing on
 * screen moves, unlike content-visibility's estimates). A long article
 * paints its top at once; a later fill of the same node stops an
 * unfinished run. `node.dataset.drawn` is "all" once every item is in.
 */
export function fillInBatches(node, items, render, { head = [], tail = [], first = 120, batch = 250 } = {}) {
  const run = {};
  runs.set(node, run);
  let i = Math.min(first, items.length);
  fill(node, head, items.slice(0, i).map(render), tail);
  // Later batches go in before the tail (the captions after an article).
  const marker = [tail].flat(Infinity).find(Boolean) ?? null;
  node.dataset.drawn = i < items.length ? 'part' : 'all';
  const more = () => {
    if (runs.get(node) !== run) return;
    const frag = document.createDocumentFragment();
    for (const stop = Math.min(i + batch, items.length); i < stop; i++) append(frag, [render(items[i], i)]);
    if (marker) marker.before(frag);
    else node.append(frag);
    if (i < items.length) setTimeout(more, 0);
    else node.dataset.drawn = 'all';
  };
  if (i < items.length) setTimeout(more, 0);
  return node;
}
