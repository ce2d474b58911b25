V = "from _extra"
