using FaceVerify.Core.Models;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Tests.Models;

/// <summary>The service must refuse to start on a model whose bytes are not the ones the manifest pins.</summary>
public sealed class ModelCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faceverify-models-").FullName;

    [Fact]
    public void Verified_models_load_from_the_fetched_folder()
    {
        var catalog = new ModelCatalog(Options.Create(new ModelOptions()));
        Assert.Equal(File.ReadAllBytes(Path.Combine(catalog.Directory, "fr_eye.onnx")), catalog.VerifiedModelBytes("eyes"));
    }

    [Fact]
    public void A_model_with_another_hash_is_refused_by_name()
    {
        var bytes = new ModelCatalog(Options.Create(new ModelOptions())).VerifiedModelBytes("eyes");
        bytes[^1] ^= 0xFF;  // one flipped byte: same size, different file
        File.WriteAllBytes(Path.Combine(_folder, "fr_eye.onnx"), bytes);

        var catalog = new ModelCatalog(Options.Create(new ModelOptions { Directory = _folder }));
        var error = Assert.Throws<ModelFileException>(() => catalog.VerifiedModelBytes("eyes"));
        Assert.Contains("fr_eye.onnx", error.Message);
        Assert.Contains("sha256", error.Message);
    }

    [Fact]
    public void A_missing_model_is_refused_by_name()
    {
        var catalog = new ModelCatalog(Options.Create(new ModelOptions { Directory = _folder }));
        var error = Assert.Throws<ModelFileException>(() => catalog.VerifiedModelBytes("pose"));
        Assert.Contains("fr_pose.onnx", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
