namespace FaceVerify.Core.Liveness;

/// <summary>
/// Which measurements a liveness head reads, in order: for each crop scale the passive network's log-odds and
/// (optionally) its 128-d hidden layer, optionally the presentation cues, optionally the embedding network's
/// regional feature map, and optionally the share of the 2.7× context outside the picture. Shared by the
/// training code and the scorer, so both build the same vector.
/// </summary>
public sealed record LivenessInputLayout
{
    public required float[] Scales { get; init; }
    public bool Hidden { get; init; } = true;
    public bool Cues { get; init; } = true;
    public bool Embedding { get; init; }
    public bool MissingContext { get; init; } = true;
    /// <summary>Each hidden vector scaled to unit length: a camera's overall contrast and exposure move its length, not its direction.</summary>
    public bool UnitHidden { get; init; }

    public int Length(int embeddingLength) =>
        Scales.Length * (1 + (Hidden ? PassiveLivenessNetwork.HiddenSize : 0)) + (Cues ? PresentationCues.Names.Length : 0)
        + (Embedding ? embeddingLength : 0) + (MissingContext ? 1 : 0);

    /// <param name="passive">Per scale of <see cref="Scales"/>: log-odds followed by the hidden layer.</param>
    /// <param name="cues">The presentation cues (<see cref="PresentationCues.Names"/>) on the 2.7× crop inside the picture.</param>
    /// <param name="embedding">The embedding network's regional features; only read when <see cref="Embedding"/>.</param>
    /// <param name="missingContext">Share of the 2.7× context outside the picture (<see cref="LivenessCrop.MissingContext"/>).</param>
    public double[] Vector(IReadOnlyList<double[]> passive, double[] cues, float[]? embedding, double missingContext)
    {
        var v = new List<double>(Length(embedding?.Length ?? 0));
        for (var s = 0; s < Scales.Length; s++)
        {
            v.Add(passive[s][0]);
            if (!Hidden) continue;
            var norm = 0.0;
            for (var k = 1; k <= PassiveLivenessNetwork.HiddenSize; k++) norm += passive[s][k] * passive[s][k];
            var scale = UnitHidden && norm > 1e-12 ? 1 / Math.Sqrt(norm) : 1;
            for (var k = 1; k <= PassiveLivenessNetwork.HiddenSize; k++) v.Add(passive[s][k] * scale);
        }
        if (Cues) v.AddRange(cues);
        if (Embedding) v.AddRange((embedding ?? throw new ArgumentException("this layout reads the embedding's feature map", nameof(embedding))).Select(e => (double)e));
        if (MissingContext) v.Add(missingContext);
        return [.. v];
    }

    public string Describe() =>
        $"passive@[{string.Join(",", Scales.Select(s => s.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture)))}]{(Hidden ? UnitHidden ? "+unit hidden" : "+hidden" : " logit")}"
        + (Cues ? "+cues" : "") + (Embedding ? "+embedding map" : "") + (MissingContext ? "+missing context" : "");
}
