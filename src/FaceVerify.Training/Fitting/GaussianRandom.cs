namespace FaceVerify.Cli.Training;

/// <summary>Standard normal draws from a seeded <see cref="Random"/> (Box–Muller), so seeded runs repeat exactly.</summary>
internal static class GaussianRandom
{
    public static double NextGaussian(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
