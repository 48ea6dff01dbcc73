// OpenGL for the web: WebGL2 is OpenGL ES 3.0, whose functions Emscripten links directly.
#pragma once

#include <GLES3/gl3.h>
