#!/usr/bin/env python3
"""Independent expected values for the GoldenThread statistics tests.

Standard library only (math, statistics.NormalDist). Written from the published formulas, not from the C# code:
the literals in tests/GoldenThread.Core.Tests/Statistics/*.cs were pasted from this script's output.
Run: python3 expected_values.py
"""
import math
from statistics import NormalDist

N = NormalDist()


def z_two_sided(level):
    return N.inv_cdf(1 - (1 - level) / 2)


def bisect(f, lo, hi, iters=300):
    """Root of an increasing-or-decreasing f on [lo, hi] with a sign change."""
    flo = f(lo)
    for _ in range(iters):
        mid = (lo + hi) / 2
        fm = f(mid)
        if (fm < 0) == (flo < 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2


# --- Wilson score (Wilson 1927; Newcombe & Altman 2000) -------------------------------------------
def wilson(r, n, level):
    z = z_two_sided(level)
    p = r / n
    q = 1 - p
    a = 2 * r + z * z
    b = z * math.sqrt(z * z + 4 * r * q)
    c = 2 * (n + z * z)
    return (a - b) / c, (a + b) / c


# --- Exact Poisson limits by inverting Poisson tail sums (no chi-squared library) ----------------
def poisson_cdf(k, mu):
    """P(X <= k) for X ~ Poisson(mu)."""
    if k < 0:
        return 0.0
    term = math.exp(-mu)
    total = term
    for i in range(1, k + 1):
        term *= mu / i
        total += term
    return total


def exact_poisson(o, level):
    a = 1 - level
    if o == 0:
        lower = 0.0
    else:
        # P(X >= o | L) = a/2  <=>  1 - P(X <= o-1 | L) - a/2 = 0 (increasing in L)
        lower = bisect(lambda m: (1 - poisson_cdf(o - 1, m)) - a / 2, 1e-12, o + 100)
    # P(X <= o | U) = a/2 (decreasing in U)
    upper = bisect(lambda m: poisson_cdf(o, m) - a / 2, 1e-12, o + 200)
    return lower, upper


# --- Byar's approximation (Breslow & Day 1987) ----------------------------------------------------
def byars(o, level):
    z = z_two_sided(level)
    lower = 0.0 if o == 0 else o * (1 - 1 / (9 * o) - z / (3 * math.sqrt(o))) ** 3
    o1 = o + 1
    upper = o1 * (1 - 1 / (9 * o1) + z / (3 * math.sqrt(o1))) ** 3
    return lower, upper


# --- Student's t quantile: integrate the density (Simpson), invert by bisection -----------------
def t_pdf(x, nu):
    return math.exp(math.lgamma((nu + 1) / 2) - math.lgamma(nu / 2)) / math.sqrt(nu * math.pi) * (1 + x * x / nu) ** (-(nu + 1) / 2)


def t_cdf(x, nu, steps=4000):
    # symmetric: 0.5 + integral from 0 to x
    h = x / steps
    s = t_pdf(0, nu) + t_pdf(x, nu)
    for i in range(1, steps):
        s += (4 if i % 2 else 2) * t_pdf(i * h, nu)
    return 0.5 + s * h / 3


def t_two_sided(level, nu):
    target = 1 - (1 - level) / 2
    return bisect(lambda x: t_cdf(x, nu) - target, 0.0, 50.0, iters=80)


def t_interval(mean, sd, n, level):
    t = t_two_sided(level, n - 1)
    hw = t * sd / math.sqrt(n)
    return mean - hw, mean + hw


# --- Change tests ---------------------------------------------------------------------------------
def two_prop(x1, n1, x2, n2):
    p1, p2 = x1 / n1, x2 / n2
    p = (x1 + x2) / (n1 + n2)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    z = (p2 - p1) / se
    return z, 2 * N.cdf(-abs(z))


def binom_cdf(k, n, p):
    if k < 0:
        return 0.0
    return sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(0, min(k, n) + 1))


def two_counts(c1, e1, c2, e2):
    from fractions import Fraction
    t = c1 + c2
    # Exact rational arithmetic: with 2,100 trials the float terms would overflow.
    share = Fraction(e1, e1 + e2)
    lower = binom_cdf(c1, t, share)
    upper = 1 - binom_cdf(c1 - 1, t, share)
    return float(min(1, 2 * min(lower, upper)))


# --- Two counts whose total is beyond 2^31: decimal arithmetic at 60 digits ----------------------
# ln m! by Stirling's series (m >= 10^6 here, so four terms are far beyond 60 digits), the binomial
# term at k from the three log-factorials, then the smaller tail summed term by term until the terms
# stop mattering. A different route from the C# code (Loader's saddle point, doubles).
def _ln_factorial(m, D):
    m = D(m)
    ln2pi = (D(2) * D("3.14159265358979323846264338327950288419716939937510582097494459")).ln()
    return ((m + D("0.5")) * m.ln() - m + ln2pi / 2 + 1 / (12 * m) - 1 / (360 * m ** 3)
            + 1 / (1260 * m ** 5) - 1 / (1680 * m ** 7))


def big_two_counts(c1, e1, c2, e2):
    import decimal
    decimal.getcontext().prec = 60
    D = decimal.Decimal
    n, k = c1 + c2, c1
    p = D(e1) / (D(e1) + D(e2))
    q = 1 - p
    log_term = (_ln_factorial(n, D) - _ln_factorial(k, D) - _ln_factorial(n - k, D)
                + k * p.ln() + (n - k) * q.ln())
    term = log_term.exp()
    total, t, j = term, term, k
    tiny = D(10) ** -40
    if k <= n * p:                      # lower tail, summed downwards
        while j > 0:
            t = t * j / (n - j + 1) * q / p
            j -= 1
            total += t
            if t < total * tiny:
                break
        lower, upper = total, 1 - total + term
    else:                               # upper tail, summed upwards
        while j < n:
            t = t * (n - j) / (j + 1) * p / q
            j += 1
            total += t
            if t < total * tiny:
                break
        lower, upper = 1 - total + term, total
    return float(min(D(1), 2 * min(lower, upper)))


# --- Recent trend: WLS with known variances -------------------------------------------------------
def wls(xs, ys, ws):
    sw = sum(ws)
    swx = sum(w * x for w, x in zip(ws, xs))
    swy = sum(w * y for w, y in zip(ws, ys))
    swxx = sum(w * x * x for w, x in zip(ws, xs))
    swxy = sum(w * x * y for w, x, y in zip(ws, xs, ys))
    d = sw * swxx - swx * swx
    return (sw * swxy - swx * swy) / d, sw / d


def trend(values, lowers, uppers):
    xs = list(range(len(values)))
    ws = [1 / (((u - l) / 3.92) ** 2) for l, u in zip(lowers, uppers)]
    b, v = wls(xs, values, ws)
    loo = []
    for k in range(len(xs)):
        keep = [i for i in range(len(xs)) if i != k]
        loo.append(wls([xs[i] for i in keep], [values[i] for i in keep], [ws[i] for i in keep])[0])
    return b, b * b / v, loo


# --- Funnel limits (normal approximation) ---------------------------------------------------------
def funnel(p0, n, level):
    z = z_two_sided(level)
    sd = math.sqrt(p0 * (1 - p0) / n)
    return max(0.0, p0 - z * sd), min(1.0, p0 + z * sd)


def show(label, values):
    print(label, ", ".join(repr(round(v, 12)) for v in values))


if __name__ == "__main__":
    print("z95 =", repr(z_two_sided(0.95)), " z998 =", repr(z_two_sided(0.998)), " 3.0902^2 =", repr(3.0902 ** 2))
    print("# Wilson (proportion scale)")
    for r, n in [(0, 10), (1, 10), (5, 10), (10, 10), (3, 7), (81, 263), (1540, 7624), (0, 1000), (50, 100)]:
        for lv in (0.95, 0.998):
            show(f"wilson {r}/{n} @{lv}:", wilson(r, n, lv))
    print("# Exact Poisson (count scale)")
    for o in (0, 1, 2, 5, 9):
        for lv in (0.95, 0.998):
            show(f"exact {o} @{lv}:", exact_poisson(o, lv))
    print("# Byar's (count scale)")
    for o in (10, 50, 389, 1000):
        for lv in (0.95, 0.998):
            show(f"byars {o} @{lv}:", byars(o, lv))
    print("# Byar's rate: 120 per 45000 per 10000 @0.95:", [v * 10000 / 45000 for v in byars(120, 0.95)])
    print("# Exact rate: 3 per 2500 per 10000 @0.95:", [v * 10000 / 2500 for v in exact_poisson(3, 0.95)])
    print("# t quantiles and intervals")
    for nu in (1, 4, 9, 29):
        print(f"t {nu} df 95%:", repr(t_two_sided(0.95, nu)))
    show("t-interval mean 50 sd 10 n 10 @0.95:", t_interval(50, 10, 10, 0.95))
    show("t-interval mean 3.2 sd 1.1 n 5 @0.998:", t_interval(3.2, 1.1, 5, 0.998))
    print("# two proportions: z, p")
    for case in [(45, 200, 70, 210), (100, 1000, 110, 1000), (30, 60, 15, 60), (5, 8, 7, 9)]:
        show(f"twoprop {case}:", two_prop(*case))
    print("# two counts: p")
    for case in [(10, 1, 25, 1), (10, 1, 12, 1), (0, 1, 7, 1), (40, 20000, 70, 21000), (5, 1000, 5, 1000),
                 (3, 1, 40, 1), (1000, 1, 1100, 1), (250, 3, 60, 1), (17, 1, 0, 1)]:
        print(f"twocounts {case}:", repr(two_counts(*case)))
    print("# two counts with totals beyond 2^31 (decimal, 60 digits): p")
    for case in [(1_500_000_000, 1, 1_500_100_000, 1), (1_500_000_000, 1, 1_500_200_000, 1),
                 (2_147_483_651, 1, 2_147_483_655, 1), (1_000_000_000, 1, 3_000_150_000, 3)]:
        print(f"bigcounts {case}:", repr(big_two_counts(*case)))
    print("# recent-trend threshold: z998^2 (Fingertips: 9.54953570608324)")
    print("z998^2 =", repr(z_two_sided(0.998) ** 2))
    # Five equally weighted points at x = 0..4 (centred -2..2): Var(b) = SE^2 / 10, so chi2 = 10 b^2 / SE^2.
    # Values 10, 11, 12, 13, 14 (b = 1); SE chosen for a chi2 just below and just above the threshold.
    for target in (9.5494, 9.5496):
        se = math.sqrt(10 / target)
        width = 3.92 * se
        b, chi2, loo = trend([10.0, 11.0, 12.0, 13.0, 14.0], [v - width / 2 for v in (10, 11, 12, 13, 14)],
                             [v + width / 2 for v in (10, 11, 12, 13, 14)])
        print(f"trend chi2 {target}: half-width {width / 2!r}, slope {b!r}, chi2 {chi2!r}")
    print("# trends: slope, chi2, leave-one-out slopes")
    cases = {
        "rising": ([20.0, 21.0, 22.5, 23.0, 24.5], [19.0, 20.0, 21.5, 22.0, 23.5], [21.0, 22.0, 23.5, 24.0, 25.5]),
        "flat": ([20.0, 20.4, 19.8, 20.2, 20.1], [18.0, 18.4, 17.8, 18.2, 18.1], [22.0, 22.4, 21.8, 22.2, 22.1]),
        "outlier": ([10.3, 10.1, 10.0, 9.9, 14.0], [10.2, 10.0, 9.9, 9.8, 13.9], [10.4, 10.2, 10.1, 10.0, 14.1]),
        "falling": ([30.0, 28.0, 27.0, 25.0, 24.0], [29.0, 27.0, 26.0, 24.0, 23.0], [31.0, 29.0, 28.0, 26.0, 25.0]),
    }
    for name, (v, l, u) in cases.items():
        b, chi2, loo = trend(v, l, u)
        show(f"trend {name}: slope, chi2:", (b, chi2))
        show(f"trend {name} leave-one-out slopes:", loo)
    print("# funnel (p0, n, level) -> lower, upper")
    for p0, n in [(0.2, 100), (0.2, 1000), (0.05, 20), (0.5, 10)]:
        for lv in (0.95, 0.998):
            show(f"funnel {p0} n={n} @{lv}:", funnel(p0, n, lv))
