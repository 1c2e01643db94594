namespace FaceVerify.Cli.Training;

/// <summary>
/// Score-level fusion of two identity networks as one vector: [√(1−w)·a, √w·b] for unit vectors a and b has unit
/// length, and the cosine of two such vectors is (1−w)·cos(a) + w·cos(b). A mean of z-normalised cosines is the same
/// sum with another w plus a constant, which moves no decision once the threshold is re-placed, so a sweep over w
/// covers it.
/// </summary>
internal static class ScoreFusion
{
    public static float[] Fuse(float[] first, float[] second, double weight)
    {
        float a = (float)Math.Sqrt(1 - weight), b = (float)Math.Sqrt(weight);
        var fused = new float[first.Length + second.Length];
        for (var i = 0; i < first.Length; i++) fused[i] = a * first[i];
        for (var i = 0; i < second.Length; i++) fused[first.Length + i] = b * second[i];
        return fused;
    }
}
