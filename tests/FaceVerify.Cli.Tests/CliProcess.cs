using FaceVerify.Tests;
using System.Diagnostics;

namespace FaceVerify.Cli.Tests;

/// <summary>Runs the built <c>faceverify</c> as a separate process, exactly as a person would.</summary>
internal static class CliProcess
{
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "faceverify.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["FACEVERIFY_SHARED_DATA"] = SharedData.Root;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
