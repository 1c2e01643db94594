using System.CommandLine;
using System.Text.Json;
using FaceVerify.Contracts;
using FaceVerify.Messaging;
using MassTransit;

namespace FaceVerify.BusClient;

/// <summary>
/// The CLI's bus commands: <c>submit</c> and <c>rerun</c> (the worker is its own host). Exit codes: 0 pass (or
/// sent), 1 fail, 2 usage, unreadable input or no answer in time.
/// </summary>
public static class BusCommands
{
    private const int Pass = 0, Fail = 1, UsageOrUnreadable = 2;

    public static Command BuildSubmitCommand()
    {
        var bus = BusOption();
        var messageData = MessageDataOption();
        var idPhoto = new Option<FileInfo>("--id-photo") { Description = "The registered ID photo", Required = true };
        var snapshot = new Option<FileInfo>("--snapshot") { Description = "The exam-time webcam snapshot", Required = true };
        var frames = new Option<FileInfo[]>("--frame") { Description = "Extra frames for liveness", AllowMultipleArgumentsPerToken = false };
        var policy = new Option<string?>("--policy") { Description = "Policy name; the worker's default when omitted" };
        var id = new Option<Guid?>("--verification-id") { Description = "Business key; a new one when omitted" };
        var candidate = new Option<string>("--candidate-id") { Description = "Candidate reference", DefaultValueFactory = _ => "cli" };
        var exam = new Option<string>("--exam-id") { Description = "Exam reference", DefaultValueFactory = _ => "cli" };
        var wait = new Option<bool>("--wait") { Description = "Wait for the completed event and print it as JSON" };
        var timeout = TimeoutOption();
        var command = new Command("submit", "Publish a VerifyIdentity request to the worker")
            { bus, messageData, idPhoto, snapshot, frames, policy, id, candidate, exam, wait, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = new List<FileInfo> { parse.GetValue(idPhoto)!, parse.GetValue(snapshot)! };
            files.AddRange(parse.GetValue(frames) ?? []);
            if (files.FirstOrDefault(f => !f.Exists) is { } missing)
            {
                await Console.Error.WriteLineAsync($"{missing.FullName}: no such file");
                return UsageOrUnreadable;
            }
            var connection = new BusConnection(parse.GetValue(bus)!, parse.GetValue(messageData)!);
            var repository = connection.CreateRepository();
            var uploader = new ImageUploader(repository, TimeSpan.FromDays(7));
            var images = new List<ImageInput>();
            foreach (var file in files)
                images.Add(await uploader.UploadAsync(await File.ReadAllBytesAsync(file.FullName, cancellationToken), cancellationToken));

            var request = new VerifyIdentity
            {
                VerificationId = parse.GetValue(id) ?? NewId.NextGuid(),
                CandidateId = parse.GetValue(candidate)!,
                ExamId = parse.GetValue(exam)!,
                IdPhoto = images[0],
                Snapshot = images[1],
                ExtraFrames = images.Skip(2).ToArray(),
                Policy = parse.GetValue(policy),
                RequestedAt = DateTimeOffset.UtcNow,
            };
            return await PublishAndMaybeWaitAsync(connection, repository, request, request.VerificationId,
                parse.GetValue(wait), parse.GetValue(timeout), cancellationToken);
        });
        return command;
    }

    public static Command BuildRerunCommand()
    {
        var bus = BusOption();
        var idArgument = new Argument<Guid>("id") { Description = "The VerificationId to evaluate again" };
        var policy = new Option<string?>("--policy") { Description = "Evaluate under this policy instead of the original" };
        var reason = new Option<string>("--reason") { Description = "Why (kept with the result)", DefaultValueFactory = _ => "re-run from the command line" };
        var wait = new Option<bool>("--wait") { Description = "Wait for the re-run's completed event and print it" };
        var timeout = TimeoutOption();
        var command = new Command("rerun", "Ask the worker to re-run a stored verification") { idArgument, bus, policy, reason, wait, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = new BusConnection(parse.GetValue(bus)!, BusConnection.DefaultMessageDataPath);
            var command = new RerunVerification
            {
                VerificationId = parse.GetValue(idArgument),
                Policy = parse.GetValue(policy),
                Reason = parse.GetValue(reason)!,
                RequestedBy = Environment.UserName,
            };
            return await PublishAndMaybeWaitAsync(connection, connection.CreateRepository(), command, command.VerificationId,
                parse.GetValue(wait), parse.GetValue(timeout), cancellationToken);
        });
        return command;
    }

    private static async Task<int> PublishAndMaybeWaitAsync<T>(BusConnection connection, IMessageDataRepository repository,
        T message, Guid verificationId, bool wait, TimeSpan timeout, CancellationToken cancellationToken) where T : class
    {
        var waiter = new CompletedEventWaiter();
        var bus = connection.CreateBus(repository, cfg =>
        {
            if (wait) cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), EndpointNames.Formatter, waiter.Attach);
        });
        await bus.StartAsync(cancellationToken);
        using var pending = wait ? waiter.Expect(verificationId) : null;
        try
        {
            await new ResilientPublisher(bus).PublishAsync(message, cancellationToken);
            if (!wait)
            {
                Console.WriteLine(verificationId);
                return Pass;
            }
            var completed = await pending!.Completion.WaitAsync(timeout, cancellationToken);
            Console.WriteLine(JsonSerializer.Serialize(completed, FaceVerify.Core.Json.FaceVerifyJson.Options));
            return completed.Verdict == Verdicts.Pass ? Pass : Fail;
        }
        catch (TimeoutException)
        {
            await Console.Error.WriteLineAsync($"No completed event for {verificationId} within {timeout}.");
            return UsageOrUnreadable;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>System.CommandLine has no Uri parser of its own.</summary>
    public static Option<Uri> BusOption() => new("--bus")
    {
        Description = "Broker URI, e.g. rabbitmq://localhost/",
        Required = true,
        CustomParser = r => Uri.TryCreate(r.Tokens.Single().Value, UriKind.Absolute, out var uri) ? uri : NotAUri(r),
    };

    private static Uri? NotAUri(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"'{result.Tokens.Single().Value}' is not an absolute URI");
        return null;
    }

    private static Option<string> MessageDataOption() => new("--message-data")
    {
        Description = "Claim-check folder shared with the worker",
        DefaultValueFactory = _ => BusConnection.DefaultMessageDataPath,
    };

    private static Option<TimeSpan> TimeoutOption() => new("--timeout")
    {
        Description = "How long --wait waits",
        DefaultValueFactory = _ => TimeSpan.FromMinutes(2),
    };
}
