using System.Text.Json;

namespace FaceVerify.Core.Models;

/// <summary>models/manifest.json: where each model comes from and the sha256 it must have.</summary>
public sealed record ModelManifest(string ModelSet, IReadOnlyList<ModelEntry> Models)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static ModelManifest Load(string path) =>
        JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"model manifest {path} is empty");
}

public sealed record ModelEntry(string Id, string File, string Package, string PathInPackage, string Sha256, string Licence);
