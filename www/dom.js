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
