using System.Text.Json;
using FaceVerify.Tests;
using Xunit.Abstractions;

namespace FaceVerify.Cli.Tests;

/// <summary>
/// <c>eval --pairs CSV --json</c> on 60 LFW fold-1 pairs (the first 30 same and 30 different, in file order),
/// listed by absolute path in a CSV outside shared/data. The accuracy bound is a loose sanity check; the real
/// figures come from the full evaluation.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class EvalPairsTests(CliTempFolder folder, ITestOutputHelper output)
{
    [Fact]
    public void Eval_reports_every_field_and_separates_lfw_pairs()
    {
        var pairs = LfwPairs.First(fold: 1, perLabel: 30);
        var csv = folder.Write("lfw-60-pairs.csv", System.Text.Encoding.UTF8.GetBytes(
            "file_a,file_b,label\n" + string.Concat(pairs.Select(p => $"{p.FileA},{p.FileB},{(p.Same ? "same" : "different")}\n"))));

        var run = CliRunner.Run("eval", "--pairs", csv, "--json");

        output.WriteLine($"exit {run.ExitCode} in {run.Elapsed.TotalSeconds:0.0} s: {run.Stdout.Trim()}");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(Assert.Single(run.JsonLines));
        var root = json.RootElement;
        Assert.Equal(60, root.GetProperty("pairs").GetInt32());
        Assert.Equal(0, root.GetProperty("failures").GetInt32());
        var tar = root.GetProperty("tarAtFar");
        Assert.Equal(["0.01", "0.001"], tar.EnumerateObject().Select(p => p.Name));
        foreach (var p in tar.EnumerateObject()) Assert.InRange(p.Value.GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("eer").GetDouble(), 0, 0.1);
        Assert.InRange(root.GetProperty("threshold").GetDouble(), 0.05, 0.95);
        Assert.InRange(root.GetProperty("accuracyAtThreshold").GetDouble(), 0.9, 1);
    }

    [Fact]
    public void Eval_without_its_csv_is_a_usage_error()
    {
        var run = CliRunner.Run("eval", "--pairs", Path.Combine(folder.Path, "missing.csv"), "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Stderr);
    }
}
