using FaceVerify.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Core.Tests.Liveness;

/// <summary>The real core wiring (models from models/onnx or FACEVERIFY_MODELS_DIR), built once for the liveness tests.</summary>
public sealed class LivenessServices : IDisposable
{
    public LivenessServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaceVerify:IdPhotoCache:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFaceVerifyCore(configuration);
        Provider = services.BuildServiceProvider();
    }

    public ServiceProvider Provider { get; }

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    public void Dispose() => Provider.Dispose();
}
