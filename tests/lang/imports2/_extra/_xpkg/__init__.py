W = "xpkg"
