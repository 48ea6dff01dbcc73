// Values print as CPython's str()/repr() prints them.
#include <doctest.h>

#include "pyrt/py_format.hpp"

using namespace asyncrace;

TEST_CASE("float repr: shortest round-trip digits in CPython's layout") {
  CHECK(py_float_repr(1.0) == "1.0");
  CHECK(py_float_repr(0.0) == "0.0");
  CHECK(py_float_repr(-0.0) == "-0.0");
  CHECK(py_float_repr(0.58) == "0.58");
  CHECK(py_float_repr(0.1 + 0.2) == "0.30000000000000004");
  CHECK(py_float_repr(1.0 / 3.0) == "0.3333333333333333");
  CHECK(py_float_repr(3.0) == "3.0");
  CHECK(py_float_repr(123456789.125) == "123456789.125");
  CHECK(py_float_repr(0.0001) == "0.0001");
  CHECK(py_float_repr(0.00001) == "1e-05");
  CHECK(py_float_repr(1.5e-7) == "1.5e-07");
  CHECK(py_float_repr(1e15) == "1000000000000000.0");
  CHECK(py_float_repr(1e16) == "1e+16");
  CHECK(py_float_repr(1.2345e22) == "1.2345e+22");
  CHECK(py_float_repr(5e-324) == "5e-324");
  CHECK(py_float_repr(1.7976931348623157e308) == "1.7976931348623157e+308");
  CHECK(py_float_repr(1.0 / 0.0) == "inf");
  CHECK(py_float_repr(-1.0 / 0.0) == "-inf");
}

TEST_CASE("print's str() of its arguments, joined by spaces") {
  CHECK(py_join("Starting work", 10) == "Starting work 10");
  CHECK(py_join("elapsed", 1.0, true, none_t{}) == "elapsed 1.0 True None");
  CHECK(py_join() == "");
  CHECK(py_join(-3L, 2u) == "-3 2");
}
