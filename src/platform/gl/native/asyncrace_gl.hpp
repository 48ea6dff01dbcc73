// OpenGL for the desktop: GL 3.3 core entry points, linked directly from libGL (GLVND exports them),
// so the few calls our own shaders make need no loader.
#pragma once

#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
