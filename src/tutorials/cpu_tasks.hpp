// `from cpu_tasks import cpu_bound` for the C++ tutorials: the module lives with the Python
// process (program/cpu_tasks.hpp), where the interpreter's `cpu_tasks` finds it too.
#pragma once

#include "program/cpu_tasks.hpp"
