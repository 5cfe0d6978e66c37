/*
 * native-ref: C twins of three densebench TypeScript kernels, as baselines for speed (docs/performance.md).
 *
 *   sa   simulated annealing on the binary perceptron: plugins/sa with packages/local-search/src/perceptron.ts
 *        (stabilities kept up to date, a band list of patterns with -1 <= Delta <= 2 for O(|band|) Delta E, the
 *        signs eta read from bits there, as in perceptron.ts) and metropolis.ts; geometric beta schedule from beta0
 *        to beta1 over the sweeps of each restart.
 *   fms  Focused Metropolis Search on K-SAT (Seitz, Alava & Orponen, J. Stat. Mech. P06006, 2005):
 *        packages/local-search/src/ksat.ts, with the same normalised clauses and incremental true-literal counts.
 *   fbp  focusing belief propagation on the perceptron (Baldassi et al., PNAS 113, E7655, 2016), standard protocol
 *        (gamma = inf, y = 1/(1 - x)), Gaussian factor update: packages/bp/src/perceptron.ts and focusing.ts.
 *
 * The random generator is xoshiro128** with the exact draws of packages/core/src/rng.ts (nextInt by rejection,
 * nextFloat from 27 + 26 bits, nextSign from the top bit, Fisher-Yates shuffle), so that `bench` started from the
 * same state words as a TypeScript kernel follows the same trajectory (tested). Solver runs seed it from --seed.
 *
 * Usage:
 *   native-ref sa  <perceptron file> [--seed S] [--time T] [--sweeps 20000] [--beta0 5] [--beta1 7] [--restarts 1]
 *   native-ref fms <cnf file>        [--seed S] [--time T] [--eta 0.37] [--flips F]
 *   native-ref fbp <perceptron file> [--seed S] [--time T] [--step 0.01] [--max-sweeps 10] [--epsilon 0.001]
 *                                    [--damping 0.5] [--randfact 0.01]
 *   native-ref bench <sa|fms|fbp> <file> --state s0,s1,s2,s3 (--calls K | --ms T) [kernel options as above]
 * Solver runs print "c work <x>" and the answer (a weight line "w +-..." or "s SATISFIABLE" with v-lines, or
 * "s UNKNOWN"); bench prints one JSON line {"calls","work","seconds","checksum"}.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---------------------------------------------------------------- utilities */

static void die(const char *fmt, const char *detail) {
  fprintf(stderr, "native-ref: ");
  fprintf(stderr, fmt, detail);
  fprintf(stderr, "\n");
  exit(2);
}

static void *xmalloc(size_t bytes) {
  void *p = calloc(1, bytes ? bytes : 1);
  if (!p) die("out of memory (%s)", "calloc");
  return p;
}

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* ---------------------------------------------------------------- xoshiro128** (as packages/core/src/rng.ts) */

typedef struct { uint32_t s[4]; } Rng;

static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static inline uint32_t rng_u32(Rng *r) {
  uint32_t *s = r->s;
  const uint32_t result = rotl(s[1] * 5u, 7) * 9u;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

static inline double rng_float(Rng *r) {
  const uint32_t hi = rng_u32(r) >> 5;
  const uint32_t lo = rng_u32(r) >> 6;
  return ((double)hi * 67108864.0 + (double)lo) / 9007199254740992.0;
}

static inline uint32_t rng_int(Rng *r, uint32_t n) {
  const uint64_t limit = 4294967296ull - (4294967296ull % n);
  uint32_t x = rng_u32(r);
  while ((uint64_t)x >= limit) x = rng_u32(r);
  return x % n;
}

static inline int rng_sign(Rng *r) { return (rng_u32(r) >> 31) == 1 ? 1 : -1; }

static void rng_shuffle(Rng *r, int32_t *values, int length) {
  for (int j = length - 1; j > 0; j--) {
    const uint32_t k = rng_int(r, (uint32_t)j + 1);
    const int32_t t = values[j];
    values[j] = values[k];
    values[k] = t;
  }
}

/* A solver run's generator from its integer seed (splitmix64); its stream need not match TypeScript's. */
static void rng_seed(Rng *r, uint64_t seed) {
  for (int w = 0; w < 4; w++) {
    uint64_t z = (seed += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    r->s[w] = (uint32_t)(z ^ (z >> 31));
  }
  if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0) r->s[0] = 1;
}

/* ---------------------------------------------------------------- instance files */

static char *read_file(const char *path, size_t *length) {
  FILE *f = fopen(path, "rb");
  if (!f) die("cannot open %s", path);
  size_t capacity = 1 << 16, size = 0;
  char *text = xmalloc(capacity + 1);
  size_t got;
  while ((got = fread(text + size, 1, capacity - size, f)) > 0) {
    size += got;
    if (size == capacity) {
      capacity *= 2;
      text = realloc(text, capacity + 1);
      if (!text) die("out of memory reading %s", path);
    }
  }
  fclose(f);
  text[size] = 0;
  *length = size;
  return text;
}

typedef struct {
  int n, p;
  int8_t *patterns; /* row-major, pattern mu at [mu*n, (mu+1)*n) */
  int8_t *labels;
} Perceptron;

/* The densebench perceptron format: "c" comments, "p perceptron N P", then P lines "<+/-> <N characters +/->". */
static Perceptron read_perceptron(const char *path) {
  size_t length;
  char *text = read_file(path, &length);
  Perceptron inst = {0};
  int mu = -1;
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    while (*line == ' ' || *line == '\t' || *line == '\r') line++;
    if (*line == 0 || *line == 'c') continue;
    if (*line == 'p') {
      if (sscanf(line, "p perceptron %d %d", &inst.n, &inst.p) != 2 || inst.n < 1 || inst.p < 0) die("%s: expected the header \"p perceptron <N> <P>\"", path);
      inst.patterns = xmalloc((size_t)inst.n * (size_t)inst.p);
      inst.labels = xmalloc((size_t)inst.p + 1);
      mu = 0;
      continue;
    }
    if (mu < 0) die("%s: pattern before the header", path);
    if (mu >= inst.p) die("%s: more patterns than the header declares", path);
    inst.labels[mu] = line[0] == '+' ? 1 : -1;
    const char *signs = line + 1;
    while (*signs == ' ' || *signs == '\t') signs++;
    for (int i = 0; i < inst.n; i++) {
      if (signs[i] != '+' && signs[i] != '-') die("%s: a pattern line has fewer than N entries", path);
      inst.patterns[(size_t)mu * inst.n + i] = signs[i] == '+' ? 1 : -1;
    }
    mu++;
  }
  if (mu != inst.p) die("%s: fewer patterns than the header declares", path);
  free(text);
  return inst;
}

typedef struct {
  int n, m;
  int32_t *start;    /* clause c: literals [start[c], start[c+1]) */
  int32_t *literals; /* signed 1-based (DIMACS) */
} Cnf;

static Cnf read_cnf(const char *path) {
  size_t length;
  char *text = read_file(path, &length);
  Cnf f = {0};
  int declared = -1, clause = 0;
  size_t used = 0, capacity = 0;
  char *cursor = text;
  while (*cursor) {
    while (*cursor == ' ' || *cursor == '\t' || *cursor == '\r' || *cursor == '\n') cursor++;
    if (*cursor == 0) break;
    if (*cursor == 'c' || *cursor == '%') {
      while (*cursor && *cursor != '\n') cursor++;
      continue;
    }
    if (*cursor == 'p') {
      if (sscanf(cursor, "p cnf %d %d", &f.n, &declared) != 2) die("%s: expected the header \"p cnf <N> <M>\"", path);
      f.start = xmalloc(sizeof(int32_t) * ((size_t)declared + 1));
      capacity = (size_t)declared * 3 + 16;
      f.literals = xmalloc(sizeof(int32_t) * capacity);
      while (*cursor && *cursor != '\n') cursor++;
      continue;
    }
    if (declared < 0) die("%s: clause before the header", path);
    char *end;
    long lit = strtol(cursor, &end, 10);
    if (end == cursor) die("%s: not an integer literal", path);
    cursor = end;
    if (lit == 0) {
      if (clause >= declared) die("%s: more clauses than the header declares", path);
      f.start[++clause] = (int32_t)used;
      continue;
    }
    if (lit > f.n || lit < -f.n) die("%s: a literal is out of range", path);
    if (used == capacity) {
      capacity *= 2;
      f.literals = realloc(f.literals, sizeof(int32_t) * capacity);
      if (!f.literals) die("out of memory reading %s", path);
    }
    f.literals[used++] = (int32_t)lit;
  }
  if (declared < 0) die("%s: no \"p cnf\" header", path);
  if (clause != declared) die("%s: fewer clauses than the header declares", path);
  f.m = declared;
  free(text);
  return f;
}

/* ---------------------------------------------------------------- SA on the perceptron */

typedef struct {
  int n, p;
  int8_t *eta; /* eta[i*p + mu] = sigma^mu xi_i^mu: weight i's column contiguous */
  int words;   /* words per column of eta_bits: ceil(p / 32) */
  uint32_t *eta_bits; /* bit mu % 32 of word i*words + mu/32 is 1 when eta = -1 (as perceptron.ts: Delta E reads these) */
  int8_t *w;
  int32_t *stab, *band, *band_pos;
  int band_size;
  int energy;
} SaState;

static SaState sa_new(const Perceptron *inst) {
  SaState s = {0};
  s.n = inst->n;
  s.p = inst->p;
  s.eta = xmalloc((size_t)s.n * (size_t)s.p);
  s.words = (s.p + 31) >> 5;
  s.eta_bits = xmalloc(sizeof(uint32_t) * ((size_t)s.n * (size_t)s.words + 1));
  for (int mu = 0; mu < s.p; mu++)
    for (int i = 0; i < s.n; i++) {
      const int e = inst->labels[mu] * inst->patterns[(size_t)mu * s.n + i];
      s.eta[(size_t)i * s.p + mu] = (int8_t)e;
      if (e < 0) s.eta_bits[(size_t)i * s.words + (mu >> 5)] |= 1u << (mu & 31);
    }
  s.w = xmalloc((size_t)s.n);
  s.stab = xmalloc(sizeof(int32_t) * ((size_t)s.p + 1));
  s.band = xmalloc(sizeof(int32_t) * ((size_t)s.p + 1));
  s.band_pos = xmalloc(sizeof(int32_t) * ((size_t)s.p + 1));
  return s;
}

static void sa_reset(SaState *s) {
  const int n = s->n, p = s->p;
  memset(s->stab, 0, sizeof(int32_t) * (size_t)p);
  for (int i = 0; i < n; i++) {
    const int w = s->w[i];
    const int8_t *col = s->eta + (size_t)i * p;
    for (int mu = 0; mu < p; mu++) s->stab[mu] += w * col[mu];
  }
  s->band_size = 0;
  s->energy = 0;
  for (int mu = 0; mu < p; mu++) {
    const int st = s->stab[mu];
    if (st <= 0) s->energy++;
    if (st >= -1 && st <= 2) {
      s->band_pos[mu] = s->band_size;
      s->band[s->band_size++] = mu;
    } else s->band_pos[mu] = -1;
  }
}

static void sa_randomize(SaState *s, Rng *r) {
  for (int i = 0; i < s->n; i++) s->w[i] = (int8_t)rng_sign(r);
  sa_reset(s);
}

static inline int sa_delta(const SaState *s, int i) {
  const uint32_t *column = s->eta_bits + (size_t)i * s->words;
  const int twice_w = 2 * s->w[i];
  int delta = 0;
  for (int b = 0; b < s->band_size; b++) {
    const int mu = s->band[b];
    const int st = s->stab[mu];
    const int moved = st - twice_w + 2 * twice_w * (int)((column[mu >> 5] >> (mu & 31)) & 1u);
    delta += (moved <= 0) - (st <= 0);
  }
  return delta;
}

static inline void sa_flip(SaState *s, int i, int delta) {
  const int p = s->p;
  const int8_t *col = s->eta + (size_t)i * p;
  const int twice_w = 2 * s->w[i];
  s->w[i] = (int8_t)-s->w[i];
  int band_size = s->band_size;
  for (int mu = 0; mu < p; mu++) {
    const int st = s->stab[mu] - twice_w * col[mu];
    s->stab[mu] = st;
    const int in_band = st >= -1 && st <= 2;
    const int position = s->band_pos[mu];
    if (in_band && position < 0) {
      s->band_pos[mu] = band_size;
      s->band[band_size++] = mu;
    } else if (!in_band && position >= 0) {
      const int last = s->band[--band_size];
      s->band[position] = last;
      s->band_pos[last] = position;
      s->band_pos[mu] = -1;
    }
  }
  s->band_size = band_size;
  s->energy += delta;
}

/* One sweep of n Metropolis attempts at beta (metropolis.ts); returns the attempts (fewer if E reached 0).
   exp(-beta dE) is computed once per sweep for dE < 64 (NaN marks "not yet"), as metropolis.ts does. */
static int sa_sweep(SaState *s, double beta, Rng *r) {
  const int size = s->n;
  double acceptance[64];
  for (int d = 0; d < 64; d++) acceptance[d] = NAN;
  for (int attempt = 0; attempt < size; attempt++) {
    const int j = (int)rng_int(r, (uint32_t)size);
    const int delta = sa_delta(s, j);
    int accept = delta <= 0;
    if (!accept) {
      double threshold;
      if (delta < 64) {
        threshold = acceptance[delta];
        if (threshold != threshold) threshold = acceptance[delta] = exp(-beta * delta);
      } else threshold = exp(-beta * delta);
      accept = rng_float(r) < threshold;
    }
    if (accept) {
      sa_flip(s, j, delta);
      if (s->energy == 0) return attempt + 1;
    }
  }
  return size;
}

/* ---------------------------------------------------------------- FMS on K-SAT */

typedef struct {
  int n, kept, uniform, empty;
  int8_t *values;
  int32_t *cstart, *cvar;   /* normalised clauses: distinct 0-based variables */
  int32_t *ostart, *occ;    /* occurrences: (clause << 1) | positive */
  int32_t *count;           /* true literals per clause */
  int32_t *unsat, *unsat_pos;
  int unsat_count;
  double *acceptance;       /* eta^d */
} Fms;

static Fms fms_new(const Cnf *f, double eta) {
  Fms s = {0};
  const int n = f->n, m = f->m;
  s.n = n;
  s.values = xmalloc((size_t)n);
  int32_t *mark = xmalloc(sizeof(int32_t) * ((size_t)n + 1));
  int8_t *mark_sign = xmalloc((size_t)n + 1);
  const size_t total = (size_t)f->start[m];
  s.cstart = xmalloc(sizeof(int32_t) * ((size_t)m + 1));
  s.cvar = xmalloc(sizeof(int32_t) * (total + 1));
  uint8_t *positive = xmalloc(total + 1);
  int kept = 0, length = 0;
  for (int c = 0; c < m; c++) {
    const int first = length;
    int tautology = 0;
    for (int j = f->start[c]; j < f->start[c + 1]; j++) {
      const int lit = f->literals[j];
      const int v = abs(lit) - 1;
      const int sign = lit > 0 ? 1 : -1;
      if (mark[v] == c + 1) {
        if (mark_sign[v] != sign) tautology = 1;
        continue;
      }
      mark[v] = c + 1;
      mark_sign[v] = (int8_t)sign;
      s.cvar[length] = v;
      positive[length] = lit > 0;
      length++;
    }
    if (tautology) length = first;
    else if (length == first) s.empty++;
    else s.cstart[++kept] = length;
  }
  s.kept = kept;
  int uniform = kept > 0 ? s.cstart[1] - s.cstart[0] : 0;
  for (int c = 0; c < kept; c++)
    if (s.cstart[c + 1] - s.cstart[c] != uniform) uniform = 0;
  s.uniform = uniform;
  s.ostart = xmalloc(sizeof(int32_t) * ((size_t)n + 1));
  for (int j = 0; j < length; j++) s.ostart[s.cvar[j] + 1]++;
  int max_degree = 0;
  for (int v = 0; v < n; v++) {
    if (s.ostart[v + 1] > max_degree) max_degree = s.ostart[v + 1];
    s.ostart[v + 1] += s.ostart[v];
  }
  s.occ = xmalloc(sizeof(int32_t) * ((size_t)length + 1));
  int32_t *fill = xmalloc(sizeof(int32_t) * ((size_t)n + 1));
  memcpy(fill, s.ostart, sizeof(int32_t) * (size_t)n);
  for (int c = 0; c < kept; c++)
    for (int j = s.cstart[c]; j < s.cstart[c + 1]; j++) s.occ[fill[s.cvar[j]]++] = (c << 1) | positive[j];
  s.count = xmalloc(sizeof(int32_t) * ((size_t)kept + 1));
  s.unsat = xmalloc(sizeof(int32_t) * ((size_t)kept + 1));
  s.unsat_pos = xmalloc(sizeof(int32_t) * ((size_t)kept + 1));
  s.acceptance = xmalloc(sizeof(double) * ((size_t)max_degree + 1));
  for (int d = 0; d <= max_degree; d++) s.acceptance[d] = pow(eta, d);
  free(mark);
  free(mark_sign);
  free(positive);
  free(fill);
  return s;
}

static void fms_reset(Fms *s) {
  memset(s->count, 0, sizeof(int32_t) * (size_t)s->kept);
  for (int v = 0; v < s->n; v++) {
    const int bit = s->values[v] > 0;
    for (int o = s->ostart[v]; o < s->ostart[v + 1]; o++)
      if ((s->occ[o] & 1) == bit) s->count[s->occ[o] >> 1]++;
  }
  int count = 0;
  for (int c = 0; c < s->kept; c++)
    if (s->count[c] == 0) {
      s->unsat[count] = c;
      s->unsat_pos[c] = count++;
    }
  s->unsat_count = count;
}

static void fms_randomize(Fms *s, Rng *r) {
  for (int v = 0; v < s->n; v++) s->values[v] = (int8_t)rng_sign(r);
  fms_reset(s);
}

/* Up to `limit` FMS steps (search.ts run()); returns the attempted flips. */
static long fms_run(Fms *s, long limit, Rng *r) {
  const int uniform = s->uniform;
  int32_t *count = s->count, *unsat = s->unsat, *unsat_pos = s->unsat_pos, *occ = s->occ, *ostart = s->ostart, *cvar = s->cvar;
  int8_t *values = s->values;
  int unsat_count = s->unsat_count;
  long attempts = 0;
  while (attempts < limit && unsat_count > 0) {
    attempts++;
    int v;
    if (uniform > 0) {
      const uint32_t x = rng_int(r, (uint32_t)unsat_count * (uint32_t)uniform);
      const uint32_t q = x / (uint32_t)uniform;
      v = cvar[unsat[q] * uniform + (int)(x - q * (uint32_t)uniform)];
    } else {
      const int c = unsat[rng_int(r, (uint32_t)unsat_count)];
      const int first = s->cstart[c];
      v = cvar[first + (int)rng_int(r, (uint32_t)(s->cstart[c + 1] - first))];
    }
    const int bit = values[v] > 0;
    const int o0 = ostart[v], o1 = ostart[v + 1];
    int delta = 0;
    for (int o = o0; o < o1; o++) {
      const int e = occ[o];
      const int c = count[e >> 1];
      if ((e & 1) == bit) {
        if (c == 1) delta++;
      } else if (c == 0) delta--;
    }
    if (delta > 0 && rng_float(r) >= s->acceptance[delta]) continue;
    values[v] = (int8_t)(bit ? -1 : 1);
    for (int o = o0; o < o1; o++) {
      const int e = occ[o];
      const int d = e >> 1;
      if ((e & 1) == bit) {
        if (--count[d] == 0) {
          unsat[unsat_count] = d;
          unsat_pos[d] = unsat_count++;
        }
      } else if (count[d]++ == 0) {
        const int p = unsat_pos[d];
        const int last = unsat[--unsat_count];
        unsat[p] = last;
        unsat_pos[last] = p;
      }
    }
  }
  s->unsat_count = unsat_count;
  return attempts;
}

/* `chunk` attempted flips, starting over from a random assignment whenever the formula is solved (FlipStep.run() of
   plugins/fms/src/kernels.ts); returns the flips made. */
static long fms_chunk(Fms *s, long chunk, Rng *r) {
  long work = 0;
  while (work < chunk) {
    work += fms_run(s, chunk - work, r);
    if (s->unsat_count == 0) {
      fms_randomize(s, r);
      if (s->unsat_count == 0) break;
    }
  }
  return work;
}

/* ---------------------------------------------------------------- fBP on the perceptron */

#define FIELD_MAX 30.0
#define MIN_VARIANCE 1e-12

static inline double clamp_field(double h) { return h > FIELD_MAX ? FIELD_MAX : h < -FIELD_MAX ? -FIELD_MAX : h; }

/* log erfc(z) from the Numerical Recipes Chebyshev fit in log form (packages/bp/src/special.ts). */
static inline double log_erfc(double z) {
  const double x = z < 0 ? -z : z;
  const double t = 1 / (1 + 0.5 * x);
  const double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const double log_abs = log(t) - x * x + poly;
  return z >= 0 ? log_abs : log(2 - exp(log_abs));
}

static inline double one_plus_erf(double x) {
  const double a = x < 0 ? -x : x;
  const double t = 1 / (1 + 0.5 * a);
  const double e = t * exp(-a * a - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x < 0 ? e : 2 - e;
}

typedef struct {
  int n, p;
  int8_t *eta;        /* pattern-major: eta[mu*n + i] */
  double *messages;   /* u_{mu->i}, pattern-major */
  double *focusing, *total, *cavity;
  int32_t *order;
} Fbp;

static Fbp fbp_new(const Perceptron *inst) {
  Fbp b = {0};
  b.n = inst->n;
  b.p = inst->p;
  const size_t np = (size_t)b.n * (size_t)b.p;
  b.eta = xmalloc(np + 1);
  for (int mu = 0; mu < b.p; mu++)
    for (int i = 0; i < b.n; i++) b.eta[(size_t)mu * b.n + i] = (int8_t)(inst->labels[mu] * inst->patterns[(size_t)mu * b.n + i]);
  b.messages = xmalloc(sizeof(double) * (np + 1));
  b.focusing = xmalloc(sizeof(double) * (size_t)b.n);
  b.total = xmalloc(sizeof(double) * (size_t)b.n);
  b.cavity = xmalloc(sizeof(double) * (size_t)b.n);
  b.order = xmalloc(sizeof(int32_t) * ((size_t)b.n + (size_t)b.p));
  return b;
}

static void fbp_init(Fbp *b, Rng *r, double randfact) {
  const size_t np = (size_t)b->n * (size_t)b->p;
  for (size_t j = 0; j < np; j++) b->messages[j] = atanh(randfact * (2 * rng_float(r) - 1));
  memset(b->focusing, 0, sizeof(double) * (size_t)b->n);
  for (int i = 0; i < b->n; i++) b->total[i] = 0;
  for (int mu = 0; mu < b->p; mu++)
    for (int i = 0; i < b->n; i++) b->total[i] += b->messages[(size_t)mu * b->n + i];
}

static double fbp_factor(Fbp *b, int mu, double damping) {
  const int n = b->n;
  const int8_t *eta = b->eta + (size_t)mu * n;
  double *msg = b->messages + (size_t)mu * n, *total = b->total, *cavity = b->cavity;
  double mean = 0, variance = 0;
  for (int k = 0; k < n; k++) {
    const double m = tanh(total[k] - msg[k]);
    cavity[k] = m;
    mean += eta[k] * m;
    variance += 1 - m * m;
  }
  double max_change = 0;
  for (int i = 0; i < n; i++) {
    const double m = cavity[i];
    const int e = eta[i];
    const double mean_without = mean - e * m;
    double var_without = variance - (1 - m * m);
    if (var_without < MIN_VARIANCE) var_without = MIN_VARIANCE;
    const double scale = 1 / sqrt(2 * var_without);
    const double xp = (mean_without + e) * scale, xm = (mean_without - e) * scale;
    double next = xp > -20 && xm > -20 ? clamp_field(0.5 * log(one_plus_erf(xp) / one_plus_erf(xm))) : clamp_field(0.5 * (log_erfc(-xp) - log_erfc(-xm)));
    const double old = msg[i];
    if (damping > 0) next = (1 - damping) * next + damping * old;
    const double field_change = next > old ? next - old : old - next;
    if (field_change > max_change) {
      const double change = fabs(tanh(next) - tanh(old));
      if (change > max_change) max_change = change;
    }
    msg[i] = next;
    total[i] += next - old;
  }
  return max_change;
}

static double fbp_focusing(Fbp *b, int i, double r, double tanh_gamma, double damping) {
  const double old = b->focusing[i];
  const double from_factors = b->total[i] - old;
  double next;
  if (r == 0 || tanh_gamma == 0) next = 0;
  else if (tanh_gamma == 1) next = clamp_field(r * from_factors);
  else next = clamp_field(atanh(tanh_gamma * tanh(r * clamp_field(atanh(tanh_gamma * tanh(from_factors))))));
  if (damping > 0) next = (1 - damping) * next + damping * old;
  b->focusing[i] = next;
  b->total[i] += next - old;
  return fabs(tanh(next) - tanh(old));
}

/* Factor and focusing nodes in one random order (focusing.ts sweep()); returns the largest change. */
static double fbp_sweep(Fbp *b, Rng *rng, double r, double tanh_gamma, double damping) {
  const int size = b->p + b->n;
  for (int j = 0; j < size; j++) b->order[j] = j;
  rng_shuffle(rng, b->order, size);
  double max_change = 0;
  for (int j = 0; j < size; j++) {
    const int node = b->order[j];
    const double change = node < b->p ? fbp_factor(b, node, damping) : fbp_focusing(b, node - b->p, r, tanh_gamma, damping);
    if (change > max_change) max_change = change;
  }
  return max_change;
}

static int perceptron_energy(const Perceptron *inst, const int8_t *w) {
  int violated = 0;
  for (int mu = 0; mu < inst->p; mu++) {
    long s = 0;
    const int8_t *row = inst->patterns + (size_t)mu * inst->n;
    for (int i = 0; i < inst->n; i++) s += row[i] * w[i];
    if (inst->labels[mu] * s <= 0) violated++;
  }
  return violated;
}

/* ---------------------------------------------------------------- command line */

typedef struct {
  const char *mode, *kernel, *file;
  uint64_t seed;
  double time_s;
  long sweeps, restarts, flips, calls, max_sweeps;
  double beta0, beta1, beta, eta, step, epsilon, damping, randfact, ms;
  int has_state;
  uint32_t state[4];
} Options;

static double number_arg(const char *name, const char *value) {
  char *end;
  const double x = strtod(value, &end);
  if (end == value || *end) die("bad number for %s", name);
  return x;
}

static Options parse(int argc, char **argv) {
  Options o = {0};
  o.time_s = 1e9;
  o.sweeps = 20000;
  o.restarts = 1;
  o.flips = -1;
  o.max_sweeps = 10;
  o.beta0 = 5;
  o.beta1 = 7;
  o.beta = -1;
  o.eta = 0.37;
  o.step = 0.01;
  o.epsilon = 1e-3;
  o.damping = 0.5;
  o.randfact = 0.01;
  if (argc < 3) die("%s", "usage: native-ref <sa|fms|fbp> <file> [options] | native-ref bench <sa|fms|fbp> <file> --state a,b,c,d (--calls K | --ms T)");
  int a = 1;
  o.mode = argv[a++];
  if (strcmp(o.mode, "bench") == 0) {
    o.kernel = argv[a++];
    if (a >= argc) die("%s", "bench: missing the instance file");
  }
  o.file = argv[a++];
  for (; a < argc; a++) {
    char *arg = argv[a];
    char *value = strchr(arg, '=');
    if (value) *value++ = 0;
    else if (a + 1 < argc) value = argv[++a];
    else die("missing value for %s", arg);
    if (!strcmp(arg, "--seed")) o.seed = (uint64_t)number_arg(arg, value);
    else if (!strcmp(arg, "--time")) o.time_s = number_arg(arg, value);
    else if (!strcmp(arg, "--sweeps")) o.sweeps = (long)number_arg(arg, value);
    else if (!strcmp(arg, "--restarts")) o.restarts = (long)number_arg(arg, value);
    else if (!strcmp(arg, "--flips")) o.flips = (long)number_arg(arg, value);
    else if (!strcmp(arg, "--beta0")) o.beta0 = number_arg(arg, value);
    else if (!strcmp(arg, "--beta1")) o.beta1 = number_arg(arg, value);
    else if (!strcmp(arg, "--beta")) o.beta = number_arg(arg, value);
    else if (!strcmp(arg, "--eta")) o.eta = number_arg(arg, value);
    else if (!strcmp(arg, "--step")) o.step = number_arg(arg, value);
    else if (!strcmp(arg, "--max-sweeps")) o.max_sweeps = (long)number_arg(arg, value);
    else if (!strcmp(arg, "--epsilon")) o.epsilon = number_arg(arg, value);
    else if (!strcmp(arg, "--damping")) o.damping = number_arg(arg, value);
    else if (!strcmp(arg, "--randfact")) o.randfact = number_arg(arg, value);
    else if (!strcmp(arg, "--calls")) o.calls = (long)number_arg(arg, value);
    else if (!strcmp(arg, "--ms")) o.ms = number_arg(arg, value);
    else if (!strcmp(arg, "--state")) {
      unsigned long w[4];
      if (sscanf(value, "%lu,%lu,%lu,%lu", &w[0], &w[1], &w[2], &w[3]) != 4) die("--state: expected four 32-bit words a,b,c,d, got %s", value);
      for (int i = 0; i < 4; i++) o.state[i] = (uint32_t)w[i];
      o.has_state = 1;
    } else die("unknown option %s", arg);
  }
  return o;
}

static void print_weights(const int8_t *w, int n) {
  fputs("w ", stdout);
  for (int i = 0; i < n; i++) putchar(w[i] > 0 ? '+' : '-');
  putchar('\n');
}

static int run_sa(const Options *o) {
  const Perceptron inst = read_perceptron(o->file);
  Rng rng;
  rng_seed(&rng, o->seed);
  SaState s = sa_new(&inst);
  int8_t *best = xmalloc((size_t)inst.n);
  int best_energy = inst.p + 1;
  double attempts = 0;
  const double deadline = now_seconds() + o->time_s;
  for (long restart = 0; restart < o->restarts && best_energy > 0; restart++) {
    sa_randomize(&s, &rng);
    for (long t = 0; t < o->sweeps && s.energy > 0; t++) {
      const double beta = o->sweeps <= 1 ? o->beta1 : o->beta0 * pow(o->beta1 / o->beta0, (double)t / (double)(o->sweeps - 1));
      attempts += sa_sweep(&s, beta, &rng);
      if (s.energy < best_energy) {
        best_energy = s.energy;
        memcpy(best, s.w, (size_t)inst.n);
      }
      if (now_seconds() > deadline) break;
    }
    if (s.energy < best_energy) {
      best_energy = s.energy;
      memcpy(best, s.w, (size_t)inst.n);
    }
    if (now_seconds() > deadline) break;
  }
  printf("c energy %d\nc work %.6g\n", best_energy, attempts / inst.n);
  print_weights(best, inst.n);
  return 0;
}

static int run_fms(const Options *o) {
  const Cnf f = read_cnf(o->file);
  Rng rng;
  rng_seed(&rng, o->seed);
  Fms s = fms_new(&f, o->eta);
  fms_randomize(&s, &rng);
  const long budget = o->flips >= 0 ? o->flips : 1000L * f.n * (long)f.n;
  const double deadline = now_seconds() + o->time_s;
  long done = 0;
  while (done < budget && s.unsat_count > 0 && now_seconds() < deadline) {
    const long chunk = budget - done < 100000 ? budget - done : 100000;
    done += fms_run(&s, chunk, &rng);
  }
  printf("c work %ld\n", done);
  if (s.unsat_count == 0 && s.empty == 0) {
    puts("s SATISFIABLE");
    for (int v = 0; v < f.n; v++) printf("%s%d%s", v % 10 == 0 ? "v " : " ", s.values[v] > 0 ? v + 1 : -(v + 1), v % 10 == 9 ? "\n" : "");
    puts(f.n % 10 == 0 ? "v 0" : " 0");
  } else puts("s UNKNOWN");
  return 0;
}

static int run_fbp(const Options *o) {
  const Perceptron inst = read_perceptron(o->file);
  Rng rng;
  rng_seed(&rng, o->seed);
  Fbp b = fbp_new(&inst);
  fbp_init(&b, &rng, o->randfact);
  int8_t *w = xmalloc((size_t)inst.n), *best = xmalloc((size_t)inst.n);
  int best_energy = inst.p + 1;
  long sweeps = 0;
  const double deadline = now_seconds() + o->time_s;
  /* Standard protocol: x = 0, step, ..., 1 - step; gamma = inf, y = 1/(1 - x), so r = y - 1 and tanh gamma = 1. */
  const long steps = (long)floor((1 - o->step) / o->step + 1e-9) + 1;
  for (long k = 0; k < steps && best_energy > 0 && now_seconds() < deadline; k++) {
    const double x = k * o->step;
    const double r = 1 / (1 - x) - 1;
    double change = INFINITY;
    for (long s = 0; s < o->max_sweeps && change >= o->epsilon && now_seconds() < deadline; s++) {
      change = fbp_sweep(&b, &rng, r, 1, o->damping);
      sweeps++;
    }
    for (int i = 0; i < inst.n; i++) w[i] = b.total[i] >= 0 ? 1 : -1;
    const int e = perceptron_energy(&inst, w);
    if (e < best_energy) {
      best_energy = e;
      memcpy(best, w, (size_t)inst.n);
    }
  }
  printf("c energy %d\nc work %ld\n", best_energy, sweeps);
  print_weights(best, inst.n);
  return 0;
}

/* The TypeScript kernels' prepare() and run(), call for call (plugins/sa, plugins/fms, plugins/fbp kernels). */
static int run_bench(const Options *o) {
  if (!o->has_state) die("%s", "bench needs --state a,b,c,d (the TypeScript kernel's generator state)");
  if (o->calls <= 0 && o->ms <= 0) die("%s", "bench needs --calls K or --ms T");
  Rng rng = {{o->state[0], o->state[1], o->state[2], o->state[3]}};
  SaState sa;
  Fms fms;
  Fbp fbp;
  Perceptron inst;
  Cnf cnf;
  int kind;
  double beta = o->beta > 0 ? o->beta : o->beta1;
  long chunk = 0;
  if (!strcmp(o->kernel, "sa")) {
    kind = 0;
    inst = read_perceptron(o->file);
    sa = sa_new(&inst);
    sa_randomize(&sa, &rng);
    for (int k = 0; k < 20; k++) { /* RELAXATION_SWEEPS of plugins/sa/src/kernels.ts */
      sa_sweep(&sa, beta, &rng);
      if (sa.energy == 0) sa_randomize(&sa, &rng);
    }
  } else if (!strcmp(o->kernel, "fms")) {
    kind = 1;
    cnf = read_cnf(o->file);
    fms = fms_new(&cnf, o->eta);
    chunk = cnf.n > 1 ? cnf.n : 1;
    fms_randomize(&fms, &rng);
    for (int k = 0; k < 20; k++) fms_chunk(&fms, chunk, &rng); /* RELAXATION_FLIPS_PER_VARIABLE of plugins/fms/src/kernels.ts */
  } else if (!strcmp(o->kernel, "fbp")) {
    kind = 2;
    inst = read_perceptron(o->file);
    fbp = fbp_new(&inst);
    fbp_init(&fbp, &rng, o->randfact);
  } else die("unknown kernel %s (sa, fms or fbp)", o->kernel);

  double work = 0;
  long calls = 0;
  const double start = now_seconds();
  const double stop = start + o->ms / 1000;
  while (o->calls > 0 ? calls < o->calls : now_seconds() < stop) {
    if (kind == 0) {
      work += sa_sweep(&sa, beta, &rng);
      if (sa.energy == 0) sa_randomize(&sa, &rng);
    } else if (kind == 1) {
      work += fms_chunk(&fms, chunk, &rng);
    } else {
      fbp_sweep(&fbp, &rng, 1, 1, o->damping);
      work += 1;
    }
    calls++;
  }
  const double seconds = now_seconds() - start;
  double checksum = 0;
  if (kind == 0) checksum = sa.energy;
  else if (kind == 1) checksum = fms.unsat_count + fms.empty;
  else
    for (int i = 0; i < fbp.n; i++) checksum += fabs(fbp.total[i]);
  printf("{\"calls\":%ld,\"work\":%.17g,\"seconds\":%.9g,\"checksum\":%.17g}\n", calls, work, seconds, checksum);
  return 0;
}

int main(int argc, char **argv) {
  const Options o = parse(argc, argv);
  if (!strcmp(o.mode, "sa")) return run_sa(&o);
  if (!strcmp(o.mode, "fms")) return run_fms(&o);
  if (!strcmp(o.mode, "fbp")) return run_fbp(&o);
  if (!strcmp(o.mode, "bench")) return run_bench(&o);
  die("unknown mode %s (sa, fms, fbp or bench)", o.mode);
  return 2;
}
