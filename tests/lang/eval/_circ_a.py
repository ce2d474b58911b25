import _circ_b
A_VALUE = "a"
