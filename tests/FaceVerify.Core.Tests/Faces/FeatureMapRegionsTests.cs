using FaceVerify.Core.Faces;

namespace FaceVerify.Core.Tests.Faces;

public sealed class FeatureMapRegionsTests
{
    [Fact]
    public void Each_region_is_the_mean_of_its_cells_per_channel()
    {
        const int channels = 2, cells = FeatureMapRegions.GridSize * FeatureMapRegions.GridSize;
        var map = new float[channels * cells];
        // Channel 0 holds the row number, channel 1 the column number of each cell.
        for (var r = 0; r < 7; r++)
            for (var c = 0; c < 7; c++) { map[r * 7 + c] = r; map[cells + r * 7 + c] = c; }

        var pooled = FeatureMapRegions.Pool(map, channels);

        Assert.Equal(FeatureMapRegions.Count(channels), pooled.Length);
        Assert.Equal([2.5f, 3f, 5.5f, 3f], pooled);  // eye band rows 2–3, lower face rows 5–6, columns 1–5 in both
    }

    [Fact]
    public void A_map_of_the_wrong_size_is_refused() =>
        Assert.Throws<ArgumentException>(() => FeatureMapRegions.Pool(new float[512 * 6 * 6], 512));
}
