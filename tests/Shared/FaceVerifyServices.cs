using FaceVerify.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Tests;

/// <summary>
/// One container per test class (xunit class fixture): the models load and their hashes are checked once.
/// Models come from FACEVERIFY_MODELS_DIR or models/onnx above the test binaries.
/// </summary>
public sealed class FaceVerifyServices : IDisposable
{
    private readonly ServiceProvider _provider;

    public FaceVerifyServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // Two cores: tests in parallel classes each get one intra-op thread.
                ["FaceVerify:Models:IntraOpThreads"] = "1",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFaceVerifyCore(configuration);
        _provider = services.BuildServiceProvider();
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}
