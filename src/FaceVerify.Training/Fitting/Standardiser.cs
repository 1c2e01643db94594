namespace FaceVerify.Cli.Training;

/// <summary>Per-feature mean and spread of a training set; constant features get spread 1 so they stay harmless.</summary>
internal sealed record Standardiser(double[] Mean, double[] Scale)
{
    public static Standardiser Of(IReadOnlyList<double[]> rows)
    {
        var d = rows[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        foreach (var r in rows) for (var j = 0; j < d; j++) mean[j] += r[j];
        for (var j = 0; j < d; j++) mean[j] /= rows.Count;
        foreach (var r in rows) for (var j = 0; j < d; j++) scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
        for (var j = 0; j < d; j++)
        {
            var s = Math.Sqrt(scale[j] / rows.Count);
            scale[j] = s < 1e-9 ? 1 : s;
        }
        return new Standardiser(mean, scale);
    }

    public double[] Apply(double[] row)
    {
        var z = new double[row.Length];
        for (var j = 0; j < z.Length; j++) z[j] = (row[j] - Mean[j]) / Scale[j];
        return z;
    }
}
