using FaceVerify.Core;
using FaceVerify.Core.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli;

/// <summary>Builds the service provider every command uses: appsettings.json beside the binary, then the environment.</summary>
internal static class CliHost
{
    public static ServiceProvider Build(Action<IDictionary<string, string?>>? overrides = null)
    {
        var extra = new Dictionary<string, string?>();
        overrides?.Invoke(extra);
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(extra)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFaceVerifyCore(configuration).AddFaceVerifyReporting(configuration.GetSection("FaceVerify"));
        return services.BuildServiceProvider();
    }
}
