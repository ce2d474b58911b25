V = "pp1"
