using System.Text;
using System.Text.Json;
using FaceVerify.Core.Models;

namespace FaceVerify.Core.Occlusion;

/// <summary>One attribute's logistic head over the standardised features, and its cross-validated operating point.</summary>
public sealed record OcclusionHead(double[] Weights, double Bias, double Threshold)
{
    public double Probability(double[] standardised)
    {
        var z = Bias;
        for (var i = 0; i < Weights.Length; i++) z += Weights[i] * standardised[i];
        return 1 / (1 + Math.Exp(-z));
    }
}

/// <summary>The contents of models/attributes/occlusion-v3.json.</summary>
public sealed record OcclusionModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public required string Name { get; init; }
    /// <summary>Must equal <see cref="OcclusionFeatures.Layout"/>.</summary>
    public required string Layout { get; init; }
    public required double[] Mean { get; init; }
    public required double[] Scale { get; init; }
    public required OcclusionHead Mask { get; init; }
    public required OcclusionHead Sunglasses { get; init; }
    public required OcclusionHead HairOverEyes { get; init; }
    /// <summary>How it was trained and measured (command, data, cross-validated figures): for people, not code.</summary>
    public Dictionary<string, string> Notes { get; init; } = [];
    /// <summary>Pictures (relative to shared/data) kept out of training so tests can use them as unseen.</summary>
    public string[] HeldOut { get; init; } = [];

    public double[] Standardise(double[] features)
    {
        if (features.Length != Mean.Length) throw new ArgumentException($"expected {Mean.Length} features, got {features.Length}", nameof(features));
        var z = new double[features.Length];
        for (var i = 0; i < z.Length; i++) z[i] = (features[i] - Mean[i]) / Scale[i];
        return z;
    }

    public OcclusionReading Score(double[] features)
    {
        var z = Standardise(features);
        return new OcclusionReading(Mask.Probability(z), Sunglasses.Probability(z), HairOverEyes.Probability(z));
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// The weights file with that id in the manifest's trained list, hash-checked by the catalog; a changed, missing or
    /// unreadable file is a <see cref="ModelFileException"/> naming it, so the service stops at start-up.
    /// </summary>
    public static OcclusionModel Load(ModelCatalog catalog, string id)
    {
        var json = Encoding.UTF8.GetString(catalog.VerifiedTrainedBytes(id));
        try { return FromJson(json, $"trained weights '{id}'"); }
        catch (Exception ex) when (ex is InvalidDataException or JsonException)
        {
            throw new ModelFileException(ex.Message);
        }
    }

    public static OcclusionModel FromJson(string json, string source)
    {
        var model = JsonSerializer.Deserialize<OcclusionModel>(json, Json) ?? throw new InvalidDataException($"{source} is empty");
        if (model.Layout != OcclusionFeatures.Layout)
            throw new InvalidDataException($"{source} was trained on features '{model.Layout}', this build computes '{OcclusionFeatures.Layout}'");
        var n = model.Mean.Length;
        if (model.Scale.Length != n || new[] { model.Mask, model.Sunglasses, model.HairOverEyes }.Any(h => h.Weights.Length != n))
            throw new InvalidDataException($"{source}: weight vectors do not match the feature count {n}");
        return model;
    }
}
