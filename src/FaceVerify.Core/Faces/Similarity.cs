namespace FaceVerify.Core.Faces;

/// <summary>Cosine similarity of L2-normalised embeddings (the reference's matchFeature always returns −1).</summary>
public static class Similarity
{
    public static float[] Normalise(float[] vector)
    {
        double sum = 0;
        foreach (var v in vector) sum += v * v;
        var norm = (float)Math.Sqrt(sum);
        if (norm < 1e-12f) return vector;
        var result = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++) result[i] = vector[i] / norm;
        return result;
    }

    public static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length) throw new ArgumentException("embeddings differ in length");
        double dot = 0;
        for (var i = 0; i < a.Length; i++) dot += a[i] * b[i];
        return dot;
    }
}
