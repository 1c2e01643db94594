namespace FaceVerify.Core.Faces;

/// <summary>
/// Averages a C×7×7 feature map (each cell sees a 16×16 block of the 112×112 aligned face, eyes on row 3,
/// mouth on row 5) over the regions the occlusion heads need: the band of the eyes and brows, where lenses
/// sit, and the lower face, where a mask sits.
/// </summary>
public static class FeatureMapRegions
{
    public const int GridSize = 7;

    // Inclusive (row0, row1, col0, col1) cell ranges on the 7×7 grid.
    private static readonly (int R0, int R1, int C0, int C1)[] Regions =
    [
        (2, 3, 1, 5), // eyes and brows
        (5, 6, 1, 5), // nose tip, mouth, chin
    ];

    public static int Count(int channels) => Regions.Length * channels;

    public static float[] Pool(ReadOnlySpan<float> map, int channels)
    {
        const int cells = GridSize * GridSize;
        if (map.Length != channels * cells)
            throw new ArgumentException($"expected a {channels}×{GridSize}×{GridSize} map, got {map.Length} values", nameof(map));
        var pooled = new float[Count(channels)];
        for (var r = 0; r < Regions.Length; r++)
        {
            var (r0, r1, c0, c1) = Regions[r];
            var n = (r1 - r0 + 1) * (c1 - c0 + 1);
            for (var c = 0; c < channels; c++)
            {
                var plane = map.Slice(c * cells, cells);
                float sum = 0;
                for (var y = r0; y <= r1; y++)
                    for (var x = c0; x <= c1; x++)
                        sum += plane[y * GridSize + x];
                pooled[r * channels + c] = sum / n;
            }
        }
        return pooled;
    }
}
