namespace FaceVerify.Core.Imaging;

public enum ChannelOrder { Rgb, Bgr, Grey }

/// <summary>How a model wants its pixels: channel order, then (value − Mean[c]) × Scale[c] per channel, planar (NCHW).</summary>
public sealed record TensorLayout(ChannelOrder Order, float[] Mean, float[] Scale)
{
    public int Channels => Order == ChannelOrder.Grey ? 1 : 3;

    public static TensorLayout Uniform(ChannelOrder order, float mean, float scale)
    {
        var n = order == ChannelOrder.Grey ? 1 : 3;
        return new TensorLayout(order, Enumerable.Repeat(mean, n).ToArray(), Enumerable.Repeat(scale, n).ToArray());
    }
}
