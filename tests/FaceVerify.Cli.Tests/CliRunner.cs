using System.Diagnostics;
using System.Reflection;

namespace FaceVerify.Cli.Tests;

/// <summary>What one in-process run of <c>faceverify</c> printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public IEnumerable<string> JsonLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Runs the real entry point of faceverify.dll in this process, as the shell would (argument parsing, the
/// command's own container, exit code), with the console captured. An exception escaping it fails the test:
/// the CLI must answer every input with a code, never a stack trace.
/// </summary>
public static class CliRunner
{
    private static readonly MethodInfo EntryPoint = typeof(CliHost).Assembly.EntryPoint
        ?? throw new InvalidOperationException("faceverify has no entry point");

    public static CliRun Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var returned = EntryPoint.Invoke(null, [args]);
            var exit = returned is Task<int> task ? task.GetAwaiter().GetResult() : (int)returned!;
            return new CliRun(exit, stdout.ToString(), stderr.ToString(), Stopwatch.GetElapsedTime(started));
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}

/// <summary>The console is one per process: tests that run the CLI take turns.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection : ICollectionFixture<CliTempFolder>
{
    public const string Name = "faceverify CLI";
}

/// <summary>A scratch folder for the files the CLI reads, deleted after the collection.</summary>
public sealed class CliTempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("faceverify-cli-tests-").FullName;

    public string Write(string name, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
