/* -X pin: the CPU-list parser (valid and invalid lists) and the policy
 * orders on this machine. The binding itself is tested end to end by
 * tests/pin/check_pin.sh (it reads /proc/self/task/TID/status). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "tandem/pin.h"

static int parse(const char *spec, int *cpus, int cap, char *err)
{
    return tn_pin_parse_list(spec, cpus, cap, err, 256);
}

Test(pin, single_cpu)
{
    int c[8];
    char err[256];
    cr_assert_eq(parse("0", c, 8, err), 1);
    cr_assert_eq(c[0], 0);
    cr_assert_eq(parse("17", c, 8, err), 1);
    cr_assert_eq(c[0], 17);
}

Test(pin, list_and_ranges_keep_order)
{
    int c[16];
    char err[256];
    cr_assert_eq(parse("0,2,4-7", c, 16, err), 6);
    int want[] = {0, 2, 4, 5, 6, 7};
    for (int i = 0; i < 6; i++)
        cr_assert_eq(c[i], want[i]);
    cr_assert_eq(parse("5,1-2,0", c, 16, err), 4);
    int want2[] = {5, 1, 2, 0};
    for (int i = 0; i < 4; i++)
        cr_assert_eq(c[i], want2[i]);
    cr_assert_eq(parse("3-3", c, 16, err), 1);
    cr_assert_eq(c[0], 3);
}

Test(pin, count_beyond_cap)
{
    int c[2];
    char err[256];
    cr_assert_eq(parse("0-9", c, 2, err), 10);
    cr_assert_eq(c[1], 1);
    cr_assert_eq(parse("0-9", NULL, 0, err), 10);
}

static void bad(const char *spec, const char *needle)
{
    char err[256];
    int c[8];
    cr_assert_eq(parse(spec, c, 8, err), -1, "'%s' should be rejected", spec);
    cr_assert(strstr(err, needle), "'%s': message '%s' lacks '%s'", spec, err, needle);
}

Test(pin, invalid_lists)
{
    bad("", "empty CPU list");
    bad("1-", "malformed item '1-'");
    bad("-1", "malformed item '-1'");
    bad("a", "malformed item 'a'");
    bad("1,", "empty item");
    bad(",1", "empty item");
    bad("0,,1", "empty item");
    bad(" 1", "malformed item ' 1'");
    bad("1-2-3", "malformed item '1-2-3'");
    bad("1x", "malformed item '1x'");
    bad("3-1", "reversed range '3-1'");
    bad("0,0", "CPU 0 is listed twice");
    bad("0-3,2", "CPU 2 is listed twice");
    bad("99999999999", "out of range");
}

Test(pin, orders_on_this_machine)
{
    char err[256];
    int n;
    int *o = tn_pin_order("compact", &n, err, sizeof err);
    cr_assert(o, "compact: %s", err);
    cr_assert_gt(n, 0);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            cr_assert_neq(o[i], o[j], "CPU %d appears twice in the compact order", o[i]);
    int *s = tn_pin_order("scatter", &n, err, sizeof err);
    cr_assert(s, "scatter: %s", err);
    free(s);
    int *l = tn_pin_order("0", &n, err, sizeof err);
    cr_assert(l, "0: %s", err);
    cr_assert_eq(n, 1);
    cr_assert_eq(l[0], 0);
    free(l);
    free(o);
    cr_assert_null(tn_pin_order("none", &n, err, sizeof err));
    cr_assert_eq(err[0], '\0');
    cr_assert_eq(n, 0);
}

Test(pin, order_errors)
{
    char err[256];
    int n;
    cr_assert_null(tn_pin_order("99999", &n, err, sizeof err));
    cr_assert(strstr(err, "CPU 99999 is not available"), "%s", err);
    cr_assert_null(tn_pin_order("packed", &n, err, sizeof err));
    cr_assert(strstr(err, "unknown policy 'packed'"), "%s", err);
    cr_assert_null(tn_pin_order("", &n, err, sizeof err));
    cr_assert(strstr(err, "empty CPU list"), "%s", err);
}
