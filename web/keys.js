// The page's keyboard shortcuts: one table, one listener (window, capture phase, so the canvas's
// own key handling and any editor in the page see a shortcut only when it is not one), and the
// help that `?` opens, built from the same table so it always lists every shortcut.
//
// Others plug in through window.asyncraceKeys:
//   add({keys: 'Mod+S', label: 'Save', run(event) { ...; return true; }})  a new shortcut
//   setAction('run', fn)  what an existing one does (an editor: run the edited program)
//   handle(event)         for a component that stops key events before they reach window
// `Mod` is Ctrl, or Cmd on a Mac. A shortcut without Mod/Alt (like `?`) is left to text fields:
// an <input>, a <textarea>, anything contenteditable (an editor) and the canvas's own text fields.
(function () {
  'use strict';
  var mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || '');
  var dialog = document.getElementById('shortcuts');
  var list = document.getElementById('shortcut-list');
  var canvas = document.getElementById('canvas');
  var shortcuts = [];

  function call(name) { return window.asyncracePage ? window.asyncracePage.call(name, 'number') : 0; }

  // 'Mod+Enter' -> {mod, shift, alt, key}
  function parse(keys) {
    var parts = keys.split('+'), spec = { mod: false, shift: false, alt: false, key: parts.pop() };
    parts.forEach(function (p) { spec[p.toLowerCase()] = true; });
    return spec;
  }
  function matches(e, spec) {
    if (e.key !== (spec.key === 'Space' ? ' ' : spec.key)) return false;
    if (spec.mod !== (mac ? e.metaKey : e.ctrlKey) || spec.alt !== e.altKey) return false;
    // '?' is Shift+/ on many layouts: printable keys match whatever Shift it took to type them.
    return spec.key.length === 1 || spec.shift === e.shiftKey;
  }
  function typingInto(target) {
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return true;
    return target === canvas && call('asyncrace_wants_text') === 1;
  }
  // "Ctrl+Enter" / "⌘+Enter" for people.
  function display(keys) {
    return keys.replace('Mod', mac ? '\u2318' : 'Ctrl').replace('Escape', 'Esc')
      .replace('ArrowLeft', '\u2190').replace('ArrowRight', '\u2192');
  }

  function add(entry) {
    var s = { id: entry.id || entry.keys, keys: entry.keys, label: entry.label, run: entry.run, spec: parse(entry.keys) };
    shortcuts.push(s);
    if (dialog.open) fillHelp();
    return s;
  }
  function setAction(id, run) {
    shortcuts.forEach(function (s) { if (s.id === id) s.run = run; });
  }

  function handle(e) {
    if (dialog.open) return false;  // the dialog is modal: Esc closes it, Tab moves inside it
    for (var i = 0; i < shortcuts.length; ++i) {
      var s = shortcuts[i];
      if (!matches(e, s.spec)) continue;
      if (!s.spec.mod && !s.spec.alt && typingInto(e.target)) return false;
      // A shortcut that had nothing to do (Esc with no run playing) lets the key go on.
      if (s.run(e) === false) return false;
      e.preventDefault();
      e.stopImmediatePropagation();
      return true;
    }
    return false;
  }

  function fillHelp() {
    list.replaceChildren();
    shortcuts.forEach(function (s) {
      var row = document.createElement('tr');
      var keys = document.createElement('td');
      var kbd = document.createElement('kbd');
      kbd.textContent = display(s.keys);
      keys.append(kbd);
      var label = document.createElement('td');
      label.textContent = s.label;
      row.append(keys, label);
      list.append(row);
    });
  }
  function showHelp() {
    if (dialog.open) return;
    fillHelp();
    dialog.showModal();
  }
  function hideHelp() { if (dialog.open) dialog.close(); }
  document.getElementById('shortcuts-close').addEventListener('click', hideHelp);
  // Back to where the keys were going: the canvas (the dialog restores focus only to a focusable
  // element it remembers, which a click on the canvas's own "?" button is not).
  dialog.addEventListener('close', function () { canvas.focus(); });

  add({ id: 'run', keys: 'Mod+Enter', label: 'Run the tutorial (again)', run: function () { call('asyncrace_run'); } });
  add({ id: 'stop', keys: 'Escape', label: 'Stop the run where it is', run: function () { return call('asyncrace_stop') === 1; } });
  add({ id: 'help', keys: '?', label: 'Show these shortcuts', run: function () { showHelp(); } });
  // The Event loop view (issue 11): each key does nothing, and goes on, unless a run records the loop.
  function loop(action) {
    return function () {
      var page = window.asyncracePage;
      return (page ? page.call('asyncrace_loop', 'number', ['string'], [action]) : 0) === 1;
    };
  }
  add({ id: 'loop-view', keys: 'l', label: 'Show or hide the Event loop view', run: loop('view') });
  add({ id: 'loop-pause', keys: 'Space', label: 'Event loop: pause / resume', run: loop('pause') });
  add({ id: 'loop-back', keys: 'ArrowLeft', label: 'Event loop: back one pop or callback', run: loop('back') });
  add({ id: 'loop-step', keys: 'ArrowRight', label: 'Event loop: one pop or callback', run: loop('step') });
  add({ id: 'loop-iteration-back', keys: 'Shift+ArrowLeft', label: 'Event loop: back one loop iteration', run: loop('iteration_back') });
  add({ id: 'loop-iteration', keys: 'Shift+ArrowRight', label: 'Event loop: one loop iteration', run: loop('iteration') });
  add({ id: 'loop-line-back', keys: ',', label: 'Event loop: to the previous printed line', run: loop('line_back') });
  add({ id: 'loop-line', keys: '.', label: 'Event loop: to the next printed line', run: loop('line') });

  // SDL listens for keys on the whole window and keeps Tab from the browser. It gets only the keys
  // aimed at the canvas; outside a canvas text field Tab leaves the canvas for the page's
  // controls, as Tab does everywhere (no keyboard trap). A part of the page marked data-own-keys
  // (the code editor) needs its keys itself: it keeps them from SDL by stopping them on their way
  // back up, past its own handlers.
  function keepFromCanvas(e) {
    if (e.target !== canvas) return !(e.target && e.target.closest && e.target.closest('[data-own-keys]'));
    return e.key === 'Tab' && !typingInto(e.target);
  }
  window.addEventListener('keydown', function (e) {
    if (!handle(e) && keepFromCanvas(e)) e.stopImmediatePropagation();
  }, true);
  ['keyup', 'keypress'].forEach(function (type) {
    window.addEventListener(type, function (e) { if (keepFromCanvas(e)) e.stopImmediatePropagation(); }, true);
  });
  window.asyncraceKeys = {
    add: add, setAction: setAction, handle: handle, showHelp: showHelp, hideHelp: hideHelp, display: display,
    list: function () { return shortcuts.map(function (s) { return { id: s.id, keys: display(s.keys), label: s.label }; }); },
  };
})();
