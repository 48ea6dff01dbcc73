# raise ... from ..., implicit chaining, and re-raising.
class ConfigError(Exception):
    pass

def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad port {text!r}") from e

try:
    parse_port("eighty")
except ConfigError as e:
    print(e, "| cause:", repr(e.__cause__))

try:
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print(e, "| context:", repr(e.__context__), "| suppressed:", e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging, then re-raising")
        raise
except ZeroDivisionError as e:
    print("caught again:", e)

try:
    raise ValueError("no cause") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
