using System.Text.Json;

namespace FaceVerify.Core.Models;

/// <summary>models/manifest.json: where each model comes from and the sha256 it must have.</summary>
public sealed record ModelManifest(string ModelSet, IReadOnlyList<ModelEntry> Models)
{
    /// <summary>Small weights of our own (trained here, committed under models/), each with its hash and how it was made.</summary>
    public IReadOnlyList<TrainedWeightsEntry> Trained { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static ModelManifest Load(string path) =>
        JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"model manifest {path} is empty");
}

public sealed record ModelEntry(string Id, string File, string Package, string PathInPackage, string Sha256, string Licence);

/// <summary>A weights file we trained: <see cref="File"/> is relative to the models folder beside the manifest.</summary>
public sealed record TrainedWeightsEntry(string Id, string File, string Sha256, string TrainingCommand, IReadOnlyList<string> Data);
