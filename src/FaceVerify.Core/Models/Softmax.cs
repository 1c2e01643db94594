namespace FaceVerify.Core.Models;

public static class Softmax
{
    public static double[] Of(ReadOnlySpan<float> logits)
    {
        var max = float.MinValue;
        foreach (var l in logits) max = Math.Max(max, l);
        var result = new double[logits.Length];
        double sum = 0;
        for (var i = 0; i < logits.Length; i++) sum += result[i] = Math.Exp(logits[i] - max);
        for (var i = 0; i < result.Length; i++) result[i] /= sum;
        return result;
    }
}
