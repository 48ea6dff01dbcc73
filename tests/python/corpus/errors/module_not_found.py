# Importing a package that is not there.
import math
print(math.sqrt(49))
import weather_api
print("never printed")
