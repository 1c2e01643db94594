using System.Text.Json;
using FaceVerify.Tests;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FaceVerify.Cli.Tests.Matching;

/// <summary>
/// <c>eval --pairs CSV --groups CSV --json</c> on 40 LFW fold-1 pairs: the first 10 same and 10 different pairs in
/// group "a", the next ones in group "b" (by file), so each group gets its own JSON line after the overall one.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class EvalGroupsCliTests(CliTempFolder folder, ITestOutputHelper output)
{
    [Fact]
    public void Eval_prints_one_line_per_group_with_far_and_tar_at_the_policy_threshold()
    {
        var pairs = LfwPairs.First(fold: 1, perLabel: 20).ToList();
        var pairsCsv = folder.Write("groups-pairs.csv", System.Text.Encoding.UTF8.GetBytes(
            "file_a,file_b,label\n" + string.Concat(pairs.Select(p => $"{p.FileA},{p.FileB},{(p.Same ? "same" : "different")}\n"))));
        var groupOf = new Dictionary<string, string>();
        foreach (var pair in pairs)
        {
            var group = pairs.Where(p => p.Same == pair.Same).ToList().IndexOf(pair) < 10 ? "a" : "b";
            groupOf.TryAdd(pair.FileA, group);
            groupOf.TryAdd(pair.FileB, group);
        }
        var groupsCsv = folder.Write("groups.csv", System.Text.Encoding.UTF8.GetBytes("file,group\n" + string.Concat(groupOf.Select(kv => $"{kv.Key},{kv.Value}\n"))));

        var run = CliRunner.Run("eval", "--pairs", pairsCsv, "--groups", groupsCsv, "--json");

        output.WriteLine(run.Stdout);
        Assert.Equal(0, run.ExitCode);
        var lines = run.JsonLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(40, lines[0].GetProperty("pairs").GetInt32());
        var groups = lines.Skip(1).ToList();
        Assert.Equal(["a", "b"], groups.Select(g => g.GetProperty("group").GetString()));
        foreach (var g in groups)
        {
            // A pair counts in a group only when both its pictures are there; a picture shared across groups drops its pair.
            Assert.InRange(g.GetProperty("genuinePairs").GetInt64() + g.GetProperty("impostorPairs").GetInt64(), 10, 20);
            Assert.Equal(DefaultMatchThreshold(), g.GetProperty("threshold").GetDouble());
            Assert.InRange(g.GetProperty("farAtThreshold").GetDouble(), 0, 0.1);
            Assert.InRange(g.GetProperty("tarAtThreshold").GetDouble(), 0.8, 1);
            Assert.Equal([0.001, 0.0001], g.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("far").GetDouble()));
        }
    }

    [Fact]
    public void Calibrate_match_with_a_missing_groups_csv_is_a_usage_error()
    {
        var labels = folder.Write("labels-one.csv", System.Text.Encoding.UTF8.GetBytes("file,identity\nx.jpg,x\n"));

        var run = CliRunner.Run("calibrate-match", "--labels", labels, "--groups", Path.Combine(folder.Path, "missing-groups.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Stderr);
    }

    private static double DefaultMatchThreshold()
    {
        using var provider = CliHost.Build();
        return provider.GetRequiredService<FaceVerify.Core.Policy.PolicyCatalog>().TryGet("default", out var policy)
            ? policy.MatchThreshold : throw new InvalidOperationException("no default policy");
    }
}
