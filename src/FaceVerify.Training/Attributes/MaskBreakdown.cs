namespace FaceVerify.Cli.Training;

/// <summary>
/// The mask head's figures at its threshold on parts of the data, so the README's breakdown comes out of the
/// training command: the mask set's own negatives only, everything but the sunglassed selfies (the hardest
/// negatives), and everything with the masked pictures in which no face was detected counted as missed masks.
/// </summary>
internal static class MaskBreakdown
{
    public static List<(string Name, AttributeFigures Figures)> Of(IReadOnlyList<(AttributeSample Sample, double Score)> scored, int maskedWithoutFace, double threshold)
    {
        List<(double Score, bool Positive)> Where(Func<AttributeSample, bool> keep) =>
            scored.Where(s => s.Sample.Mask is not null && keep(s.Sample)).Select(s => (s.Score, s.Sample.Mask!.Value)).ToList();
        AttributeFigures At(List<(double Score, bool Positive)> part) => AttributeFigures.At("Mask", threshold, part, []);
        return
        [
            ("mask set only (with vs without mask)", At(Where(s => s.Source is "mask" or "no_mask"))),
            ("all but the sunglassed selfies", At(Where(s => s.Source != "sunglasses"))),
            ($"all, {maskedWithoutFace} masked pictures without a detected face counted as missed",
                At([.. Where(_ => true), .. Enumerable.Repeat((double.NegativeInfinity, true), maskedWithoutFace)])),
        ];
    }
}
