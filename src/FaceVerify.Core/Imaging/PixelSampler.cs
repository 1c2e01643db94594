using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FaceVerify.Core.Imaging;

/// <summary>Bilinear and area sampling from <see cref="RgbImage"/> into model tensors or small RGB images.</summary>
public static class PixelSampler
{
    /// <summary>Samples an output of width×height through <paramref name="map"/> into a planar tensor.</summary>
    /// <param name="outsideBlack">True: positions outside the image read as black (OpenCV's constant border); false: edge pixels repeat.</param>
    public static float[] ToTensor(RgbImage source, Affine map, int width, int height, TensorLayout layout, bool outsideBlack = false)
    {
        if (map.B == 0 && map.D == 0 && !outsideBlack && layout.Order != ChannelOrder.Grey)
            return ResampleToTensor(source, map, width, height, layout);
        var rgb = Warp(source, map, width, height, outsideBlack);
        return ToTensor(rgb, layout);
    }

    /// <summary>Converts a small RGB image into a planar tensor.</summary>
    /// <remarks>Pointer loops: this runs on every model input, and bounds checks were a measurable share of it.</remarks>
    public static unsafe float[] ToTensor(RgbImage image, TensorLayout layout)
    {
        var plane = image.Width * image.Height;
        var tensor = GC.AllocateUninitializedArray<float>(plane * layout.Channels);
        fixed (byte* px = image.Pixels)
        fixed (float* t = tensor)
        {
            if (layout.Order == ChannelOrder.Grey)
            {
                float m = layout.Mean[0], s = layout.Scale[0];
                for (var i = 0; i < plane; i++)
                    t[i] = (0.299f * px[3 * i] + 0.587f * px[3 * i + 1] + 0.114f * px[3 * i + 2] - m) * s;
                return tensor;
            }
            var bgr = layout.Order == ChannelOrder.Bgr;
            float* c0 = t, c1 = t + plane, c2 = t + 2 * plane;
            float m0 = layout.Mean[0], m1 = layout.Mean[1], m2 = layout.Mean[2];
            float s0 = layout.Scale[0], s1 = layout.Scale[1], s2 = layout.Scale[2];
            int r = bgr ? 2 : 0, b = bgr ? 0 : 2;
            var p = px;
            for (var i = 0; i < plane; i++, p += 3)
            {
                c0[i] = (p[r] - m0) * s0;
                c1[i] = (p[1] - m1) * s1;
                c2[i] = (p[b] - m2) * s2;
            }
        }
        return tensor;
    }

    /// <summary>Bilinear warp of the source into a new RGB image of width×height.</summary>
    /// <remarks>Pointer loops with the arithmetic unchanged (the same pixels as the indexed version): the rotated face
    /// crops and every crop reaching past the picture (BlazeFace's, the liveness context) come through here.</remarks>
    public static unsafe RgbImage Warp(RgbImage source, Affine map, int width, int height, bool outsideBlack = false)
    {
        if (map.B == 0 && map.D == 0 && !outsideBlack) return Resample(source, map, width, height);
        var dst = new byte[width * height * 3];
        int w = source.Width, h = source.Height, stride = w * 3;
        fixed (byte* src = source.Pixels)
        fixed (byte* d = dst)
        {
            for (var v = 0; v < height; v++)
            {
                for (var u = 0; u < width; u++)
                {
                    var x = map.A * u + map.B * v + map.C;
                    var y = map.D * u + map.E * v + map.F;
                    var o = d + (v * width + u) * 3;
                    if (outsideBlack && (x < -1 || y < -1 || x > w || y > h)) continue;
                    var x0 = (int)MathF.Floor(x);
                    var y0 = (int)MathF.Floor(y);
                    var fx = x - x0;
                    var fy = y - y0;
                    if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h)
                    {
                        // Inside the image (almost every pixel of a face crop): no clamping, no border weights.
                        byte* p00 = src + y0 * stride + x0 * 3, p01 = p00 + stride;
                        float q00 = (1 - fx) * (1 - fy), q10 = fx * (1 - fy), q01 = (1 - fx) * fy, q11 = fx * fy;
                        for (var c = 0; c < 3; c++)
                        {
                            var value = q00 * p00[c] + q10 * p00[3 + c] + q01 * p01[c] + q11 * p01[3 + c];
                            o[c] = (byte)Math.Clamp((int)(value + 0.5f), 0, 255);
                        }
                        continue;
                    }
                    int xa = Clamp(x0, w), xb = Clamp(x0 + 1, w), ya = Clamp(y0, h), yb = Clamp(y0 + 1, h);
                    float wa = Weight(outsideBlack, x0, y0, w, h), wb = Weight(outsideBlack, x0 + 1, y0, w, h);
                    float wc = Weight(outsideBlack, x0, y0 + 1, w, h), wd = Weight(outsideBlack, x0 + 1, y0 + 1, w, h);
                    byte* pa = src + ya * stride + xa * 3, pb = src + ya * stride + xb * 3, pc = src + yb * stride + xa * 3, pd = src + yb * stride + xb * 3;
                    float k00 = (1 - fx) * (1 - fy) * wa, k10 = fx * (1 - fy) * wb, k01 = (1 - fx) * fy * wc, k11 = fx * fy * wd;
                    for (var c = 0; c < 3; c++)
                    {
                        var value = k00 * pa[c] + k10 * pb[c] + k01 * pc[c] + k11 * pd[c];
                        o[c] = (byte)Math.Clamp((int)(value + 0.5f), 0, 255);
                    }
                }
            }
        }
        return new RgbImage(width, height, dst);
    }

    /// <summary>
    /// The axis-aligned case of <see cref="Warp"/> (every crop but the face alignment): source columns and
    /// rows and their weights are computed once per column and row instead of once per pixel.
    /// </summary>
    private static unsafe RgbImage Resample(RgbImage source, Affine map, int width, int height)
    {
        int w = source.Width, h = source.Height, stride = w * 3;
        var (x0, x1, fx) = ColumnTaps(map, width, w);
        var dst = GC.AllocateUninitializedArray<byte>(width * height * 3);
        fixed (byte* src = source.Pixels)
        fixed (byte* d = dst)
        {
            for (var v = 0; v < height; v++)
            {
                var y = map.E * v + map.F;
                var yf = (int)MathF.Floor(y);
                var fy = y - yf;
                byte* rowA = src + Clamp(yf, h) * stride, rowB = src + Clamp(yf + 1, h) * stride;
                var o = d + v * width * 3;
                for (var u = 0; u < width; u++, o += 3)
                {
                    float ax = fx[u], bx = 1 - ax;
                    byte* pa = rowA + x0[u], pb = rowA + x1[u], pc = rowB + x0[u], pd = rowB + x1[u];
                    for (var c = 0; c < 3; c++) o[c] = (byte)Lerp(pa[c], pb[c], pc[c], pd[c], ax, bx, fy);
                }
            }
        }
        return new RgbImage(width, height, dst);
    }

    /// <summary>For each output column of an axis-aligned map: the byte offsets of its two source pixels and the right one's weight.</summary>
    private static (int[] Left, int[] Right, float[] Weight) ColumnTaps(Affine map, int width, int sourceWidth)
    {
        var left = new int[width];
        var right = new int[width];
        var weight = new float[width];
        for (var u = 0; u < width; u++)
        {
            var x = map.A * u + map.C;
            var xf = (int)MathF.Floor(x);
            weight[u] = x - xf;
            left[u] = Clamp(xf, sourceWidth) * 3;
            right[u] = Clamp(xf + 1, sourceWidth) * 3;
        }
        return (left, right, weight);
    }

    /// <summary>
    /// Axis-aligned bilinear sampling straight into a planar colour tensor: the crop of every colour model
    /// input, without an intermediate 8-bit image. Values are still rounded to whole levels, so the tensors
    /// are bit-identical to resampling to 8 bits first (as the reference's cv.resize does), on which every
    /// threshold was measured; tiny faces proved sensitive to even half a level.
    /// </summary>
    private static unsafe float[] ResampleToTensor(RgbImage source, Affine map, int width, int height, TensorLayout layout)
    {
        int w = source.Width, h = source.Height, stride = w * 3, plane = width * height;
        var (x0, x1, fx) = ColumnTaps(map, width, w);
        var tensor = GC.AllocateUninitializedArray<float>(3 * plane);
        int r = layout.Order == ChannelOrder.Bgr ? 2 : 0, b = 2 - r;
        float m0 = layout.Mean[0], m1 = layout.Mean[1], m2 = layout.Mean[2];
        float s0 = layout.Scale[0], s1 = layout.Scale[1], s2 = layout.Scale[2];
        fixed (byte* src = source.Pixels)
        fixed (float* t = tensor)
        fixed (int* left = x0, right = x1)
        fixed (float* weight = fx)
        {
            // The vector path reads each tap as a 4-byte word: in the picture's last row it stops before the last pixel.
            var vectorised = Avx2.IsSupported && map.A > 0;
            for (var v = 0; v < height; v++)
            {
                var y = map.E * v + map.F;
                var yf = (int)MathF.Floor(y);
                var fy = y - yf;
                int ya = Clamp(yf, h), yb = Clamp(yf + 1, h);
                byte* rowA = src + ya * stride, rowB = src + yb * stride;
                float* c0 = t + v * width, c1 = c0 + plane, c2 = c1 + plane;
                var u = 0;
                if (vectorised)
                {
                    var safeOffset = Math.Max(ya, yb) == h - 1 ? (w - 1) * 3 : int.MaxValue;
                    var channels = new TensorChannels(c0, c1, c2, r, b, m0, m1, m2, s0, s1, s2);
                    u = ResampleRowAvx2(rowA, rowB, left, right, weight, fy, width, safeOffset, channels);
                }
                for (; u < width; u++)
                {
                    float ax = weight[u], bx = 1 - ax;
                    byte* pa = rowA + left[u], pb = rowA + right[u], pc = rowB + left[u], pd = rowB + right[u];
                    c0[u] = (Lerp(pa[r], pb[r], pc[r], pd[r], ax, bx, fy) - m0) * s0;
                    c1[u] = (Lerp(pa[1], pb[1], pc[1], pd[1], ax, bx, fy) - m1) * s1;
                    c2[u] = (Lerp(pa[b], pb[b], pc[b], pd[b], ax, bx, fy) - m2) * s2;
                }
            }
        }
        return tensor;
    }

    /// <summary>Where one output row of a planar tensor goes, and each channel's source byte, mean and scale.</summary>
    private readonly unsafe struct TensorChannels(float* c0, float* c1, float* c2, int r, int b, float m0, float m1, float m2, float s0, float s1, float s2)
    {
        public readonly float* C0 = c0, C1 = c1, C2 = c2;
        public readonly int R = r, B = b;
        public readonly float M0 = m0, M1 = m1, M2 = m2, S0 = s0, S1 = s1, S2 = s2;
    }

    /// <summary>
    /// Eight output pixels at a time: each tap is gathered as one 32-bit word (its three bytes and the next), and the
    /// arithmetic is the scalar <see cref="Lerp"/>'s, operation for operation and without fused multiply-adds, so the
    /// values are bit-identical. Returns the first column it did not do.
    /// </summary>
    private static unsafe int ResampleRowAvx2(byte* rowA, byte* rowB, int* left, int* right, float* weight, float fy, int width, int safeOffset, TensorChannels c)
    {
        var one = Vector256.Create(1f);
        var half = Vector256.Create(0.5f);
        var fyv = Vector256.Create(fy);
        var u = 0;
        for (; u + 8 <= width && right[u + 7] < safeOffset && left[u + 7] < safeOffset; u += 8)
        {
            var li = Avx.LoadVector256(left + u);
            var ri = Avx.LoadVector256(right + u);
            var ax = Avx.LoadVector256(weight + u);
            var bx = Avx.Subtract(one, ax);
            var pa = Avx2.GatherVector256((int*)rowA, li, 1);
            var pb = Avx2.GatherVector256((int*)rowA, ri, 1);
            var pc = Avx2.GatherVector256((int*)rowB, li, 1);
            var pd = Avx2.GatherVector256((int*)rowB, ri, 1);
            Avx.Store(c.C0 + u, Channel(pa, pb, pc, pd, 8 * c.R, ax, bx, fyv, half, c.M0, c.S0));
            Avx.Store(c.C1 + u, Channel(pa, pb, pc, pd, 8, ax, bx, fyv, half, c.M1, c.S1));
            Avx.Store(c.C2 + u, Channel(pa, pb, pc, pd, 8 * c.B, ax, bx, fyv, half, c.M2, c.S2));
        }
        return u;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Channel(Vector256<int> pa, Vector256<int> pb, Vector256<int> pc, Vector256<int> pd, int shift,
        Vector256<float> ax, Vector256<float> bx, Vector256<float> fy, Vector256<float> half, float mean, float scale)
    {
        var mask = Vector256.Create(0xFF);
        Vector256<float> Byte(Vector256<int> word) => Avx.ConvertToVector256Single(Avx2.And(Avx2.ShiftRightLogical(word, Vector128.CreateScalar(shift)), mask));
        var top = Avx.Add(Avx.Multiply(bx, Byte(pa)), Avx.Multiply(ax, Byte(pb)));
        var bottom = Avx.Add(Avx.Multiply(bx, Byte(pc)), Avx.Multiply(ax, Byte(pd)));
        var level = Avx.ConvertToVector256Int32WithTruncation(Avx.Add(Avx.Add(top, Avx.Multiply(fy, Avx.Subtract(bottom, top))), half));
        return Avx.Multiply(Avx.Subtract(Avx.ConvertToVector256Single(level), Vector256.Create(mean)), Vector256.Create(scale));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static float Lerp(byte a, byte b, byte c, byte d, float ax, float bx, float fy)
    {
        var top = bx * a + ax * b;
        var bottom = bx * c + ax * d;
        return (int)(top + fy * (bottom - top) + 0.5f);
    }

    /// <summary>Area-averaged resize of the whole image: no aliasing when a large photo shrinks to a detector input.</summary>
    public static RgbImage ResizeArea(RgbImage source, int width, int height)
    {
        if (source.Width <= width * 2 || source.Height <= height * 2)
            return Warp(source, Affine.ForCrop(0, 0, source.Width, source.Height, width, height), width, height);
        var dst = new byte[width * height * 3];
        var src = source.Pixels;
        int w = source.Width, h = source.Height;
        var sums = new long[width * 3];
        var counts = new int[width];
        for (var v = 0; v < height; v++)
        {
            int y0 = (int)((long)v * h / height), y1 = (int)((long)(v + 1) * h / height);
            Array.Clear(sums);
            Array.Clear(counts);
            for (var y = y0; y < y1; y++)
            {
                var row = y * w * 3;
                for (var u = 0; u < width; u++)
                {
                    int x0 = (int)((long)u * w / width), x1 = (int)((long)(u + 1) * w / width);
                    long r = 0, g = 0, b = 0;
                    for (var x = x0; x < x1; x++)
                    {
                        var i = row + x * 3;
                        r += src[i]; g += src[i + 1]; b += src[i + 2];
                    }
                    sums[u * 3] += r; sums[u * 3 + 1] += g; sums[u * 3 + 2] += b;
                    counts[u] += x1 - x0;
                }
            }
            for (var u = 0; u < width; u++)
            {
                var o = (v * width + u) * 3;
                var n = Math.Max(1, counts[u]);
                dst[o] = (byte)(sums[u * 3] / n);
                dst[o + 1] = (byte)(sums[u * 3 + 1] / n);
                dst[o + 2] = (byte)(sums[u * 3 + 2] / n);
            }
        }
        return new RgbImage(width, height, dst);
    }

    private static float Weight(bool outsideBlack, int x, int y, int w, int h) =>
        outsideBlack && (x < 0 || y < 0 || x >= w || y >= h) ? 0 : 1;

    private static int Clamp(int value, int size) => value < 0 ? 0 : value >= size ? size - 1 : value;
}
