using System.Text.Json;

namespace FaceVerify.Core.Liveness;

/// <summary>
/// Our fusion of the passive model and the presentation cues (models/liveness/fusion-v1.json, written by
/// <c>faceverify train-liveness</c>): one logistic regression per attack family (print, screen), because the
/// cues point opposite ways for the two (a print flattens the colour spread of skin, a screen widens it), and
/// the live log-odds is the lowest of the families': a face is live only when it is live against every family.
/// </summary>
public sealed record LivenessFusionWeights
{
    public const string ManifestId = "liveness-fusion";
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public required int Version { get; init; }
    public required string[] Features { get; init; }
    public required AttackFamilyWeights[] Families { get; init; }
    /// <summary>Fused-score thresholds found at training time (for the policies), with what they were chosen for.</summary>
    public Dictionary<string, double> OperatingPoints { get; init; } = [];
    /// <summary>Seed, regularisation and data of the training run, for the record.</summary>
    public Dictionary<string, string> Training { get; init; } = [];

    /// <summary>Log-odds of a live face for one feature vector (see <see cref="LivenessFeatures"/>).</summary>
    public double Logit(ReadOnlySpan<double> features)
    {
        var lowest = double.PositiveInfinity;
        foreach (var family in Families) lowest = Math.Min(lowest, family.Logit(features));
        return lowest;
    }

    public static LivenessFusionWeights Parse(byte[] json)
    {
        var weights = JsonSerializer.Deserialize<LivenessFusionWeights>(json, Json) ?? throw new InvalidDataException("empty liveness fusion weights");
        if (!weights.Features.SequenceEqual(LivenessFeatures.Names))
            throw new InvalidDataException($"liveness fusion weights use features [{string.Join(",", weights.Features)}], the code measures [{string.Join(",", LivenessFeatures.Names)}]");
        var n = weights.Features.Length;
        if (weights.Families.Length == 0 || weights.Families.Any(f => f.Mean.Length != n || f.Scale.Length != n || f.Coefficients.Length != n || f.Scale.Any(s => s <= 0)))
            throw new InvalidDataException("liveness fusion weights: each family needs mean, scale and coefficients matching the features, scales positive");
        return weights;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";
}

/// <summary>Live-versus-one-attack-family logistic regression on standardised features.</summary>
public sealed record AttackFamilyWeights
{
    public required string Name { get; init; }
    public required string[] Attacks { get; init; }
    public required double[] Mean { get; init; }
    public required double[] Scale { get; init; }
    public required double[] Coefficients { get; init; }
    public required double Intercept { get; init; }

    /// <summary>Standardised features are clipped to ±<see cref="Clip"/> first: one freak cue value (an overexposed web photo's glare) must not outvote the rest.</summary>
    public const double Clip = 3;

    public double Logit(ReadOnlySpan<double> features)
    {
        var z = Intercept;
        for (var i = 0; i < Coefficients.Length; i++) z += Coefficients[i] * Math.Clamp((features[i] - Mean[i]) / Scale[i], -Clip, Clip);
        return z;
    }
}
