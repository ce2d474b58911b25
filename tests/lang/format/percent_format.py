print("%s %s" % ("a", "b"))
print("%d %i %5d %-5d| %05d %+d" % (42, 7, 3, 3, 42, 5))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%f %.2f %10.3f %-10.1f| %e %.3E %g %G" % (1.5, 2.345, 3.14159, 2.5, 12345.678, 0.00012, 0.00001234, 1e20))
print("%r %s %a" % ("q", "q", "é"))
print("%c%c" % (72, "i"), "%d%%" % 50, "100%% done" % ())
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%s" % (1, ), "%s" % [1, 2], "%s" % ((1, 2),))
print("%*d|%-*d|" % (5, 1, 4, 2), "%.*f" % (2, 3.14159))
print("%5s|%-5s|%.2s" % ("ab", "ab", "abcdef"))
print("%d" % 3.99, "%s" % None, "%s" % True)
try:
    "%d %d" % (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    "%d" % (1, 2)
except TypeError as e:
    print("TypeError:", e)
