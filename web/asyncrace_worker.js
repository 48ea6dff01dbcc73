// asyncrace_worker.js: the script each of the page's Web Workers runs (src/pool/web_pool.js starts
// it from the page's folder). It loads the page's own module, asyncrace.js + asyncrace.wasm (one
// copy of the code on the site), without running main(): no SDL, no WebGL, no frame loop. The
// page's first message hands over its compiled WebAssembly.Module, so the worker only instantiates
// it; without one (0, or another first message) the worker fetches asyncrace.wasm itself (the
// browser's cache serves it) and compiles it. The module's worker side (web_pool.js,
// AsyncraceWorkerSide; src/app/worker_entry.cpp) then serves the page's call messages, one at a
// time, in order. Messages that arrive while the module loads wait for it.
'use strict';
var asyncraceQueued = [];
var asyncraceFirst = true;
var asyncraceGiven;  // called with the page's compiled module, or null
var asyncraceWasm = new Promise(function(ok) { asyncraceGiven = ok; });

function asyncraceServe(msg) {
  Module['asyncraceWorkerServe'](msg);
}

// Thrown from a task of its own, so the page sees the worker's error event.
function asyncraceDie(what) {
  setTimeout(function() { throw new Error('asyncrace worker: ' + what); }, 0);
}

// eslint-disable-next-line no-var
var Module = {
  'noInitialRun': true,
  'instantiateWasm': function(info, receive) {
    asyncraceWasm.then(function(compiled) {
      if (compiled) return WebAssembly.instantiate(compiled, info);
      var get = function() { return fetch('asyncrace.wasm', {credentials: 'same-origin'}); };
      return WebAssembly.instantiateStreaming(get(), info).catch(function() {
        return get().then(function(r) { return r.arrayBuffer(); }).then(function(bytes) {
          return WebAssembly.instantiate(bytes, info);
        });
      }).then(function(result) { return result.instance; });
    }).then(function(instance) { receive(instance); }, function(e) {
      asyncraceDie('the module did not load: ' + e);
    });
    return {};  // the exports come through receive
  },
  'onRuntimeInitialized': function() {
    // Served from a task of their own: an error thrown by a job (os._exit) is then uncaught and
    // reaches the page as the worker's error event, as during any later message.
    setTimeout(function() {
      var queued = asyncraceQueued;
      asyncraceQueued = null;
      queued.forEach(asyncraceServe);
    }, 0);
  },
  // The module could not start (out of memory): the page sees the worker die.
  'onAbort': function(what) { asyncraceDie('aborted: ' + what); },
};

self.onmessage = function(e) {
  var msg = e.data;
  if (asyncraceFirst) {
    asyncraceFirst = false;
    var given = msg && typeof msg === 'object' && 'asyncraceWasm' in msg;
    asyncraceGiven(given && msg['asyncraceWasm'] instanceof WebAssembly.Module ? msg['asyncraceWasm'] : null);
    if (given) return;
  }
  if (asyncraceQueued) asyncraceQueued.push(msg);
  else asyncraceServe(msg);
};

importScripts('asyncrace.js');
