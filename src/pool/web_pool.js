// The page's side of the Web Worker pool (web_pool.cpp): starts, messages and terminates the
// workers, and hands their replies and deaths to the pool. Every worker runs the script
// asyncrace_worker.js (web/), found next to the page, which loads this same module (asyncrace.js +
// asyncrace.wasm, from the browser's cache) without running main(), so the pool works from any
// static host, under any path, without SharedArrayBuffer or special headers.
// Messages: page -> worker first {asyncraceWasm: the page's compiled WebAssembly.Module | 0}, then
// {funcName, callbackId, data: Uint8Array | 0}; worker -> page
// {callbackId, finalResponse: true, data: Uint8Array | 0} (Emscripten's BUILD_AS_WORKER protocol).
mergeInto(LibraryManager.library, {
  $AsyncraceWorkers: {
    slots: [],
    unloadHooked: false,
    // A reply (or a death) reaches the pool through its exported C functions.
    reply: function(slot, serial, data) {
      var bytes = data instanceof Uint8Array ? data : new Uint8Array(data || 0);
      var ptr = _malloc(Math.max(1, bytes.length));
      HEAPU8.set(bytes, ptr);
      try {
        Module['_asyncrace_web_worker_reply'](slot, serial, ptr, bytes.length);
      } finally {
        _free(ptr);
      }
    },
    terminateAll: function() {
      AsyncraceWorkers.slots.forEach(function(w) { if (w) w.terminate(); });
      AsyncraceWorkers.slots = [];
    },
    // The page's compiled asyncrace.wasm (a WebAssembly.Module), which every worker is handed first
    // and instantiates: no worker compiles the code again (the compile is most of a fresh worker's
    // start). Null until the page's module has loaded, or when the page loaded it another way.
    wasm: null,
    // On the page (not in a worker): keeps the compiled module. The page's own loader
    // (web/page.js's instantiateWasm, with its progress bar) hands it to receiveInstance, which
    // Emscripten ignores; without such a loader this one streams asyncrace.wasm as Emscripten
    // would (from the bytes when the host's MIME type prevents streaming).
    keepWasm: function() {
      if (typeof document === 'undefined') return;
      var loader = Module['instantiateWasm'];
      if (loader) {
        Module['instantiateWasm'] = function(info, receive) {
          return loader(info, function(instance, module) {
            if (module instanceof WebAssembly.Module) AsyncraceWorkers.wasm = module;
            return receive(instance, module);
          });
        };
        return;
      }
      Module['instantiateWasm'] = function(info, receive) {
        var get = function() { return fetch(wasmBinaryFile, {credentials: 'same-origin'}); };
        var compiled = typeof WebAssembly.compileStreaming === 'function'
          ? WebAssembly.compileStreaming(get()) : Promise.reject(new Error('no compileStreaming'));
        compiled.catch(function() {
          return get().then(function(r) {
            if (!r.ok) throw new Error('failed to load ' + wasmBinaryFile + ': ' + r.status);
            return r.arrayBuffer();
          }).then(function(bytes) { return WebAssembly.compile(bytes); });
        }).then(function(m) {
          AsyncraceWorkers.wasm = m;
          return WebAssembly.instantiate(m, info);
        }).then(function(instance) { receive(instance); }, function(e) {
          err('failed to prepare wasm: ' + e);
          abort(e);
        });
        return {};  // the exports come through receive
      };
    },
  },
  $AsyncraceWorkers__postset: 'AsyncraceWorkers.keepWasm();',

  asyncrace_js_workers_available: function() {
    return typeof Worker !== 'undefined' && typeof document !== 'undefined';
  },

  asyncrace_js_hardware_threads: function() {
    return (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 1;
  },

  asyncrace_js_cross_origin_isolated: function() {
    return typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated ? 1 : 0;
  },

  asyncrace_js_epoch_ms: function() {
    return performance.timeOrigin + performance.now();
  },

  asyncrace_js_worker_start__deps: ['$AsyncraceWorkers', 'malloc', 'free'],
  asyncrace_js_worker_start: function(slot) {
    var W = AsyncraceWorkers;
    if (!W.unloadHooked && typeof window !== 'undefined') {
      // Closing or reloading the page leaves no worker behind.
      window.addEventListener('pagehide', W.terminateAll);
      W.unloadHooked = true;
    }
    var worker;
    try {
      worker = new Worker('asyncrace_worker.js');
    } catch (e) {
      console.warn('asyncrace: could not start a Web Worker: ' + e);
      setTimeout(function() { Module['_asyncrace_web_worker_failed'](slot); }, 1000);
      return;
    }
    W.slots[slot] = worker;
    worker.onmessage = function(e) {
      if (W.slots[slot] !== worker) return;  // terminated meanwhile
      var d = e.data;
      W.reply(slot, d['callbackId'], d['data']);
    };
    worker.onerror = function(e) {
      // An uncaught error ends the worker's job: the pool fails it and starts a fresh worker.
      e.preventDefault();
      if (W.slots[slot] !== worker) return;
      Module['_asyncrace_web_worker_failed'](slot);
    };
    // First the page's compiled module (0: the worker fetches and compiles asyncrace.wasm itself),
    // then a ping, which makes the worker load now, ahead of any job.
    worker.postMessage({'asyncraceWasm': W.wasm || 0});
    worker.postMessage({'funcName': 'asyncrace_worker_ping', 'callbackId': 0, 'data': 0});
  },

  asyncrace_js_worker_post__deps: ['$AsyncraceWorkers'],
  asyncrace_js_worker_post: function(slot, serial, data, size) {
    var worker = AsyncraceWorkers.slots[slot];
    if (!worker) return;
    var bytes = new Uint8Array(HEAPU8.subarray(data, data + size));
    worker.postMessage({'funcName': 'asyncrace_worker_run', 'callbackId': serial, 'data': bytes}, [bytes.buffer]);
  },

  asyncrace_js_worker_terminate__deps: ['$AsyncraceWorkers'],
  asyncrace_js_worker_terminate: function(slot) {
    var worker = AsyncraceWorkers.slots[slot];
    if (worker) worker.terminate();
    AsyncraceWorkers.slots[slot] = null;
  },

  // Checks, every 50 ms while jobs are out, for jobs nobody awaits any more (their workers are
  // recycled): a hung worker sends nothing that could trigger the check.
  asyncrace_js_watch_start: function() {
    if (Module['asyncraceWatch']) return;
    Module['asyncraceWatch'] = setInterval(function() {
      if (!Module['_asyncrace_web_workers_watch']()) {
        clearInterval(Module['asyncraceWatch']);
        Module['asyncraceWatch'] = 0;
      }
    }, 50);
  },

  // The worker's side (in a Web Worker, loaded by asyncrace_worker.js): serves one call message at
  // a time with the exported C function it names (src/app/worker_entry.cpp), which answers through
  // asyncrace_js_worker_respond. An error thrown here (a job's os._exit, a trap) is uncaught: the
  // page sees the worker's error event.
  $AsyncraceWorkerSide: {
    callbackId: -1,
    serve: function(msg) {
      var name = msg['funcName'];
      if (name !== 'asyncrace_worker_ping' && name !== 'asyncrace_worker_run') {
        throw new Error('asyncrace worker: no such function ' + name);
      }
      var data = msg['data'];
      var bytes = data ? (data instanceof Uint8Array ? data : new Uint8Array(data)) : new Uint8Array(0);
      var ptr = _malloc(Math.max(1, bytes.length));
      HEAPU8.set(bytes, ptr);
      AsyncraceWorkerSide.callbackId = msg['callbackId'];
      try {
        Module['_' + name](ptr, bytes.length);
      } finally {
        _free(ptr);
        AsyncraceWorkerSide.callbackId = -1;
      }
    },
  },
  $AsyncraceWorkerSide__postset: "Module['asyncraceWorkerServe'] = function(msg) { AsyncraceWorkerSide.serve(msg); };",

  asyncrace_js_worker_respond__deps: ['$AsyncraceWorkerSide', 'malloc', 'free'],
  asyncrace_js_worker_respond: function(data, size) {
    var reply = {'callbackId': AsyncraceWorkerSide.callbackId, 'finalResponse': true, 'data': 0};
    if (data) {
      reply['data'] = new Uint8Array(HEAPU8.subarray(data, data + size));
      postMessage(reply, [reply['data'].buffer]);
    } else {
      postMessage(reply);
    }
  },
});
