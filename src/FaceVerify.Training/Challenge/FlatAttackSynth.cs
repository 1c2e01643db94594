using FaceVerify.Cli.Training;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Cli.Challenge;

/// <summary>How a flat picture (a print or a phone screen) is held in front of a 640×480 webcam for one frame.</summary>
/// <param name="AboutVertical">Rotation (degrees) about the picture's vertical axis: what imitates a head turn.</param>
/// <param name="AboutHorizontal">Rotation about its horizontal axis (tilted towards or away from the camera).</param>
/// <param name="InPlane">Roll of the hand, degrees.</param>
/// <param name="ShiftX">Shift of the picture's centre, fraction of the canvas width (and height for <paramref name="ShiftY"/>).</param>
internal sealed record FlatPose(double AboutVertical, double AboutHorizontal, double InPlane, double ShiftX, double ShiftY);

/// <summary>What stays the same over one attack sequence: the picture's size, the room behind it, the degradations of the medium.</summary>
/// <param name="Height">Height of the picture on the canvas when held flat, fraction of the canvas height.</param>
/// <param name="Screen">True: a phone screen (moiré, sharper); false: a print (glare, softer).</param>
internal sealed record FlatMedium(double Height, bool Screen, int BlurRadius, double MoirePeriod, double MoireAngle, double MoireAmplitude,
    double GlareX, double GlareY, double GlareRadius, double GlareStrength, byte[] Wall, double Noise, int Seed)
{
    public static FlatMedium Draw(Random random) => new(
        Height: 0.55 + 0.3 * random.NextDouble(),
        Screen: random.Next(2) == 0,
        BlurRadius: random.Next(3),
        MoirePeriod: 3 + 5 * random.NextDouble(),
        MoireAngle: Math.PI * random.NextDouble(),
        MoireAmplitude: 0.05 + 0.1 * random.NextDouble(),
        GlareX: random.NextDouble(), GlareY: random.NextDouble(),
        GlareRadius: 0.1 + 0.2 * random.NextDouble(),
        GlareStrength: 40 + 100 * random.NextDouble(),
        Wall: [(byte)random.Next(60, 200), (byte)random.Next(60, 200), (byte)random.Next(60, 200)],
        Noise: 1 + 3 * random.NextDouble(),
        Seed: random.Next());
}

/// <summary>
/// Renders a picture as a flat card seen by a pinhole webcam (horizontal field of view about 60°): the camera sees
/// the plane rotated in 3-D, so the face in the frame moves exactly as one homography; then the medium's blur,
/// glare or moiré and sensor noise, which make the landmark model's job as hard as on a real attack.
/// </summary>
internal static class FlatAttackSynth
{
    private const int Width = 640, Height = 480;
    private const double Focal = 0.9 * Width;

    public static RgbImage Render(RgbImage picture, FlatPose pose, FlatMedium medium, int frame)
    {
        var scale = medium.Height * Height / picture.Height;  // canvas pixels per picture pixel at the reference depth
        var r = Rotation(pose);
        double cx = Width / 2.0 + pose.ShiftX * Width, cy = Height / 2.0 + pose.ShiftY * Height;
        // The card's centre sits at depth Focal, so a card facing the camera maps one to one (times scale).
        double ox = cx - Width / 2.0, oy = cy - Height / 2.0, oz = Focal;
        double nx = r[2], ny = r[5], nz = r[8];             // card normal = R·ez
        double ax = r[0], ay = r[3], az = r[6];             // card x axis = R·ex
        double bx = r[1], by = r[4], bz = r[7];             // card y axis = R·ey
        var nDotC = nx * ox + ny * oy + nz * oz;
        var output = new byte[Width * Height * 3];
        var src = picture.Pixels;
        for (var v = 0; v < Height; v++)
        {
            for (var u = 0; u < Width; u++)
            {
                double rx = u - Width / 2.0, ry = v - Height / 2.0, rz = Focal;
                var o = (v * Width + u) * 3;
                var denominator = nx * rx + ny * ry + nz * rz;
                var inside = false;
                if (Math.Abs(denominator) > 1e-9)
                {
                    var t = nDotC / denominator;
                    double px = t * rx - ox, py = t * ry - oy, pz = t * rz - oz;
                    var sx = (ax * px + ay * py + az * pz) / scale + picture.Width / 2.0;
                    var sy = (bx * px + by * py + bz * pz) / scale + picture.Height / 2.0;
                    if (t > 0 && sx >= 0 && sy >= 0 && sx < picture.Width - 1 && sy < picture.Height - 1)
                    {
                        inside = true;
                        Bilinear(src, picture.Width, sx, sy, output, o);
                    }
                }
                if (!inside)
                {
                    // The room behind the card: the same wall in every frame, lit a little unevenly.
                    var shade = 0.85 + 0.3 * v / Height;
                    for (var c = 0; c < 3; c++) output[o + c] = (byte)Math.Clamp(medium.Wall[c] * shade, 0, 255);
                }
            }
        }
        var image = new RgbImage(Width, Height, output);
        image = BoxBlur(image, medium.BlurRadius);
        Degrade(image, medium, new Random(medium.Seed + frame));
        return image;
    }

    private static void Bilinear(byte[] src, int w, double x, double y, byte[] dst, int o)
    {
        int x0 = (int)x, y0 = (int)y;
        double fx = x - x0, fy = y - y0;
        int i00 = (y0 * w + x0) * 3, i01 = i00 + w * 3;
        for (var c = 0; c < 3; c++)
        {
            var value = (1 - fx) * (1 - fy) * src[i00 + c] + fx * (1 - fy) * src[i00 + 3 + c] + (1 - fx) * fy * src[i01 + c] + fx * fy * src[i01 + 3 + c];
            dst[o + c] = (byte)Math.Clamp(value + 0.5, 0, 255);
        }
    }

    /// <summary>Row-major 3×3 rotation: about the vertical axis, then the horizontal one, then in the image plane.</summary>
    private static double[] Rotation(FlatPose pose)
    {
        double a = pose.AboutVertical * Math.PI / 180, b = pose.AboutHorizontal * Math.PI / 180, g = pose.InPlane * Math.PI / 180;
        double[] ry = [Math.Cos(a), 0, Math.Sin(a), 0, 1, 0, -Math.Sin(a), 0, Math.Cos(a)];
        double[] rx = [1, 0, 0, 0, Math.Cos(b), -Math.Sin(b), 0, Math.Sin(b), Math.Cos(b)];
        double[] rz = [Math.Cos(g), -Math.Sin(g), 0, Math.Sin(g), Math.Cos(g), 0, 0, 0, 1];
        return Multiply(ry, Multiply(rx, rz));
    }

    private static double[] Multiply(double[] p, double[] q)
    {
        var m = new double[9];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                for (var k = 0; k < 3; k++) m[3 * i + j] += p[3 * i + k] * q[3 * k + j];
        return m;
    }

    private static RgbImage BoxBlur(RgbImage image, int radius)
    {
        if (radius <= 0) return image;
        var pass = Pass(image.Pixels, image.Width, image.Height, radius, horizontal: true);
        return new RgbImage(image.Width, image.Height, Pass(pass, image.Width, image.Height, radius, horizontal: false));
    }

    private static byte[] Pass(byte[] src, int w, int h, int radius, bool horizontal)
    {
        var dst = new byte[src.Length];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                for (var c = 0; c < 3; c++)
                {
                    int sum = 0, n = 0;
                    for (var k = -radius; k <= radius; k++)
                    {
                        int xx = horizontal ? x + k : x, yy = horizontal ? y : y + k;
                        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
                        sum += src[(yy * w + xx) * 3 + c];
                        n++;
                    }
                    dst[(y * w + x) * 3 + c] = (byte)(sum / n);
                }
        return dst;
    }

    /// <summary>Moiré (a screen's pixel grid beating with the sensor's) or glare (a light reflected by the print), plus sensor noise.</summary>
    private static void Degrade(RgbImage image, FlatMedium medium, Random random)
    {
        var px = image.Pixels;
        double kx = Math.Cos(medium.MoireAngle) * 2 * Math.PI / medium.MoirePeriod, ky = Math.Sin(medium.MoireAngle) * 2 * Math.PI / medium.MoirePeriod;
        double gx = medium.GlareX * Width, gy = medium.GlareY * Height, gr = medium.GlareRadius * Width;
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                var gain = medium.Screen ? 1 + medium.MoireAmplitude * Math.Sin(kx * x + ky * y) : 1;
                var glare = medium.Screen ? 0 : medium.GlareStrength * Math.Exp(-((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (2 * gr * gr));
                var o = (y * Width + x) * 3;
                for (var c = 0; c < 3; c++)
                    px[o + c] = (byte)Math.Clamp(px[o + c] * gain + glare + medium.Noise * random.NextGaussian(), 0, 255);
            }
    }
}
