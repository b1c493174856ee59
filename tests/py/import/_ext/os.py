# Extends the built-in os module, reached as uos.
from uos import *

extra = "os extended"
