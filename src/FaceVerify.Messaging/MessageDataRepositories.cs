using MassTransit;
using MassTransit.MessageData;

namespace FaceVerify.Messaging;

/// <summary>The claim-check repository shared by the worker and bus clients (the CLI's submit).</summary>
public static class MessageDataRepositories
{
    public static IMessageDataRepository FileSystem(MessageDataOptions options) =>
        new FileSystemMessageDataRepository(Directory.CreateDirectory(options.Path));
}
