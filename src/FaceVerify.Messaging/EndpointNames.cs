using MassTransit;

namespace FaceVerify.Messaging;

/// <summary>Queue names both sides derive from message and consumer types (kebab-case, no namespace).</summary>
public static class EndpointNames
{
    public static IEndpointNameFormatter Formatter => KebabCaseEndpointNameFormatter.Instance;
}
