import os
import sys
here = os.path.dirname(os.path.realpath(__file__))
print(os.path.isabs(sys.path[0]), sys.path[0] == here)
