using System.Diagnostics;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Verification;
using FaceVerify.Tests;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace FaceVerify.Core.Tests;

/// <summary>Hostile uploads through the decoder alone and through the ID-photo check: a reason, never an exception.</summary>
public sealed class HostileFileTests(FaceVerifyServices services, ITestOutputHelper output) : IClassFixture<FaceVerifyServices>
{
    public static TheoryData<string> Names => new(HostileFiles.All().Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void The_decoder_refuses_with_a_specific_problem_and_without_decoding_a_bomb(string name)
    {
        var file = HostileFiles.All().Single(f => f.Name == name);
        var decoder = new SafeImageDecoder(Options.Create(new ImageLimits()));

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var outcome = decoder.Decode(file.Bytes, CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        output.WriteLine($"{name}: {outcome.Problem} '{outcome.Detail}' format={outcome.SniffedFormat} in {elapsed.TotalMilliseconds:0.0} ms, {allocated / 1024} KB allocated");
        var expected = file.ExpectedCode switch
        {
            HostileFiles.TooLarge => DecodeProblem.TooLarge,
            HostileFiles.Unreadable => DecodeProblem.Unreadable,
            _ => DecodeProblem.None,  // another format named .jpg decodes; the rules then refuse it as not JPEG
        };
        Assert.Equal(expected, outcome.Problem);
        Assert.Equal(file.Bytes.Length, outcome.ByteLength);
        // A bomb is refused from its header: far less memory than its 2.7–12.7 GB of pixels (loose, not a timing).
        if (expected == DecodeProblem.TooLarge) Assert.InRange(allocated, 0, 16L * 1024 * 1024);
        if (expected == DecodeProblem.None) Assert.NotEqual("jpeg", outcome.SniffedFormat);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_photo_check_names_the_problem(string name)
    {
        var file = HostileFiles.All().Single(f => f.Name == name);
        var checker = services.Get<IIdPhotoChecker>();

        var result = await checker.CheckAsync(file.Bytes, null, CancellationToken.None);

        output.WriteLine($"{name}: {string.Join(", ", result.Violations.Select(v => $"{v.Code}: {v.Message}"))}");
        Assert.False(result.Accepted);
        Assert.Contains(result.Violations, v => v.Code == file.ExpectedCode);
        Assert.Equal(file.ExpectedCode != HostileFiles.NotJpeg, result.Unreadable);
    }
}
