# Chained exceptions: "During handling of the above exception, another exception occurred"
# and, with raise ... from ..., "The above exception was the direct cause of ...".
# transcript: stderr
class ConfigError(Exception):
    pass

def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad port {text!r}") from e

def load(settings):
    try:
        return parse_port(settings["port"])
    except KeyError:
        print("no port given")
        return settings["default_port"]

print(load({"port": "8080"}))
try:
    load({"port": "eighty"})
except ConfigError as e:
    print("caught:", e, "| cause:", repr(e.__cause__))
load({})
