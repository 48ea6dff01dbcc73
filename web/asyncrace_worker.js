// asyncrace_worker.js: the script each of the page's Web Workers runs (src/pool/web_pool.js starts
// it from the page's folder). It loads the page's own module, asyncrace.js + asyncrace.wasm (one
// copy of the code on the site; the browser's cache serves the second fetch), without running
// main(): no SDL, no WebGL, no frame loop. The module's worker side (web_pool.js,
// AsyncraceWorkerSide; src/app/worker_entry.cpp) then serves the page's call messages, one at a
// time, in order. Messages that arrive while the module loads wait for it.
'use strict';
var asyncraceQueued = [];

function asyncraceServe(msg) {
  Module['asyncraceWorkerServe'](msg);
}

// eslint-disable-next-line no-var
var Module = {
  'noInitialRun': true,
  'onRuntimeInitialized': function() {
    // Served from a task of their own: an error thrown by a job (os._exit) is then uncaught and
    // reaches the page as the worker's error event, as during any later message.
    setTimeout(function() {
      var queued = asyncraceQueued;
      asyncraceQueued = null;
      queued.forEach(asyncraceServe);
    }, 0);
  },
  // The module could not load (no wasm, out of memory): the page sees the worker die.
  'onAbort': function(what) {
    setTimeout(function() { throw new Error('asyncrace worker: the module did not load: ' + what); }, 0);
  },
};

self.onmessage = function(e) {
  if (asyncraceQueued) asyncraceQueued.push(e.data);
  else asyncraceServe(e.data);
};

importScripts('asyncrace.js');
