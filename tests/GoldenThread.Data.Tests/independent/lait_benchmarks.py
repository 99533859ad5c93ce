#!/usr/bin/env python3
"""Independent computation of LAIT benchmarks for LaitRealDataTests.

This script produced the literals pasted into tests/GoldenThread.Data.Tests/LaitRealDataTests.cs.
It shares no code with the C# implementation: it reads the files with the csv and zipfile modules and follows
LAIT's R source (dfe-analytical-services/local-authority-interactive-tool, R/fn_analysis.R) and R's quantile() docs:
  rank     : LAs only (LA Number < 970), rank(x, ties.method="min"), High on -x, Low on x
  quartile : R quantile type 7 over all LAs' non-missing values; intervals [min,Q1] (Q1,med] (med,Q3] (Q3,max]
             labelled A,B,C,D for Low and D,C,B,A for High (printed as 1..4, 1 = A)
  SN mean  : plain mean of the SN1..SN10 values present, in that order
  region   : the LA's region area; for a London borough whose sub-region (London (Inner)/(Outer)) has no value in
             the period, the area named London (LAIT's clean_ldn_region, R/fn_helper_functions.R, applied per period)
Usage: python3 lait_benchmarks.py /work/shared/data/lait ['[["CODE", "YEARS", [855, 926]], ...]']
(the optional JSON list replaces CASES; tests/GoldenThread.Cli.Tests uses it for the samples' measures)
"""
import csv, json, math, re, sys, zipfile
import xml.etree.ElementTree as ET

root = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data/lait'
CASES = [  # (code, Years text, LA numbers)
    ('EngMaths9-4', '2025', [855, 301, 926]),
    ('PriTotAbs', '2025', [855, 301, 926]),
    ('RTA', '2020-22', [855, 301, 926]),
    ('Hosp_Adm_Alc_<18yrs', '2021/22-23/24', [855, 301, 926]),
    ('HE_19_FSM', '2023-24', [855, 301, 926]),
    ('KS2R_AVG_Scaled_Score', '2025', [855]),
]

if len(sys.argv) > 2:
    CASES = [tuple(c) for c in json.loads(sys.argv[2])]

pol = {}
noq = {}
for r in csv.DictReader(open(f'{root}/lait_data_dictionary.csv', newline='', encoding='utf-8')):
    pol.setdefault(r['Measure_short'].strip(), r['Polarity'])
    noq[r['Measure_short'].strip()] = noq.get(r['Measure_short'].strip(), False) or r['No_Quartile'] == 'N'

vals = {}   # (code, years) -> {la: float}
names = {}
region_of = {}
for r in list(csv.reader(open(f'{root}/bds_long.csv', newline='', encoding='utf-8')))[1:]:
    la = int(r[5])
    names[la] = r[3]
    region_of[la] = r[6]
    if r[4] != '-':
        vals.setdefault((r[0], r[2]), {})[la] = float(r[4])

def region_number(la):
    reg = region_of[la]
    m = re.fullmatch(r'(\w+) London', reg)
    if m:
        reg = f'London ({m.group(1)})'
    for n, nm in names.items():
        if 980 <= n <= 990 and nm.lower() == reg.lower():
            return n
    return None

# SN workbook: sheet1, header row has 'LA num'; SN1..SN10 columns hold neighbour numbers
NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(f'{root}/sn_may_2025.xlsx')
ss = [''.join(t.text or '' for t in si.iter(NS + 't')) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(NS + 'si')]
grid = []
for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter(NS + 'row'):
    cells = {}
    for c in row.iter(NS + 'c'):
        v = c.find(NS + 'v')
        if v is None:
            continue
        cells[re.match('[A-Z]+', c.get('r')).group(0)] = ss[int(v.text)] if c.get('t') == 's' else v.text
    grid.append(cells)
hdr = next(i for i, r in enumerate(grid) if 'LA num' in r.values())
col = {v: k for k, v in grid[hdr].items() if v}
sn = {}
for r in grid[hdr + 1:]:
    if col['LA num'] in r:
        sn[int(float(r[col['LA num']]))] = [int(float(r[col[f'SN{i}']])) for i in range(1, 11) if r.get(col[f'SN{i}'], '-') != '-']

def q7(xs, p):
    n = len(xs); index = 1 + (n - 1) * p
    lo, hi = math.floor(index), math.ceil(index)
    qs = xs[lo - 1]
    if index > lo and xs[hi - 1] != qs:
        h = index - lo
        qs = (1 - h) * qs + h * xs[hi - 1]
    return qs

for code, years, las in CASES:
    v = vals[(code, years)]
    lav = sorted(x for la, x in v.items() if la < 970)
    q = [lav[0], q7(lav, .25), q7(lav, .5), q7(lav, .75), lav[-1]]
    for la in las:
        x = v.get(la)
        p = pol[code]
        rank = None
        if x is not None and p in ('High', 'Low'):
            rank = 1 + sum(1 for y in lav if (y > x if p == 'High' else y < x))
        band = None
        if x is not None and p in ('High', 'Low') and not noq[code]:
            k = 1 if q[0] <= x <= q[1] else 2 if q[1] < x <= q[2] else 3 if q[2] < x <= q[3] else 4
            band = k if p == 'Low' else 5 - k
        present = [v[n] for n in sn[la] if n in v]
        s = 0.0
        for y in present:
            s += y
        snm = s / len(present) if present else None
        rn = region_number(la)
        if v.get(rn) is None and names[rn].startswith('London ('):
            london = next(n for n, nm in names.items() if 980 <= n <= 990 and nm == 'London')
            if v.get(london) is not None:
                rn = london
        print(f'[InlineData("{code}", "{years}", {la}, {x!r}, {rank if rank else "null"}, {len(lav)}, '
              f'{band if band else "null"}, {q[1]!r}, {q[2]!r}, {q[3]!r}, {snm!r}, {len(present)}, '
              f'{v.get(970)!r}, {rn}, {v.get(rn)!r})]'.replace('None', 'null'))
