# Dear ImGui 1.86 and SDL2 as CMake targets, built from sources that scripts/install-deps.sh unpacks
# into third_party/ (Debian source packages; git-ignored). Users with their own upstream checkouts
# point ASYNCRACE_IMGUI_DIR / ASYNCRACE_SDL2_DIR at them.
#   asyncrace::imgui  — imgui core + SDL2 platform backend + OpenGL3 (WebGL2 on the web) renderer
#   asyncrace::sdl2   — SDL2: compiled from source for Emscripten (no ports here), Debian's libsdl2 natively
include_guard(GLOBAL)

function(_asyncrace_find_third_party var glob marker)
  if(NOT ${var})
    file(GLOB _candidates LIST_DIRECTORIES true "${PROJECT_SOURCE_DIR}/third_party/${glob}")
    foreach(_dir IN LISTS _candidates)
      if(EXISTS "${_dir}/${marker}")
        set(${var} "${_dir}" PARENT_SCOPE)
        return()
      endif()
    endforeach()
  endif()
endfunction()

_asyncrace_find_third_party(_imgui_default "imgui-1.86*" imgui.h)
set(ASYNCRACE_IMGUI_DIR "${_imgui_default}" CACHE PATH "Dear ImGui 1.86 source folder (has imgui.h and backends/)")
if(NOT EXISTS "${ASYNCRACE_IMGUI_DIR}/imgui.h" OR NOT EXISTS "${ASYNCRACE_IMGUI_DIR}/backends/imgui_impl_sdl.cpp")
  message(FATAL_ERROR
    "asyncrace: Dear ImGui 1.86 sources not found (ASYNCRACE_IMGUI_DIR='${ASYNCRACE_IMGUI_DIR}'). "
    "Run scripts/install-deps.sh, or pass -DASYNCRACE_IMGUI_DIR=/path/to/imgui-1.86 "
    "(a folder with imgui.h and backends/imgui_impl_sdl.cpp), or -DASYNCRACE_BUILD_APP=OFF.")
endif()

# --- SDL2 --------------------------------------------------------------------------------------
if(EMSCRIPTEN)
  _asyncrace_find_third_party(_sdl_default "libsdl2-2.26.5*" include/SDL.h)
  set(ASYNCRACE_SDL2_DIR "${_sdl_default}" CACHE PATH "SDL 2.26.5 source folder (has include/SDL.h and src/)")
  if(NOT EXISTS "${ASYNCRACE_SDL2_DIR}/include/SDL.h")
    message(FATAL_ERROR
      "asyncrace: SDL2 sources not found (ASYNCRACE_SDL2_DIR='${ASYNCRACE_SDL2_DIR}'). The web build compiles "
      "SDL 2.26.5 from source. Run scripts/install-deps.sh, or pass -DASYNCRACE_SDL2_DIR=/path/to/SDL2-2.26.5.")
  endif()
  file(STRINGS "${CMAKE_CURRENT_LIST_DIR}/sdl2-emscripten-sources.txt" _sdl_files REGEX "^[^#]")
  list(TRANSFORM _sdl_files PREPEND "${ASYNCRACE_SDL2_DIR}/")
  add_library(asyncrace_sdl2 STATIC ${_sdl_files})
  # The stock include/SDL_config.h selects SDL_config_emscripten.h on __EMSCRIPTEN__.
  target_include_directories(asyncrace_sdl2 SYSTEM PUBLIC "${ASYNCRACE_SDL2_DIR}/include")
  target_compile_options(asyncrace_sdl2 PRIVATE -w)
  asyncrace_optimize_for_size(asyncrace_sdl2)
  # SDL's own switch for builds that need no software blitting (SDL_internal.h): no optimised
  # blitters, RLE, YUV or software renderer; SDL_BlitSurface keeps its generic path. The page draws
  # with WebGL only (ImGui's OpenGL backend) and creates no SDL surface or renderer: −200 KB of wasm.
  target_compile_definitions(asyncrace_sdl2 PRIVATE SDL_LEAN_AND_MEAN=1)
  add_library(asyncrace::sdl2 ALIAS asyncrace_sdl2)
else()
  find_package(SDL2 CONFIG)
  if(NOT TARGET SDL2::SDL2)
    message(FATAL_ERROR "asyncrace: SDL2 development files not found. Run scripts/install-deps.sh "
                        "(Debian: libsdl2-dev) or set SDL2_DIR to a folder with SDL2Config.cmake.")
  endif()
  set(OpenGL_GL_PREFERENCE GLVND)
  find_package(OpenGL REQUIRED)
  add_library(asyncrace_sdl2 INTERFACE)
  target_link_libraries(asyncrace_sdl2 INTERFACE SDL2::SDL2)
  add_library(asyncrace::sdl2 ALIAS asyncrace_sdl2)
endif()

# --- Dear ImGui --------------------------------------------------------------------------------
set(_imgui "${ASYNCRACE_IMGUI_DIR}")
# No imgui_demo.cpp: nothing calls ImGui::ShowDemoWindow (or the other Show* tools it defines).
add_library(asyncrace_imgui STATIC
  "${_imgui}/imgui.cpp" "${_imgui}/imgui_draw.cpp" "${_imgui}/imgui_tables.cpp" "${_imgui}/imgui_widgets.cpp"
  "${_imgui}/backends/imgui_impl_sdl.cpp" "${_imgui}/backends/imgui_impl_opengl3.cpp")
target_include_directories(asyncrace_imgui SYSTEM PUBLIC "${_imgui}" "${_imgui}/backends")
target_compile_features(asyncrace_imgui PUBLIC cxx_std_20)
target_compile_options(asyncrace_imgui PRIVATE -w)
asyncrace_optimize_for_size(asyncrace_imgui)
# PUBLIC so every user sees the same ImDrawVert/ImDrawIdx layout: 32-bit indices let one draw list
# (a long race diagram) exceed 64k vertices.
target_compile_definitions(asyncrace_imgui PUBLIC "ImDrawIdx=unsigned int" IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
target_link_libraries(asyncrace_imgui PUBLIC asyncrace::sdl2)
if(EMSCRIPTEN)
  # WebGL2 = GLES 3.0: the backend then uses "#version 300 es" shaders and VAOs.
  target_compile_definitions(asyncrace_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
  # Same exception model as our code, whose exceptions may unwind through ImGui callbacks.
  target_compile_options(asyncrace_imgui PRIVATE -fwasm-exceptions)
else()
  # The OpenGL3 backend loads desktop GL itself (imgui_impl_opengl3_loader.h, via dlopen).
  target_link_libraries(asyncrace_imgui PUBLIC OpenGL::GL ${CMAKE_DL_LIBS})
endif()
add_library(asyncrace::imgui ALIAS asyncrace_imgui)
