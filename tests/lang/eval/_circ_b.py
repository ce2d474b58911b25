from _circ_a import A_VALUE
