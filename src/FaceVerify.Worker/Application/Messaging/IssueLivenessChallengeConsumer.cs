using FaceVerify.Contracts;
using FaceVerify.Worker.Challenges;
using MassTransit;

namespace FaceVerify.Worker.Messaging;

/// <summary>Request/response: a new liveness challenge, stored before it is answered.</summary>
public sealed class IssueLivenessChallengeConsumer(LivenessChallenges challenges) : IConsumer<IssueLivenessChallenge>
{
    public async Task Consume(ConsumeContext<IssueLivenessChallenge> context)
    {
        var (issued, problem) = await challenges.IssueAsync(context.Message, context.CancellationToken);
        // An unknown policy is the sender's mistake and retrying will not change it: the requester gets the fault.
        if (issued is null) throw new ArgumentException(problem);
        await context.RespondAsync(issued);
    }
}

public sealed class IssueLivenessChallengeConsumerDefinition(ConsumerEndpointPolicy policy) : PolicyConsumerDefinition<IssueLivenessChallengeConsumer>(policy);
