namespace FaceVerify.Core.Imaging;

/// <summary>Bilinear and area sampling from <see cref="RgbImage"/> into model tensors or small RGB images.</summary>
public static class PixelSampler
{
    /// <summary>Samples an output of width×height through <paramref name="map"/> into a planar tensor.</summary>
    /// <param name="outsideBlack">True: positions outside the image read as black (OpenCV's constant border); false: edge pixels repeat.</param>
    public static float[] ToTensor(RgbImage source, Affine map, int width, int height, TensorLayout layout, bool outsideBlack = false)
    {
        var rgb = Warp(source, map, width, height, outsideBlack);
        return ToTensor(rgb, layout);
    }

    /// <summary>Converts a small RGB image into a planar tensor.</summary>
    public static float[] ToTensor(RgbImage image, TensorLayout layout)
    {
        var plane = image.Width * image.Height;
        var tensor = new float[plane * layout.Channels];
        var px = image.Pixels;
        if (layout.Order == ChannelOrder.Grey)
        {
            float m = layout.Mean[0], s = layout.Scale[0];
            for (var i = 0; i < plane; i++)
                tensor[i] = (0.299f * px[3 * i] + 0.587f * px[3 * i + 1] + 0.114f * px[3 * i + 2] - m) * s;
            return tensor;
        }
        var bgr = layout.Order == ChannelOrder.Bgr;
        for (var c = 0; c < 3; c++)
        {
            var src = bgr ? 2 - c : c;
            float m = layout.Mean[c], s = layout.Scale[c];
            var off = c * plane;
            for (var i = 0; i < plane; i++) tensor[off + i] = (px[3 * i + src] - m) * s;
        }
        return tensor;
    }

    /// <summary>Bilinear warp of the source into a new RGB image of width×height.</summary>
    public static RgbImage Warp(RgbImage source, Affine map, int width, int height, bool outsideBlack = false)
    {
        var dst = new byte[width * height * 3];
        var src = source.Pixels;
        int w = source.Width, h = source.Height, stride = w * 3;
        for (var v = 0; v < height; v++)
        {
            for (var u = 0; u < width; u++)
            {
                var x = map.A * u + map.B * v + map.C;
                var y = map.D * u + map.E * v + map.F;
                var o = (v * width + u) * 3;
                if (outsideBlack && (x < -1 || y < -1 || x > w || y > h)) continue;
                var x0 = (int)MathF.Floor(x);
                var y0 = (int)MathF.Floor(y);
                var fx = x - x0;
                var fy = y - y0;
                int xa = Clamp(x0, w), xb = Clamp(x0 + 1, w), ya = Clamp(y0, h), yb = Clamp(y0 + 1, h);
                float wa = Weight(outsideBlack, x0, y0, w, h), wb = Weight(outsideBlack, x0 + 1, y0, w, h);
                float wc = Weight(outsideBlack, x0, y0 + 1, w, h), wd = Weight(outsideBlack, x0 + 1, y0 + 1, w, h);
                int ia = ya * stride + xa * 3, ib = ya * stride + xb * 3, ic = yb * stride + xa * 3, id = yb * stride + xb * 3;
                float k00 = (1 - fx) * (1 - fy) * wa, k10 = fx * (1 - fy) * wb, k01 = (1 - fx) * fy * wc, k11 = fx * fy * wd;
                for (var c = 0; c < 3; c++)
                {
                    var value = k00 * src[ia + c] + k10 * src[ib + c] + k01 * src[ic + c] + k11 * src[id + c];
                    dst[o + c] = (byte)Math.Clamp((int)(value + 0.5f), 0, 255);
                }
            }
        }
        return new RgbImage(width, height, dst);
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
