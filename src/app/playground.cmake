# asyncrace-playground, included by src/app/CMakeLists.txt when ASYNCRACE_BUILD_APP is ON.
# Natively a desktop window; on the web a static site in ${CMAKE_BINARY_DIR}/site/
# (index.html + asyncrace.js + asyncrace.wasm) that works from any static host, under any path.
add_executable(asyncrace-playground
  "${CMAKE_CURRENT_LIST_DIR}/playground_main.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/playground_args.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/playground_automation.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/predict_automation.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/loop_automation.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/traceback_automation.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/code_links_automation.cpp")
target_link_libraries(asyncrace-playground PRIVATE asyncrace::ui asyncrace::platform)
asyncrace_target_defaults(asyncrace-playground)
asyncrace_optimize_for_size(asyncrace-playground)

if(EMSCRIPTEN)
  # The Web Worker pool's worker side: every worker runs web/asyncrace_worker.js, which loads this
  # same module (asyncrace.js + asyncrace.wasm: one copy of the code and of the interpreter on the
  # site) without running main(), and calls worker_entry.cpp's exported functions. Plus the pool's
  # fault drills (a job that raises, a dying worker, a hung job), for tests.
  target_sources(asyncrace-playground PRIVATE "${CMAKE_CURRENT_LIST_DIR}/worker_entry.cpp"
                 "${CMAKE_CURRENT_LIST_DIR}/pool_drills.cpp")
  set(_site "${CMAKE_BINARY_DIR}/site")
  set(_shell "${PROJECT_SOURCE_DIR}/web/index.html")
  set_target_properties(asyncrace-playground PROPERTIES
    OUTPUT_NAME asyncrace
    SUFFIX ".html"
    RUNTIME_OUTPUT_DIRECTORY "${_site}"
    LINK_DEPENDS "${_shell}")
  # emcc names the page after the output (asyncrace.html); static hosts serve index.html.
  target_link_options(asyncrace-playground PRIVATE
    "--shell-file=${_shell}"
    # Debian's emcc 3.1.6 crashes running htmlmin on the page at -O1 and above.
    -sMINIFY_HTML=0
    ${ASYNCRACE_WASM_MEMORY_GROWTH}
    # worker: the pool's Web Workers load this module too (web/asyncrace_worker.js).
    -sENVIRONMENT=web,worker
    -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    "-sEXPORTED_RUNTIME_METHODS=ccall,cwrap"
    # No eval and no new Function anywhere in the generated JS: the page's Content-Security-Policy
    # allows only its own scripts and wasm compilation (script-src 'self' 'wasm-unsafe-eval').
    -sDYNAMIC_EXECUTION=0
    "-sEXPORTED_FUNCTIONS=_main,_asyncrace_select,_asyncrace_set_options,_asyncrace_set_executor,_asyncrace_run,_asyncrace_set_source,_asyncrace_stop,_asyncrace_state_json,_asyncrace_export,_asyncrace_download,_asyncrace_set_theme,_asyncrace_wants_text,_asyncrace_show_tab,_asyncrace_zoom,_asyncrace_loop,_asyncrace_scrub,_asyncrace_traceback_json,_asyncrace_editor_line,_asyncrace_worker_ping,_asyncrace_worker_run")
  # The page's own scripts and files beside it (web/): no inline script, so the CSP needs no
  # 'unsafe-inline'.
  # The Python pane's editor: CodeMirror 6 from npm (pinned by package-lock.json, installed by
  # scripts/install-deps.sh with `npm ci`), bundled with web/editor/*.js by esbuild (pinned too)
  # into one classic script, site/editor.js: the site stays static files.
  set(_esbuild "${PROJECT_SOURCE_DIR}/node_modules/.bin/esbuild")
  if(NOT EXISTS "${_esbuild}")
    message(FATAL_ERROR "asyncrace: ${_esbuild} is missing: run scripts/install-deps.sh site (it runs npm ci)")
  endif()
  file(GLOB _editor_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/web/editor/*.js")
  add_custom_command(OUTPUT "${_site}/editor.js"
    COMMAND "${_esbuild}" "${PROJECT_SOURCE_DIR}/web/editor/editor.js" --bundle --minify --format=iife
            --target=es2020 --log-level=warning "--outfile=${_site}/editor.js"
    DEPENDS ${_editor_sources} "${PROJECT_SOURCE_DIR}/package-lock.json"
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    COMMENT "site/editor.js: CodeMirror 6 and the editor pane, bundled by esbuild" VERBATIM)
  add_custom_target(asyncrace-editor DEPENDS "${_site}/editor.js")
  add_dependencies(asyncrace-playground asyncrace-editor)
  set(_page_files page.js keys.js touch.js asyncrace_worker.js manifest.webmanifest icon.svg)
  list(TRANSFORM _page_files PREPEND "${PROJECT_SOURCE_DIR}/web/" OUTPUT_VARIABLE _page_paths)
  list(JOIN _page_files "|" _page_list)  # '|': a ';' would split the command's argument
  # editor.js too: the offline worker's version (a hash of the site's files) must follow it.
  set_property(TARGET asyncrace-playground APPEND PROPERTY LINK_DEPENDS ${_page_paths} "${_site}/editor.js"
               "${PROJECT_SOURCE_DIR}/web/service-worker.js.in" "${CMAKE_CURRENT_LIST_DIR}/site_version.cmake")
  add_custom_command(TARGET asyncrace-playground POST_BUILD
    COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${_site}/asyncrace.html" "${_site}/index.html"
    COMMAND "${CMAKE_COMMAND}" -E copy_if_different ${_page_paths} "${_site}/"
    # The offline worker last: its version is a hash of every file it caches.
    COMMAND "${CMAKE_COMMAND}" "-DSITE=${_site}" "-DTEMPLATE=${PROJECT_SOURCE_DIR}/web/service-worker.js.in"
            "-DFILES=index.html|asyncrace.js|asyncrace.wasm|editor.js|${_page_list}"
            -P "${CMAKE_CURRENT_LIST_DIR}/site_version.cmake"
    COMMENT "site/index.html, the page's scripts and its offline worker" VERBATIM)
  # Builds before the page and its workers shared one module left the workers' own module behind.
  file(REMOVE "${_site}/asyncrace_worker.wasm")
endif()
