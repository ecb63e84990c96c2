// Drawing the result on screen into every pane, and the choices made in it:
// the highlight switch and type toggles, the entity whose mentions are
// marked, the event whose sentence is shown (with a way back to its card),
// the removed blocks. With no article there are no panes, only the one
// notice that says what is missing (issue 14, points 1 and 6).

import { state, hasArticle, entityTypes } from './state.js';
import { t } from './i18n.js';
import { fill } from './dom.js';
import { renderArticle, wireArticle } from './highlights.js';
import { renderLegend, renderSummary, renderEvents, renderRemoved, renderNotice } from './panels.js';

/**
 * `ui` holds the panes' elements; `layout` (layout.js), `corrections`
 * (correct.js) and `actions` (actions.js) are the other parts of the page.
 */
export function createView(ui, { layout, corrections, actions }) {
  const anchor = () => ({ published: state.result?.published, referenceDate: state.refDate });
  const article = wireArticle(ui.article, ui.tooltip, {
    result: () => state.result,
    hidden: () => state.hidden,
    highlights: () => state.highlights,
    correcting: () => state.correcting,
    anchor,
  }, { onPick: (c) => pick(c), onEdit: (mark) => corrections.openEditor(mark) });

  /** Sentence range of event `i`: its offsets, or where its sentence occurs in the text. */
  const sentenceRange = (i) => {
    const v = state.result?.events?.[i];
    if (!v) return null;
    if (Number.isInteger(v.sentence_start) && v.sentence_end > v.sentence_start) return [v.sentence_start, v.sentence_end];
    const at = v.sentence ? state.result.text.indexOf(v.sentence) : -1;
    return at < 0 ? null : [at, at + v.sentence.length];
  };

  const drawArticle = () => {
    const sentence = state.selectedEvent === null ? null : sentenceRange(state.selectedEvent);
    renderArticle(ui.article, state.result, { sentence, correcting: state.correcting, picked: state.picked });
    ui.article.dataset.hidden = [...state.hidden].join(' ');
    ui.article.dataset.highlights = state.highlights ? 'on' : 'off';
    article.markPicked(state.picked);
    article.resetFocusStop();
    ui.back.hidden = state.selectedEvent === null;
  };

  const drawEvents = () =>
    renderEvents(ui.events, state.result, {
      selected: state.selectedEvent,
      correcting: state.correcting,
      anchor: anchor(),
      onSelect: selectEvent,
      onFixDate: corrections.fixDate,
    });

  const drawSummary = () => renderSummary(ui.summary, state.result, entityTypes(), state.picked, anchor(), pick);

  const drawRemoved = () => {
    ui.removed.hidden = !(state.showRemoved || state.correcting);
    if (!ui.removed.hidden) renderRemoved(ui.removed, state.result, { correcting: state.correcting, onRestore: corrections.restore });
  };

  /** Redraws everything from the state. */
  const draw = () => {
    article.hide();
    const x = state.result;
    const shown = hasArticle();
    renderNotice(ui.notice, x, state.how);
    ui.panes.hidden = !shown;
    ui.results.hidden = !shown && state.docs.length === 0;
    ui.tabs.hidden = ui.results.hidden;
    ui.legend.hidden = !state.highlights;
    ui.tabTimeline.hidden = state.docs.length === 0;
    ui.timelinePane.hidden = state.docs.length === 0;
    for (const pane of [ui.paneArticle, ui.paneEvents, ui.paneEntities]) pane.hidden = !shown;
    ui.countEvents.textContent = shown ? `(${x.events?.length ?? 0})` : '';
    ui.countEntities.textContent = shown ? `(${x.entities?.length ?? 0})` : '';
    ui.countTimeline.textContent = state.docs.length ? `(${state.docs.length})` : '';
    layout.apply();
    actions.update();
    corrections.update();
    if (!shown) {
      // Nothing stays behind from an earlier result, hidden or not.
      for (const node of [ui.article, ui.legend, ui.summary, ui.events, ui.removed]) fill(node);
      ui.back.hidden = true;
      return;
    }
    renderLegend(ui.legend, x, entityTypes(), state.hidden, toggleType);
    drawArticle();
    drawRemoved();
    drawSummary();
    drawEvents();
  };

  /** Shows or hides one type's highlights (the legend's toggles). */
  const toggleType = (type) => {
    if (state.hidden.has(type)) state.hidden.delete(type);
    else state.hidden.add(type);
    ui.article.dataset.hidden = [...state.hidden].join(' ');
    for (const b of ui.legend.querySelectorAll('.legend-item')) b.setAttribute('aria-pressed', state.hidden.has(b.dataset.type) ? 'false' : 'true');
    article.resetFocusStop();
  };

  /** Marks every mention of `canonical` (again: unmarks). */
  const pick = (canonical) => {
    state.picked = state.picked === canonical ? null : canonical;
    article.markPicked(state.picked);
    for (const b of ui.summary.querySelectorAll('.summary-item')) b.setAttribute('aria-pressed', b.dataset.canonical === state.picked ? 'true' : 'false');
    if (state.picked && layout.narrow() && layout.current() !== 'pane-article') layout.show('pane-article');
    ui.article.querySelector('mark.picked')?.scrollIntoView({ block: 'nearest' });
  };

  /** Shows event `i`'s sentence in the article (again: hides it), with the button back to its card. */
  const selectEvent = (i) => {
    state.selectedEvent = state.selectedEvent === i ? null : i;
    drawArticle();
    for (const li of ui.events.querySelectorAll('li.event')) {
      const on = Number(li.dataset.index) === state.selectedEvent;
      li.classList.toggle('selected', on);
      li.querySelector('.event-head')?.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
    if (state.selectedEvent === null) return;
    if (layout.narrow()) layout.show('pane-article');
    ui.article.querySelector('.sentence')?.scrollIntoView({ block: 'center' });
  };

  /** Back from the sentence to the event's card: scrolled to, and focused. */
  const backToEvent = () => {
    const i = state.selectedEvent;
    if (i === null) return;
    if (layout.narrow()) layout.show('pane-events');
    const head = ui.events.querySelector(`li.event[data-index="${i}"] .event-head`);
    head?.scrollIntoView({ block: 'center' });
    head?.focus();
    selectEvent(i);
  };
  ui.back.addEventListener('click', backToEvent);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.selectedEvent !== null && !e.target.closest?.('#entity-editor')) backToEvent();
  });

  ui.showHighlights.addEventListener('change', () => {
    state.highlights = ui.showHighlights.checked;
    ui.legend.hidden = !state.highlights;
    ui.article.dataset.highlights = state.highlights ? 'on' : 'off';
    article.resetFocusStop();
    article.hide();
  });
  ui.showRemoved.addEventListener('change', () => {
    state.showRemoved = ui.showRemoved.checked;
    if (state.result) drawRemoved();
  });
  ui.correct.addEventListener('change', () => {
    state.correcting = ui.correct.checked;
    corrections.closeEditor();
    if (hasArticle()) {
      drawArticle();
      drawRemoved();
      drawEvents();
    }
    corrections.update();
  });

  /** Puts a new result in place; selections that no longer apply go. */
  const show = () => {
    state.selectedEvent = null;
    if (state.picked && !(state.result.entities ?? []).some((e) => e.canonical === state.picked)) state.picked = null;
    draw();
  };

  /** What a screen reader hears once after a new input: what was found, or what is missing. */
  const summary = () => {
    if (!hasArticle()) return ui.notice.textContent || t('article_none');
    const x = state.result;
    return t('announce_result', { entities: x.entities?.length ?? 0, events: x.events?.length ?? 0 });
  };

  return { draw, show, summary };
}
