# raise ... from ...: the last traceback line is the outer exception.
class ConfigError(Exception):
    pass

def load(settings):
    try:
        return int(settings["port"])
    except KeyError as e:
        raise ConfigError("port is missing") from e

print(load({"port": "8080"}))
print(load({}))
