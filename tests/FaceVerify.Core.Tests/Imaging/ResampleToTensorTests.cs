using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Tests.Imaging;

/// <summary>
/// Every colour model input goes through the axis-aligned resampler (vectorised where the CPU allows). Its tensors
/// must equal, bit for bit, resampling to an 8-bit picture first and converting that: every threshold was measured so.
/// </summary>
public sealed class ResampleToTensorTests
{
    public static TheoryData<int, int, float, float, float, float, int, int> Crops => new()
    {
        { 640, 480, 0, 0, 640, 480, 320, 240 },       // the detector's 2:1 shrink
        { 295, 413, 0, 0, 295, 413, 320, 240 },       // the detector on an ID photo (stretched)
        { 640, 480, 101.3f, 57.8f, 311.4f, 311.4f, 224, 224 }, // a pose crop
        { 200, 150, -40.5f, -30.25f, 290f, 260f, 128, 128 },   // a liveness crop partly outside the picture (edges repeat)
        { 37, 23, 0, 0, 37, 23, 113, 61 },            // enlargement, widths that are not multiples of 8
        { 9, 9, 0, 0, 9, 9, 8, 8 },                   // the last row and column are read in every vector
    };

    [Theory]
    [MemberData(nameof(Crops))]
    public void The_tensor_equals_resampling_to_8_bits_first(int sourceWidth, int sourceHeight, float x, float y, float width, float height, int outWidth, int outHeight)
    {
        var random = new Random(sourceWidth * 31 + outWidth);
        var pixels = new byte[sourceWidth * sourceHeight * 3];
        random.NextBytes(pixels);
        var source = new RgbImage(sourceWidth, sourceHeight, pixels);
        var map = Affine.ForCrop(x, y, width, height, outWidth, outHeight);

        foreach (var layout in new[] { TensorLayout.Uniform(ChannelOrder.Rgb, 127f, 1 / 128f), TensorLayout.Uniform(ChannelOrder.Bgr, 0f, 1f) })
        {
            var direct = PixelSampler.ToTensor(source, map, outWidth, outHeight, layout);
            var viaBytes = PixelSampler.ToTensor(PixelSampler.Warp(source, map, outWidth, outHeight), layout);

            Assert.Equal(viaBytes.Length, direct.Length);
            var first = Enumerable.Range(0, direct.Length).FirstOrDefault(i => BitConverter.SingleToInt32Bits(direct[i]) != BitConverter.SingleToInt32Bits(viaBytes[i]), -1);
            Assert.True(first < 0, $"{layout.Order}: element {first} is {(first < 0 ? 0 : direct[first])}, resampling to bytes first gives {(first < 0 ? 0 : viaBytes[first])}");
        }
    }
}
