/* Statistics of repeated measurements. The median is the headline number:
 * a shared 2-core machine produces occasional slow outliers (another
 * process took the CPU) and the median ignores them where the mean would
 * not. The spread (max - min) / median says how far to trust it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int tb_stats(const double *times, int n, TbStats *out)
{
    memset(out, 0, sizeof *out);
    out->median = out->min = out->max = out->spread = NAN;
    if (n <= 0)
        return -1;
    double *v = tb_xmalloc((size_t)n * sizeof *v);
    memcpy(v, times, (size_t)n * sizeof *v);
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    out->n = n;
    out->min = v[0];
    out->max = v[n - 1];
    out->median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    out->spread = out->median > 0 ? (out->max - out->min) / out->median : 0;
    free(v);
    return 0;
}

double tb_speedup(double t1, double tT, int threads)
{
    if (!(t1 > 0) || !(tT > 0) || threads < 1 || !isfinite(t1) || !isfinite(tT))
        return NAN;
    return threads * t1 / tT;
}

double tb_efficiency(double speedup, int threads)
{
    return threads >= 1 ? speedup / threads : NAN;
}

double tb_geomean(const double *v, int n)
{
    double logsum = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (v[i] > 0 && isfinite(v[i])) {
            logsum += log(v[i]);
            k++;
        }
    }
    return k ? exp(logsum / k) : NAN;
}

/* The two medians differ beyond noise when their ratio leaves the band
 * that the runs' own relative spreads span together: with spreads sa and
 * sb, a B/A ratio within [1 - (sa + sb), 1 + (sa + sb)] could be produced
 * by noise alone. Single runs (spread 0) flag any difference over 1%, the
 * usual run-to-run jitter of process start-up aside. */
int tb_ratio_significant(double ma, double spread_a, double mb, double spread_b)
{
    if (!(ma > 0) || !(mb > 0))
        return 0;
    double band = (isfinite(spread_a) ? spread_a : 0) + (isfinite(spread_b) ? spread_b : 0);
    if (band < 0.01)
        band = 0.01;
    double r = mb / ma;
    return r > 1 + band || r < 1 - band;
}
