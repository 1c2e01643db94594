using FaceVerify.Contracts;
using FaceVerify.Core.Verification;
using FaceVerify.Worker.Images;
using MassTransit;

namespace FaceVerify.Worker.Messaging;

/// <summary>Request/response check of an ID photo against the registration rules.</summary>
public sealed class ValidateIdPhotoConsumer(IImageLoader images, IIdPhotoChecker checker) : IConsumer<ValidateIdPhoto>
{
    public async Task Consume(ConsumeContext<ValidateIdPhoto> context)
    {
        var loaded = await images.LoadAsync(context.Message.Photo, "ID photo", context.CancellationToken);
        if (loaded.Problem is { } problem)
        {
            await context.RespondAsync(new IdPhotoValidated { Accepted = false, Violations = [problem], Policy = context.Message.Policy });
            return;
        }
        var check = await checker.CheckAsync(loaded.Bytes, context.Message.Policy, context.CancellationToken);
        await context.RespondAsync(check.ToAnswer(file: null));
    }
}

public sealed class ValidateIdPhotoConsumerDefinition(ConsumerEndpointPolicy policy) : PolicyConsumerDefinition<ValidateIdPhotoConsumer>(policy);
