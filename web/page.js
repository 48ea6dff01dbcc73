// The page around the canvas: loading (real download progress, clear failures), the share link's
// options as the app's flags, the learner's preferences (colour scheme, reduced motion), and what
// the app hands the page (window.asyncracePage: downloads, the screen-reader mirror, the theme).
// Every DOM node built from program output, link parameters or tutorial text gets textContent:
// nothing here parses markup.
(function () {
  'use strict';
  var overlay = document.getElementById('overlay');
  var statusLine = document.getElementById('status');
  var bar = document.getElementById('bar');
  var fill = document.getElementById('fill');
  var errorBox = document.getElementById('error');
  var canvas = document.getElementById('canvas');
  var failed = false;
  var ready = false;

  function setStatus(text) { if (!failed) statusLine.textContent = text; }
  function fail(text) {
    if (failed) return;
    failed = true;
    overlay.classList.remove('done');
    overlay.classList.add('failed');
    statusLine.textContent = 'asyncrace could not start';
    errorBox.textContent = text;
  }
  function progress(loaded, total) {
    if (total > 0) {
      bar.classList.remove('busy');
      fill.style.width = Math.min(100, 100 * loaded / total).toFixed(1) + '%';
      setStatus('Downloading… ' + (loaded / 1048576).toFixed(1) + ' of ' + (total / 1048576).toFixed(1) + ' MB');
    } else {
      setStatus('Downloading… ' + (loaded / 1048576).toFixed(1) + ' MB');
    }
  }

  // The wasm file sits beside this page: fetch it ourselves to show real download progress.
  function fetchWithProgress(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('Could not load ' + url + ' (HTTP ' + response.status + ').');
      var total = +response.headers.get('Content-Length') || 0;
      if (!response.body || !response.body.getReader) return response.arrayBuffer();
      var reader = response.body.getReader(), chunks = [], loaded = 0;
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) {
            var bytes = new Uint8Array(loaded), at = 0;
            chunks.forEach(function (c) { bytes.set(c, at); at += c.length; });
            return bytes.buffer;
          }
          chunks.push(step.value);
          loaded += step.value.length;
          progress(loaded, total);
          return pump();
        });
      }
      return pump();
    });
  }

  if (typeof WebAssembly !== 'object') {
    fail('This browser does not support WebAssembly.');
  } else if (!document.createElement('canvas').getContext('webgl2')) {
    fail('This browser (or its settings) does not provide WebGL2, which the race diagram needs.');
  }

  // Script load errors (asyncrace.js missing) do not bubble: listen in the capture phase.
  window.addEventListener('error', function (e) {
    if (e.target && e.target.tagName === 'SCRIPT') fail('Could not load ' + e.target.src + '.');
  }, true);
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });

  // The learner's theme: the last choice made with the toolbar's button, else the system's.
  var themeKey = 'asyncrace-theme';
  var lightQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: light)') : null;
  function savedTheme() {
    try { var t = localStorage.getItem(themeKey); return t === 'light' || t === 'dark' ? t : null; } catch (e) { return null; }
  }
  function systemTheme() { return lightQuery && lightQuery.matches ? 'light' : 'dark'; }
  function showTheme(theme) {
    document.documentElement.setAttribute('data-theme', theme);
    var meta = document.querySelector('meta[name="theme-color"]');
    if (meta) meta.setAttribute('content', theme === 'light' ? '#e2e5ea' : '#111318');
  }
  var theme = savedTheme() || systemTheme();
  showTheme(theme);

  // A share link like ?tutorial=nine_tasks_race&ties=jitter&seed=7&run becomes the app's flags.
  // Values go to the app as plain strings; it checks them and names what is wrong.
  var args = [];
  var query = new URLSearchParams(location.search);
  query.forEach(function (value, key) {
    // A link with a program (code=) runs once the editor has it (web/editor/editor.js).
    if (key === 'run') { if (!query.has('code')) args.push('--run'); }
    else if (['tutorial', 'compare', 'ties', 'seed', 'jitter', 'speed', 'executor', 'workers'].indexOf(key) >= 0) args.push('--' + key, value);
  });
  // Someone who asked the system for less motion starts at speed instant (a link's speed wins).
  if (!query.has('speed') && window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches)
    args.push('--speed', 'instant');
  args.push('--theme', theme);

  // Calls into the app once it runs (before, the call is dropped: there is nothing to act on).
  function call(name, returns, types, values) {
    if (!ready || !window.Module || !Module.ccall) return 0;
    return Module.ccall(name, returns, types || [], values || []);
  }

  // Follow the system's scheme while the learner has not chosen one.
  if (lightQuery && lightQuery.addEventListener) {
    lightQuery.addEventListener('change', function () {
      if (savedTheme()) return;
      theme = systemTheme();
      showTheme(theme);
      call('asyncrace_set_theme', 'number', ['string'], [theme]);
    });
  }

  // The screen-reader mirror (ui/announcer.cpp decides what is new; page_bridge_web.cpp sends it).
  var mirrorHeading = document.getElementById('mirror-heading');
  var consoleMirror = document.getElementById('console-mirror');
  var finishMirror = document.getElementById('finish-mirror');
  var statusMirror = document.getElementById('status-mirror');
  var mirrorLimit = 400;  // lines kept: a long run must not grow the page without bound
  function mirror(part, text) {
    if (part === 0) {
      consoleMirror.replaceChildren();
      mirrorHeading.textContent = text;
      finishMirror.textContent = '';
    } else if (part === 1) {
      var line = document.createElement('p');
      line.textContent = text;
      consoleMirror.append(line);
      while (consoleMirror.childElementCount > mirrorLimit) consoleMirror.firstElementChild.remove();
    } else if (part === 2) {
      finishMirror.textContent = text;
    } else if (part === 3) {
      statusMirror.textContent = text;
    }
  }

  // A file made by the app (trace, transcript, SVG) as a download: a blob URL, never markup.
  function download(name, mime, bytes) {
    var url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    var link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  }

  function rememberTheme(chosen) {
    theme = chosen;
    showTheme(chosen);
    try { localStorage.setItem(themeKey, chosen); } catch (e) { /* private mode: this visit only */ }
  }

  // The HTML controls (shown when one has keyboard focus) do what the canvas's buttons do.
  var controlActions = {
    run: function () { call('asyncrace_run', 'number'); },
    stop: function () { call('asyncrace_stop', 'number'); },
    download: function (button) { call('asyncrace_download', 'number', ['string'], [button.getAttribute('data-kind')]); },
    theme: function () {
      var next = theme === 'light' ? 'dark' : 'light';
      if (call('asyncrace_set_theme', 'number', ['string'], [next])) rememberTheme(next);
    },
    shortcuts: function () { if (window.asyncraceKeys) window.asyncraceKeys.showHelp(); },
  };
  document.getElementById('page-controls').addEventListener('click', function (e) {
    var button = e.target.closest('button[data-action]');
    if (button && controlActions[button.getAttribute('data-action')]) controlActions[button.getAttribute('data-action')](button);
  });

  // Offline after the first visit (service-worker.js: one versioned cache of the site's files).
  // Only over http(s) from a secure origin (https, or localhost while developing).
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('service-worker.js').catch(function (e) {
      console.warn('asyncrace: no offline copy (' + (e && e.message || e) + ')');
    });
  }

  // The app's calls for the code editor (page_bridge_web.cpp): handed to web/editor/editor.js
  // once both it and the app are ready (the app's first frame comes before the page may call it).
  var editorApi = null;
  var editorPending = [];
  function editor(kind, values) {
    if (editorApi && ready) editorApi[kind].apply(null, values);
    else editorPending.push([kind, values]);
  }
  function flushEditor() {
    if (!editorApi || !ready) return;
    var pending = editorPending;
    editorPending = [];
    pending.forEach(function (c) { editorApi[c[0]].apply(null, c[1]); });
  }
  function editorReady(api) { editorApi = api; flushEditor(); }

  window.asyncracePage = {
    download: download, mirror: mirror, rememberTheme: rememberTheme, call: call, fail: fail,
    editor: editor, editorReady: editorReady,
  };

  window.Module = {
    arguments: args,
    canvas: canvas,
    print: function (text) {
      console.log(text);
      if (text === 'asyncrace ready' && !failed) { ready = true; overlay.classList.add('done'); canvas.focus(); flushEditor(); }
    },
    printErr: function (text) {
      if (text.indexOf('asyncrace: fatal:') === 0) { console.error(text); fail(text.slice(18).trim()); }
      else console.warn(text);
    },
    setStatus: function (text) { if (text) setStatus(text); },
    instantiateWasm: function (imports, receiveInstance) {
      fetchWithProgress('asyncrace.wasm').then(function (bytes) {
        setStatus('Starting…');
        bar.classList.add('busy');
        return WebAssembly.instantiate(bytes, imports);
      }).then(function (result) {
        receiveInstance(result.instance, result.module);
      }).catch(function (e) { fail(String(e && e.message || e)); });
      return {};  // the exports arrive later, through receiveInstance
    },
    onAbort: function (what) { fail('The program stopped: ' + what); }
  };
})();
