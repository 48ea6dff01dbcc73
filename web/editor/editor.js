// The Python pane's editor: CodeMirror 6 (from npm, bundled by esbuild into site/editor.js at
// build time) placed over the canvas where the app draws the Python pane. The app tells the page
// where the pane is, which text a selection starts from and where a SyntaxError is
// (window.asyncracePage.editor in page.js hands those calls here); the editor sends every change
// back (asyncrace_set_source), so the next Run interprets an edited program.
//
// Around it: the learner's edits kept per tutorial (localStorage), Reset, and share links
// (?code=, share.js) with a Copy link button. Nothing here parses markup: messages and the link
// go into the page with textContent and value only.
import { EditorState } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  dropCursor, highlightSpecialChars, rectangularSelection, crosshairCursor,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  indentOnInput, indentUnit, bracketMatching, syntaxHighlighting, HighlightStyle,
} from '@codemirror/language';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { python } from '@codemirror/lang-python';
import { tags } from '@lezer/highlight';

import { encodeProgram, decodeProgram, longLinkBytes } from './share.js';
import { codeLinks, showLinks } from './links.js';

const page = window.asyncracePage;
const pane = document.getElementById('editor-pane');
const host = document.getElementById('editor-host');
const statusLine = document.getElementById('editor-status');
const shareField = document.getElementById('share-field');
const storagePrefix = 'asyncrace-edit:';

// The colours are the page's CSS variables (index.html), so the theme switch needs nothing here.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword, tags.bool, tags.null, tags.self], color: 'var(--syn-keyword)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--syn-string)' },
  { tag: tags.comment, color: 'var(--syn-comment)', fontStyle: 'italic' },
  { tag: [tags.number], color: 'var(--syn-number)' },
  { tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.className)], color: 'var(--accent)' },
  { tag: tags.invalid, color: 'var(--syn-error)' },
]);
const look = EditorView.theme({
  '&': { height: '100%', color: 'var(--fg)', backgroundColor: 'var(--panel)', fontSize: '13px' },
  '.cm-scroller': { fontFamily: '"DejaVu Sans Mono", ui-monospace, monospace', lineHeight: '1.45' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--selection)' },
  '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--dim)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '.cm-panels': { backgroundColor: 'var(--bg)', color: 'var(--fg)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--edge)' },
});

let slug = null;          // the selection the editor shows
let original = '';        // its own text (Reset returns to it)
let loading = false;      // a load is replacing the text: not an edit
const linkQuery = new URLSearchParams(location.search);
// A share link's program, decoded once; it replaces the text of the link's tutorial at its first load.
let linked = linkQuery.has('code') ? decodeProgram(linkQuery.get('code')).then(
  (text) => ({ text }),
  (e) => ({ problem: 'The link\u2019s program could not be read: ' + e.message + '. The editor keeps its text.' }),
) : null;
const linkedTutorial = linkQuery.get('tutorial') || 'nine_tasks_race';

function say(text, kind) {
  statusLine.textContent = text || '';
  statusLine.className = kind || '';
}

function remember(text) {
  try {
    if (text === original) localStorage.removeItem(storagePrefix + slug);
    else localStorage.setItem(storagePrefix + slug, text);
  } catch (e) { /* private mode or full: the edit lives for this visit */ }
}
function saved(forSlug) {
  try { return localStorage.getItem(storagePrefix + forSlug); } catch (e) { return null; }
}

const sendChanges = EditorView.updateListener.of((update) => {
  if (!update.docChanged || loading) return;
  const text = update.state.doc.toString();
  page.call('asyncrace_set_source', 'number', ['string'], [text]);
  remember(text);
  shareField.hidden = true;
});

const editorKeys = [
  // Esc stops a playing run; with nothing to stop it does what it does in CodeMirror (and
  // Esc then Tab leaves the editor, its escape from the Tab trap).
  { key: 'Escape', run: () => page.call('asyncrace_stop', 'number') === 1 },
];

const view = new EditorView({
  parent: host,
  state: EditorState.create({
    doc: '',
    extensions: [
      lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(), drawSelection(),
      dropCursor(), EditorState.allowMultipleSelections.of(true), indentOnInput(),
      syntaxHighlighting(highlight), bracketMatching(), rectangularSelection(), crosshairCursor(),
      highlightActiveLine(), highlightSelectionMatches(), lintGutter(),
      python(), indentUnit.of('    '), EditorState.tabSize.of(4),
      keymap.of([...editorKeys, ...defaultKeymap, ...searchKeymap, ...historyKeymap, indentWithTab]),
      EditorView.contentAttributes.of({ 'aria-label': 'Python program (Control+Enter runs it)' }),
      look, sendChanges, codeLinks(page),
    ],
  }),
});

// Keys typed into the editor are the editor's: they must not reach SDL, which listens on the
// window (keys.js's capture-phase listener still sees the page's shortcuts first: Ctrl+Enter).
for (const type of ['keydown', 'keyup', 'keypress']) pane.addEventListener(type, (e) => e.stopPropagation());

function setText(text) {
  loading = true;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
  loading = false;
  view.dispatch(setDiagnostics(view.state, []));
  page.call('asyncrace_set_source', 'number', ['string'], [text]);
}

// A new selection: its saved edit, or the link's program (once), else its own text.
async function load(newSlug, text) {
  slug = newSlug;
  original = text;
  say('');
  shareField.hidden = true;
  let shown = saved(newSlug) ?? text;
  let runNow = false;
  if (linked && newSlug === linkedTutorial) {
    const got = await linked;
    linked = null;
    if (slug !== newSlug) return;  // another selection came meanwhile
    if (got.problem) say(got.problem, 'problem');
    else { shown = got.text; runNow = linkQuery.has('run'); }
    if (got.text !== undefined) remember(got.text);
  }
  setText(shown);
  if (runNow) page.call('asyncrace_run', 'number');
}

function place(x, y, w, h) {
  if (!(w > 0 && h > 0)) { pane.hidden = true; return; }
  pane.style.left = x + 'px';
  pane.style.top = y + 'px';
  pane.style.width = w + 'px';
  pane.style.height = h + 'px';
  pane.hidden = false;
  view.requestMeasure();
}

// line and columns are 1-based, as SyntaxError's; line 0 clears.
function mark(line, column, endLine, endColumn, message) {
  if (!line) { view.dispatch(setDiagnostics(view.state, [])); return; }
  const doc = view.state.doc;
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const from = Math.min(at.from + Math.max(column, 1) - 1, at.to);
  let to = from;
  if (endLine >= line && endLine <= doc.lines) {
    const end = doc.line(endLine);
    to = Math.min(end.from + Math.max(endColumn, 1) - 1, end.to);
  }
  // CPython points just past the last character for "expected ':'": mark that character then.
  if (from === at.to && at.length > 0) { to = from; return markRange(from - 1, to, message); }
  if (to <= from) to = Math.min(from + 1, at.to);
  return markRange(from, to, message);
}

// A traceback's frame line was clicked in the console: the cursor goes to that line's first
// character (after its indentation), shown and focused.
function gotoLine(line) {
  const doc = view.state.doc;
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const indent = /^\s*/.exec(at.text)[0].length;
  view.dispatch({ selection: { anchor: at.from + indent }, scrollIntoView: true });
  view.focus();
}

function markRange(from, to, message) {
  view.dispatch(setDiagnostics(view.state, [{ from, to, severity: 'error', message }]));
  view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
  say(message, 'problem');
}

function reset() {
  setText(original);
  remember(original);
  say('Back to the tutorial\u2019s own text.');
}

// The link to this program and run: the page's address with the app's options and code=.
async function shareLink() {
  const state = JSON.parse(page.call('asyncrace_state_json', 'string') || '{}');
  const options = state.options || {};
  const query = new URLSearchParams();
  query.set('tutorial', slug);
  const text = view.state.doc.toString();
  if (text !== original) query.set('code', await encodeProgram(text));
  if (options.ties) query.set('ties', options.ties);
  if (options.seed) query.set('seed', options.seed);
  if (options.ties === 'jitter') query.set('jitter', String(options.jitter_us));
  if (options.speed) query.set('speed', options.speed);
  if (state.compare && state.compare.tutorial) query.set('compare', state.compare.tutorial);
  return location.origin + location.pathname + '?' + query.toString() + '&run';
}

async function copyLink() {
  const link = await shareLink();
  const warning = link.length > longLinkBytes
    ? ' It is ' + (link.length / 1024).toFixed(1) + ' KB: links over 8 KB may be cut by chat apps and some browsers.' : '';
  try {
    await navigator.clipboard.writeText(link);
    shareField.hidden = true;
    say('Link copied.' + warning, warning ? 'problem' : '');
  } catch (e) {
    // The browser refused the clipboard: the link, selected, to copy by hand.
    shareField.value = link;
    shareField.hidden = false;
    shareField.focus();
    shareField.select();
    say('Copy the link from the field (Ctrl+C).' + warning, warning ? 'problem' : '');
  }
  return link;
}

document.getElementById('editor-bar').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-editor]');
  if (!button) return;
  if (button.dataset.editor === 'reset') reset();
  else if (button.dataset.editor === 'share') copyLink();
});

const api = {
  place, load, mark, gotoLine, reset, copyLink, shareLink,
  links: (suspended, hovered) => showLinks(view, suspended, hovered),
  text: () => view.state.doc.toString(),
  focus: () => view.focus(),
  view,
};
window.asyncraceEditor = api;
page.editorReady(api);
