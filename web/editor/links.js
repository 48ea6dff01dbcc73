// Code and picture tied together (issue 10 item 4), the editor's half: the app sends the lines
// where tasks are suspended at the playhead and the hovered lane's lines (page_bridge_web.cpp,
// through window.asyncracePage.editor('links', ...)); this tints them. The line the cursor is on
// goes back to the app (asyncrace_editor_line), which marks the lanes of the tasks running the
// function there. The line numbers come as plain digit lists ("5,9,12").
import { StateEffect, StateField, RangeSetBuilder } from '@codemirror/state';
import { EditorView, Decoration } from '@codemirror/view';

const setLinks = StateEffect.define();

function lineList(csv) {
  return String(csv || '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
}

function decorate(doc, suspended, hovered) {
  const marks = new Map();  // line -> classes
  const add = (n, cls) => {
    if (n > doc.lines) return;
    marks.set(n, (marks.get(n) || []).concat(cls));
  };
  suspended.forEach((n) => add(n, 'cm-suspended-line'));
  hovered.forEach((n) => add(n, 'cm-hovered-line'));
  const builder = new RangeSetBuilder();
  [...marks.keys()].sort((a, b) => a - b).forEach((n) => {
    const classes = marks.get(n);
    const attributes = { class: classes.join(' ') };
    if (classes.includes('cm-suspended-line')) attributes['data-suspended-line'] = String(n);
    if (classes.includes('cm-hovered-line')) attributes['data-hovered-line'] = String(n);
    builder.add(doc.line(n).from, doc.line(n).from, Decoration.line({ attributes }));
  });
  return builder.finish();
}

const linkField = StateField.define({
  create: () => ({ suspended: [], hovered: [], deco: Decoration.none }),
  update(value, tr) {
    let { suspended, hovered } = value;
    let changed = tr.docChanged;
    for (const e of tr.effects) {
      if (!e.is(setLinks)) continue;
      suspended = e.value.suspended;
      hovered = e.value.hovered;
      changed = true;
    }
    if (!changed) return value;
    return { suspended, hovered, deco: decorate(tr.state.doc, suspended, hovered) };
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
});

// Both themes: a warm tint and an edge bar for "a task waits here", the accent for the hovered lane.
const linkLook = EditorView.theme({
  '.cm-line.cm-suspended-line': { backgroundColor: 'rgba(245, 170, 100, 0.18)', boxShadow: 'inset 3px 0 0 #e8963c' },
  '.cm-line.cm-hovered-line': { backgroundColor: 'rgba(94, 160, 255, 0.30)', boxShadow: 'inset 3px 0 0 var(--accent)' },
});

// The cursor's line, each time it moves to another one, to the app.
function followCursor(page) {
  let sent = 0;
  return EditorView.updateListener.of((update) => {
    if (!update.selectionSet && !update.docChanged) return;
    const line = update.state.doc.lineAt(update.state.selection.main.head).number;
    if (line === sent) return;
    sent = line;
    page.call('asyncrace_editor_line', null, ['number'], [line]);
  });
}

export function codeLinks(page) {
  return [linkField, linkLook, followCursor(page)];
}

// The app's call: two comma-separated lists of 1-based line numbers.
export function showLinks(view, suspendedCsv, hoveredCsv) {
  view.dispatch({ effects: setLinks.of({ suspended: lineList(suspendedCsv), hovered: lineList(hoveredCsv) }) });
}
