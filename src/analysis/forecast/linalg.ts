/** The little dense linear algebra the regressions need: symmetric positive-definite systems. */

export type Matrix = Float64Array[];

export function zeros(n: number): Matrix {
  return Array.from({ length: n }, () => new Float64Array(n));
}

/** Lower-triangular L with A = L·Lᵀ, or null when A is not positive definite. */
export function cholesky(a: Matrix): Matrix | null {
  const n = a.length;
  const l = zeros(n);
  for (let i = 0; i < n; i++) {
    const li = l[i] ?? new Float64Array(n);
    for (let j = 0; j <= i; j++) {
      const lj = l[j] ?? new Float64Array(n);
      let sum = a[i]?.[j] ?? 0;
      for (let k = 0; k < j; k++) sum -= (li[k] ?? 0) * (lj[k] ?? 0);
      if (i === j) {
        if (!(sum > 0)) return null;
        li[i] = Math.sqrt(sum);
      } else {
        li[j] = sum / (lj[j] ?? 1);
      }
    }
  }
  return l;
}

/** Solves L·Lᵀ·x = b. */
export function choleskySolve(l: Matrix, b: ArrayLike<number>): Float64Array {
  const n = l.length;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i] ?? 0;
    for (let k = 0; k < i; k++) sum -= (l[i]?.[k] ?? 0) * (y[k] ?? 0);
    y[i] = sum / (l[i]?.[i] ?? 1);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i] ?? 0;
    for (let k = i + 1; k < n; k++) sum -= (l[k]?.[i] ?? 0) * (x[k] ?? 0);
    x[i] = sum / (l[i]?.[i] ?? 1);
  }
  return x;
}

/** A⁻¹ from A's Cholesky factor (the covariance of fitted coefficients). */
export function choleskyInverse(l: Matrix): Matrix {
  const n = l.length;
  const columns = Array.from({ length: n }, (_, j) => {
    const unit = new Float64Array(n);
    unit[j] = 1;
    return choleskySolve(l, unit);
  });
  return Array.from({ length: n }, (_, i) => Float64Array.from(columns, (c) => c[i] ?? 0));
}
