using System.Text.Json;

namespace FaceVerify.Core.Liveness;

/// <summary>
/// Our liveness head v2 (models/liveness/head-v2-guard.json, written by <c>faceverify train-liveness</c>): what it reads
/// (<see cref="LivenessInputLayout"/>: the passive network's log-odds and hidden layer at crop scales that stay
/// inside the picture, the presentation cues, the share of missing context) and one logistic regression per attack
/// family; the live log-odds is the lowest of the families'.
/// </summary>
public sealed record LivenessHeadWeights
{
    public const string ManifestId = "liveness-head";
    /// <summary>Fusion v1's family for prints photographed flat (CelebA-Spoof style), read by <see cref="PrintGuard"/>.</summary>
    public const string FlatPrintFamily = "print-photographed";
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, WriteIndented = false, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public required int Version { get; init; }
    public required LivenessInputLayout Layout { get; init; }
    public required AttackFamilyWeights[] Families { get; init; }
    /// <summary>Pictures missing less than this share of the 2.7× context are left to fusion v1; null: the head scores every picture.</summary>
    public double? Gate { get; init; }
    /// <summary>
    /// When set, the head's margin is capped at fusion v1's flat-print family margin (on the in-image crop) plus this
    /// shift: a face that fills the frame must also pass v1's print cues (at v1's own scale), since the head alone let
    /// tight prints through.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? PrintGuard { get; init; }
    /// <summary>The head's own log-odds thresholds (default, strict) chosen on training folds.</summary>
    public Dictionary<string, double> HeadThresholds { get; init; } = [];
    /// <summary>Score thresholds found on training folds (for the policies), with what they were chosen for.</summary>
    public Dictionary<string, double> OperatingPoints { get; init; } = [];
    public Dictionary<string, string> Training { get; init; } = [];

    public double Logit(ReadOnlySpan<double> input)
    {
        var lowest = double.PositiveInfinity;
        foreach (var family in Families) lowest = Math.Min(lowest, family.Logit(input));
        return lowest;
    }

    /// <summary>
    /// The head's log-odds as a margin over its default threshold, scaled so that its strict threshold lands at
    /// <paramref name="strictOffset"/> (fusion v1's strict margin): one policy threshold then means the same for both parts.
    /// </summary>
    /// <param name="flatPrintMargin">Fusion v1's flat-print family log-odds minus v1's default threshold; read only with <see cref="PrintGuard"/>.</param>
    public double HeadMargin(ReadOnlySpan<double> input, double strictOffset, double flatPrintMargin = double.PositiveInfinity)
    {
        double d = HeadThresholds["default"], s = HeadThresholds["strict"];
        var margin = Logit(input) - d;
        margin = s - d > 1e-6 ? margin * strictOffset / (s - d) : margin;
        return PrintGuard is { } k ? Math.Min(margin, flatPrintMargin + k) : margin;
    }

    public static LivenessHeadWeights Parse(byte[] json)
    {
        var weights = JsonSerializer.Deserialize<LivenessHeadWeights>(json, Json) ?? throw new InvalidDataException("empty liveness head weights");
        if (weights.Layout.Embedding) throw new InvalidDataException("liveness head weights read the embedding map, which the scorer does not measure");
        if (!weights.HeadThresholds.ContainsKey("default") || !weights.HeadThresholds.ContainsKey("strict"))
            throw new InvalidDataException("liveness head weights need default and strict head thresholds");
        if (weights.PrintGuard is not null && !weights.Layout.Scales.Contains(2.7f))
            throw new InvalidDataException("liveness head weights with a print guard must read the 2.7x crop (fusion v1's input)");
        var n = weights.Layout.Length(0);
        if (weights.Families.Length == 0 || weights.Families.Any(f => f.Mean.Length != n || f.Scale.Length != n || f.Coefficients.Length != n || f.Scale.Any(s => s <= 0)))
            throw new InvalidDataException($"liveness head weights: each family needs {n} means, scales and coefficients (scales positive)");
        return weights;
    }

    /// <summary>One line per array keeps the file diffable without making it tall.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";
}
