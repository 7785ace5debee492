// The C baseline of issue #19's speed figure: out[i] = z[i]*w[i] + 1j over n double
// complex elements, the loop numkit's `numkit bench --expr 'z*w + 1j' --dtype
// complex128` times. Build and run (2 threads, as numkit's --threads 2):
//
//   gcc -O3 -march=native -fopenmp -ffast-math -o /tmp/cmuladd bench/c/cmuladd.c
//   OMP_NUM_THREADS=2 /tmp/cmuladd 20000000 15
//
// It prints the median, minimum and maximum of the repeats in seconds. The inputs are
// uniform in [0, 1) in both parts (numkit bench's inputs); the output is written into
// one array allocated and touched once, as numkit's EvalInto writes its destination.
// -ffast-math makes the product the naive (ac - bd) + (ad + bc)j, without C99
// Annex G's recovery of infinities, as numkit and NumPy compute it.
#include <complex.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b) {
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv) {
	long n = argc > 1 ? atol(argv[1]) : 20000000;
	int reps = argc > 2 ? atoi(argv[2]) : 15;
	double complex *z = malloc(n * sizeof *z), *w = malloc(n * sizeof *w), *out = malloc(n * sizeof *out);
	double *t = malloc(reps * sizeof *t);
	if (!z || !w || !out || !t || reps < 1) {
		fprintf(stderr, "cmuladd: out of memory or bad arguments\n");
		return 1;
	}
	unsigned long long s = 88172645463325252ULL; // xorshift64
#define NEXT() (s ^= s << 13, s ^= s >> 7, s ^= s << 17, (double)(s >> 11) * 0x1p-53)
	for (long i = 0; i < n; i++) {
		double a = NEXT(), b = NEXT(), c = NEXT(), d = NEXT();
		z[i] = a + b * I;
		w[i] = c + d * I;
	}
#pragma omp parallel for schedule(static)
	for (long i = 0; i < n; i++)
		out[i] = 0;
	for (int r = -1; r < reps; r++) { // one warm-up
		double t0 = omp_get_wtime();
#pragma omp parallel for schedule(static)
		for (long i = 0; i < n; i++)
			out[i] = z[i] * w[i] + I;
		double dt = omp_get_wtime() - t0;
		if (r >= 0)
			t[r] = dt;
	}
	double check = 0;
	for (long i = 0; i < n; i += n / 7 + 1)
		check += creal(out[i]) + cimag(out[i]);
	qsort(t, reps, sizeof *t, cmp);
	printf("n=%ld threads=%d repeats=%d median %.6f s min %.6f s max %.6f s (check %g)\n", n,
	       omp_get_max_threads(), reps, reps % 2 ? t[reps / 2] : (t[reps / 2 - 1] + t[reps / 2]) / 2, t[0],
	       t[reps - 1], check);
	return 0;
}
