using System.Text.Json;
using FaceVerify.Tests;
using Xunit.Abstractions;

namespace FaceVerify.Cli.Tests;

/// <summary>
/// <c>check-photo --json</c> on hostile files named .jpg: one JSON line with the specific reason code, exit 1
/// (a readable picture that breaks the rules) or 2 (unreadable or refused input), nothing on stderr.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class HostileFileCliTests(CliTempFolder folder, ITestOutputHelper output)
{
    public static TheoryData<string> Names => new(HostileFiles.All().Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Check_photo_names_the_problem_and_exits_1_or_2(string name)
    {
        var file = HostileFiles.All().Single(f => f.Name == name);
        var path = folder.Write(name + ".jpg", file.Bytes);

        var run = CliRunner.Run("check-photo", "--json", path);

        output.WriteLine($"{name}: exit {run.ExitCode} in {run.Elapsed.TotalMilliseconds:0} ms (container and models included): {run.Stdout.Trim()}");
        Assert.Equal("", run.Stderr);
        using var line = JsonDocument.Parse(Assert.Single(run.JsonLines));
        var root = line.RootElement;
        Assert.Equal(path, root.GetProperty("file").GetString());
        Assert.False(root.GetProperty("accepted").GetBoolean());
        var codes = root.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()).ToList();
        Assert.Contains(file.ExpectedCode, codes);
        Assert.Equal(file.ExpectedCode == HostileFiles.NotJpeg ? 1 : 2, run.ExitCode);
    }

    [Fact]
    public void A_missing_file_is_a_usage_error_with_a_reason()
    {
        var run = CliRunner.Run("check-photo", "--json", Path.Combine(folder.Path, "does-not-exist.jpg"));

        Assert.Equal(2, run.ExitCode);
        using var line = JsonDocument.Parse(Assert.Single(run.JsonLines));
        Assert.Equal("photo.unreadable", line.RootElement.GetProperty("violations")[0].GetProperty("code").GetString());
    }
}
