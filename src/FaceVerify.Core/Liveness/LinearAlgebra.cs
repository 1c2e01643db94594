namespace FaceVerify.Core.Liveness;

/// <summary>Small dense linear systems (the homography fit, the logistic regression's Newton step).</summary>
public static class LinearAlgebra
{
    /// <summary>Solves the n×n system in the augmented matrix <paramref name="m"/> (column n = right-hand side), with partial pivoting.</summary>
    public static double[] Solve(double[,] m, int n)
    {
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (pivot != col) for (var c = 0; c <= n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            var d = m[col, col];
            if (Math.Abs(d) < 1e-15) continue;
            for (var c = col; c <= n; c++) m[col, c] /= d;
            for (var r = 0; r < n; r++)
            {
                if (r == col || m[r, col] == 0) continue;
                var f = m[r, col];
                for (var c = col; c <= n; c++) m[r, c] -= f * m[col, c];
            }
        }
        var x = new double[n];
        for (var i = 0; i < n; i++) x[i] = m[i, n];
        return x;
    }
}
