// Where the results sit (issue 14, point 5). Wide screens show the article
// beside the events and entities. Narrow ones show one of them at a time
// under a sticky bar of tabs (Bài viết · Sự kiện · Thực thể, and the
// timeline when there is one), so that the events are one tap away rather
// than thousands of pixels down. After a paste the page scrolls to the
// results; choosing an event shows its sentence with a way back to the card.

/** Below this width (CSS pixels) the panes become tabs. */
const NARROW = '(max-width: 800px)';

/**
 * Wires the tab bar. `ui.tabs` holds the `.tab` buttons, each naming its
 * pane by `data-pane`. Returns `{show(paneId), current(), narrow(),
 * scrollToResults()}`.
 */
export function wireLayout(ui) {
  const media = window.matchMedia(NARROW);
  const tabs = () => [...ui.tabs.querySelectorAll('.tab')].filter((b) => !b.hidden);
  let selected = 'pane-article';

  const apply = () => {
    const narrow = media.matches;
    document.body.dataset.layout = narrow ? 'narrow' : 'wide';
    // Tab roles only where the panes really are tabs.
    if (narrow) ui.tabs.setAttribute('role', 'tablist');
    else ui.tabs.removeAttribute('role');
    const shown = tabs();
    if (!shown.some((b) => b.dataset.pane === selected)) selected = 'pane-article';
    for (const b of ui.tabs.querySelectorAll('.tab')) {
      const pane = document.getElementById(b.dataset.pane);
      const on = b.dataset.pane === selected;
      if (narrow) {
        b.setAttribute('role', 'tab');
        b.setAttribute('aria-selected', on ? 'true' : 'false');
        b.tabIndex = on ? 0 : -1;
        pane.setAttribute('role', 'tabpanel');
        pane.setAttribute('aria-labelledby', b.id);
      } else {
        b.removeAttribute('role');
        b.removeAttribute('aria-selected');
        b.removeAttribute('tabindex');
        pane.removeAttribute('role');
        pane.setAttribute('aria-labelledby', pane.querySelector('h2')?.id ?? '');
      }
      pane.dataset.tabHidden = narrow && !on && !b.hidden ? 'true' : 'false';
    }
  };

  const show = (paneId) => {
    selected = paneId;
    apply();
  };

  ui.tabs.addEventListener('click', (event) => {
    const b = event.target.closest('.tab');
    if (b) show(b.dataset.pane);
  });
  ui.tabs.addEventListener('keydown', (event) => {
    const all = tabs();
    const i = all.findIndex((b) => b.dataset.pane === selected);
    const to = event.key === 'ArrowRight' ? i + 1 : event.key === 'ArrowLeft' ? i - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? all.length - 1 : null;
    if (to === null || !media.matches) return;
    event.preventDefault();
    const b = all[(to + all.length) % all.length];
    show(b.dataset.pane);
    b.focus();
  });
  media.addEventListener('change', apply);
  apply();

  return {
    show,
    apply,
    current: () => selected,
    narrow: () => media.matches,
    /** Brings the results to the top of the window (the tab bar on narrow screens). */
    scrollToResults() {
      const target = media.matches ? ui.tabs : ui.results;
      target.scrollIntoView({ block: 'start' });
    },
  };
}
