V = "pp2"; W = "only in pp2"
