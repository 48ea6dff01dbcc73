// What the numeric types share with the rest of the runtime: making ints (small ones stay
// immediates), reading int-like values (int, bool, big int) and converting to float.
#pragma once

#include <cstdint>
#include <string>

#include "bigint.hpp"
#include "runtime.hpp"

namespace asyncrace::python {

// An int value: an immediate when it fits in 64 bits, else a big int object.
value make_int(interpreter&, bigint n);
// int, bool or a big int (not float).
bool is_int_like(const value& v);
// The value of an int-like as a bigint.
bigint to_bigint(const value& v);
// float(v) of an int-like or a float; OverflowError "int too large to convert to float".
double to_double(interpreter&, const value& v);
// True for int, bool, big int and float.
bool is_number(const value& v);
// operator.index(v) as a 64-bit integer: TypeError "'<what>' object cannot be interpreted as an
// integer"; big ints raise IndexError/OverflowError "cannot fit 'int' into an index-sized integer".
std::int64_t index_of(interpreter&, const value& v);
// The str() of an int-like value.
std::string int_repr(const value& v);
// hash() of a float, as CPython's _Py_HashDouble.
std::int64_t hash_double(double x);
// a <op> b for an int-like a and a float b, exactly (2**53 + 1 > 2.0**53).
bool compare_int_float(const value& a, double b, cmp_op op);
// round(x, ndigits) for a float, correctly rounded as CPython's.
double round_double(double x, std::int64_t ndigits);
// int(x) for a float: OverflowError for infinities, ValueError for NaN.
value int_from_double(interpreter&, double x);
// int(text, base) as the int constructor parses it (spaces stripped); ValueError otherwise.
value int_from_string(interpreter&, std::string_view text, int base, const value& original);

// complex(re, im) (complex_type.cpp), and a negative float to a fractional power.
value make_complex(interpreter&, double re, double im);
value complex_power(interpreter&, double base, double exponent);
void install_complex_type(interpreter&);

void install_int_methods(interpreter&);
void install_float_type(interpreter&);

}  // namespace asyncrace::python
