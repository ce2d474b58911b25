W = "pp2 other"
