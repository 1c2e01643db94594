using FaceVerify.Core.Liveness;

namespace FaceVerify.Core.Tests.Liveness;

/// <summary>The moiré cue reads its band's median by selection instead of a sort: the same value at every rank.</summary>
public sealed class SpectrumSelectTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(17, 3)]        // few distinct values: runs of equal keys around the pivot
    [InlineData(1_800, 1_000_000)]
    [InlineData(1_801, 5)]
    public void Select_returns_what_a_sort_puts_at_the_rank(int length, int distinct)
    {
        var random = new Random(20261129 + length);
        var values = Enumerable.Range(0, length).Select(_ => (double)random.Next(distinct)).ToArray();
        var sorted = values.Order().ToArray();
        foreach (var rank in new[] { 0, length / 2, length - 1, random.Next(length) })
            Assert.Equal(sorted[rank], Spectrum.Select(values.ToArray(), rank));
    }
}
