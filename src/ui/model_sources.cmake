# The playground's model and pure view math: no ImGui, no GL. Compiled into asyncrace::ui and, on
# their own, into tests/ui (which therefore also runs with ASYNCRACE_BUILD_APP=OFF and under node).
set(ASYNCRACE_UI_MODEL_SOURCES
  "${CMAKE_CURRENT_LIST_DIR}/announcer.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/app_state.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/code_links.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/compare.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/edited_program.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/exports.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/finish_summary.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/lane_layout.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/layout.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/loop_stepper.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/narrow_layout.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/playback.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/prediction.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/pool_lanes.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/race_svg.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/run_digest.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/syntax.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/time_axis.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/timeline_cull.cpp")
